/**
 * The set-up the live events tests share: station EV-1 with one EVSE and connector, and the admin
 * API listening on a free port of its own database, with a client of its events endpoint.
 */
import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import type { Store } from '@chargebridge/store';
import { pino } from 'pino';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { build } from '../../src/index.js';
import { EventStream } from './event-stream.js';

const adminToken = 'test-admin-token-events-0123';

/** Ids of what {@link seedEventStation} created. */
export interface EventStation {
  stationId: number;
  connectorId: number;
}

/** Station EV-1 (NL-CBH, 2.0.1, online) with EVSE EV-1-1 (AVAILABLE) and its connector 1 (Available). */
export async function seedEventStation(store: Store): Promise<EventStation> {
  const db = store.db;
  const station = await db
    .insertInto('stations')
    .values({ identity: 'EV-1', country_code: 'NL', party_id: 'CBH', protocol: '2.0.1', online: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  const evse = await db
    .insertInto('evses')
    .values({ station_id: station.id, ocpp_evse_id: 1, evse_uid: 'EV-1-1', status: 'AVAILABLE' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const connector = await db
    .insertInto('connectors')
    .values({ evse_id: evse.id, ocpp_connector_id: 1, ocpi_connector_id: '1', ocpp_status: 'Available' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { stationId: station.id, connectorId: connector.id };
}

/** The admin API over real HTTP with station EV-1. */
export interface EventsApi extends EventStation {
  database: TestDatabase;
  /** Opens the events stream with the admin token (or `token`), resuming after `lastEventId`. */
  openStream(lastEventId?: string, token?: string): Promise<EventStream>;
  /** Stores a new OCPP status for EV-1's connector, as the gateway would. */
  setConnector(status: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function startEventsApi(): Promise<EventsApi> {
  const database = await createTestDatabase();
  const app = await build({
    config: loadConfig({ DATABASE_URL: database.url }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const { stationId, connectorId } = await seedEventStation(database.store);
  return {
    database,
    stationId,
    connectorId,
    openStream: (lastEventId, token = adminToken) => EventStream.open(baseUrl, token, lastEventId),
    setConnector: (status) =>
      database.store.db
        .updateTable('connectors')
        .set({ ocpp_status: status, status_updated_at: new Date(), last_updated: new Date() })
        .where('id', '=', connectorId)
        .execute(),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
