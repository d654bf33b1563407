/**
 * The set-up the stations table and map tests share: the admin API on a fresh database with two
 * parties, two locations (Berlin Hbf with coordinates, a depot without) and five stations ST-A to
 * ST-E in different states, with active transactions reporting power; and the table's row types.
 */
import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import type { Store } from '@chargebridge/store';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { expect } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { build } from '../../src/index.js';

const adminToken = 'test-admin-token-0123456789';
const headers = { authorization: `Bearer ${adminToken}` };

/** A row of `GET /api/v1/stations/table`. */
export interface TableRow {
  identity: string;
  party_id: string;
  location_id: string | null;
  location_name: string | null;
  protocol: string | null;
  online: boolean;
  last_seen: string | null;
  connectors: Array<{ evse_uid: string; connector_id: string; status: string | null; evse_status: string }>;
  worst_status: string;
  firmware: string | null;
  schema_violations: number;
  power_kw: number | null;
}
/** A page of `GET /api/v1/stations/table`. */
export interface TablePage {
  total: number;
  offset: number;
  limit: number;
  items: TableRow[];
}

export const identities = (page: TablePage) => page.items.map((r) => r.identity);

/** The admin API with the five seeded stations. */
export interface StationTableApi {
  database: TestDatabase;
  /** A GET as the admin that must answer 200; its JSON. */
  get<T>(url: string): Promise<T>;
  /** One page of the stations table for `query` (`?…`). */
  table(query?: string): Promise<TablePage>;
  /** A GET as the admin, whatever it answers. */
  inject(url: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A station with EVSEs given as `[evseStatus, [connector OCPP status, …]]`. */
async function station(
  db: Store['db'],
  input: {
    identity: string;
    party?: [string, string];
    location?: number | null;
    protocol?: string | null;
    online?: boolean;
    violations?: number;
    lastSeen?: string;
    boot?: Record<string, unknown>;
    evses: Array<[string, Array<string | null>]>;
  },
): Promise<number> {
  const [cc, pid] = input.party ?? ['DE', 'ABC'];
  const row = await db
    .insertInto('stations')
    .values({
      identity: input.identity,
      country_code: cc,
      party_id: pid,
      location_id: input.location ?? null,
      protocol: (input.protocol ?? null) as never,
      online: input.online ?? true,
      schema_violations: input.violations ?? 0,
      last_seen_at: input.lastSeen ?? null,
      boot_info: input.boot ? JSON.stringify(input.boot) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, [status, connectors]] of input.evses.entries()) {
    const evse = await db
      .insertInto('evses')
      .values({ station_id: row.id, ocpp_evse_id: i + 1, evse_uid: `${input.identity}-${i + 1}`, status })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [j, ocpp] of connectors.entries()) {
      await db
        .insertInto('connectors')
        .values({ evse_id: evse.id, ocpp_connector_id: j + 1, ocpi_connector_id: String(j + 1), ocpp_status: ocpp })
        .execute();
    }
  }
  return row.id;
}

/** An active (or completed) transaction with power samples `[sampled_at, phase, watts]`. */
async function transaction(
  db: Store['db'],
  stationId: number,
  uid: string,
  status: 'active' | 'completed',
  samples: Array<[string, string | null, number]>,
) {
  const tx = await db
    .insertInto('transactions')
    .values({ station_id: stationId, transaction_uid: uid, protocol: '2.0.1', status, ocpp_evse_id: 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [at, phase, value] of samples) {
    await db
      .insertInto('meter_samples')
      .values({
        station_id: stationId,
        transaction_id: tx.id,
        ocpp_evse_id: 1,
        sampled_at: at,
        measurand: 'Power.Active.Import',
        phase,
        unit: 'W',
        value,
      })
      .execute();
  }
}

/**
 * Parties DE-ABC (Alpha Charge) and NL-XYZ (Xylo), locations LOC-BER (Berlin Hbf, with coordinates)
 * and LOC-NOWHERE (Depot), and stations ST-A to ST-E with their EVSEs, connectors and transactions.
 */
async function seedStations(store: Store): Promise<void> {
  const db = store.db;
  await db
    .insertInto('parties')
    .values([
      { country_code: 'DE', party_id: 'ABC', name: 'Alpha Charge' },
      { country_code: 'NL', party_id: 'XYZ', name: 'Xylo' },
    ])
    .execute();
  const berlin = await db
    .insertInto('locations')
    .values({
      country_code: 'DE',
      party_id: 'ABC',
      location_id: 'LOC-BER',
      data: JSON.stringify({ name: 'Berlin Hbf', coordinates: { latitude: '52.525084', longitude: '13.369402' } }),
      time_zone: 'Europe/Berlin',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const nowhere = await db
    .insertInto('locations')
    .values({
      country_code: 'DE',
      party_id: 'ABC',
      location_id: 'LOC-NOWHERE',
      data: JSON.stringify({ name: 'Depot' }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const a = await station(db, {
    identity: 'ST-A',
    location: berlin.id,
    protocol: '2.0.1',
    lastSeen: '2026-01-01T10:00:00Z',
    boot: { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V', firmwareVersion: '2.3.1' } },
    evses: [
      ['AVAILABLE', ['Available']],
      ['CHARGING', ['Occupied']],
    ],
  });
  await transaction(db, a, 'tx-a', 'active', [
    ['2026-01-01T10:00:00Z', null, 7000],
    ['2026-01-01T10:01:00Z', null, 11000],
  ]);
  await transaction(db, a, 'tx-a-old', 'completed', [['2026-01-01T09:00:00Z', null, 50000]]);
  // The EVSE row says UNKNOWN: its Faulted connector decides (publishedEvseStatus's fallback).
  await station(db, {
    identity: 'ST-B',
    location: berlin.id,
    protocol: '1.6',
    violations: 5,
    lastSeen: '2026-01-01T12:00:00Z',
    boot: { chargePointVendor: 'V', chargePointModel: 'M', firmwareVersion: '0.9' },
    evses: [['UNKNOWN', ['Faulted', 'Available']]],
  });
  await station(db, {
    identity: 'ST-C',
    location: nowhere.id,
    protocol: '1.6',
    online: false,
    violations: 2,
    lastSeen: '2026-01-01T08:00:00Z',
    evses: [['AVAILABLE', ['Available']]],
  });
  await station(db, { identity: 'ST-D', party: ['NL', 'XYZ'], online: false, evses: [] });
  const e = await station(db, {
    identity: 'ST-E',
    location: berlin.id,
    protocol: '2.1',
    lastSeen: '2026-01-01T11:00:00Z',
    evses: [
      ['RESERVED', ['Reserved']],
      ['INOPERATIVE', ['Unavailable']],
    ],
  });
  await transaction(db, e, 'tx-e', 'active', [
    ['2026-01-01T11:00:00Z', 'L1', 1000],
    ['2026-01-01T11:05:00Z', 'L1', 3000],
    ['2026-01-01T11:05:00Z', 'L2', 3000],
    ['2026-01-01T11:05:00Z', 'L3', 3000],
  ]);
}

export async function startStationTableApi(): Promise<StationTableApi> {
  const database = await createTestDatabase();
  const app: FastifyInstance = await build({
    config: loadConfig({ DATABASE_URL: database.url }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken,
    readinessChecks: { redis: async () => true },
  });
  await seedStations(database.store);
  const get = async <T>(url: string): Promise<T> => {
    const response = await app.inject({ url, headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };
  return {
    database,
    get,
    table: (query = '') => get<TablePage>(`/api/v1/stations/table${query}`),
    inject: (url) => app.inject({ url, headers }),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
