/**
 * The set-up the station detail API tests share: the admin API and a real gateway on one fresh
 * database (with the test party and its location LOC1) and one set of station calls, admin
 * request helpers, and the command stations CMD-16, CMD-201, CMD-NEVER and CMD-GONE.
 */
import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { createStationCalls } from '@chargebridge/routing';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { RPCClient } from 'ocpp-rpc';
import pino from 'pino';
import { expect } from 'vitest';
import { seedParty, startGateway } from '../../../../test/gateway/helpers/gateway-harness.js';
import { ocppStation } from '../../../../test/gateway/helpers/ocpp-station.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { build } from '../../src/index.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers field by field.
export type Json = any;

const TOKEN = 'station-detail-admin-token-0123';
const auth = { authorization: `Bearer ${TOKEN}` };

/** The admin API and the gateway of node `node-d` on a database of their own. */
export interface StationDetailHub {
  db: TestDatabase;
  repos: ReturnType<typeof repositories>;
  gw: Awaited<ReturnType<typeof startGateway>>;
  /** `GET /api/v1{url}` as the admin. */
  get(url: string): Promise<LightMyRequestResponse>;
  /** `POST /api/v1{url}` as the admin. */
  post(url: string, payload: object): Promise<LightMyRequestResponse>;
  /** Provisions a station of the test party at LOC1 through the admin API. */
  provision(identity: string): Promise<LightMyRequestResponse>;
  /** Station clients, closed with the hub. */
  clients: RPCClient[];
  close(): Promise<void>;
}

export async function startStationDetailHub(): Promise<StationDetailHub> {
  const db = await createTestDatabase();
  await seedParty(db.store);
  const calls = createStationCalls({ nodeId: 'node-d', defaultTimeoutMs: 3000 });
  const gw = await startGateway(db.store, db.url, { stationCalls: calls, nodeId: 'node-d' });
  const api: FastifyInstance = await build({
    config: loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent', OCPP_CALL_TIMEOUT_MS: '3000' }),
    store: db.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken: TOKEN,
    stationCalls: calls,
  });
  const clients: RPCClient[] = [];
  return {
    db,
    repos: repositories(db.store.db),
    gw,
    get: (url) => api.inject({ method: 'GET', url: `/api/v1${url}`, headers: auth }),
    post: (url, payload) => api.inject({ method: 'POST', url: `/api/v1${url}`, headers: auth, payload }),
    provision: (identity) =>
      api.inject({
        method: 'PUT',
        url: `/api/v1/stations/${identity}`,
        headers: auth,
        payload: { country_code: 'NL', party_id: 'TST', location_id: 'LOC1', security_profile: 0 },
      }),
    clients,
    async close() {
      for (const c of clients) await c.close({ force: true }).catch(() => {});
      await api.close();
      await gw.gateway.close();
      await calls.close();
      await db.drop();
    },
  };
}

/** Reads until `done` holds or `ms` have passed; the last value read either way. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Provisions CMD-16, CMD-201, CMD-NEVER and CMD-GONE; connects CMD-16 (1.6) and CMD-201 (2.0.1),
 * after `configure` has set their handlers; CMD-GONE connects and leaves again, CMD-NEVER never
 * connects.
 */
export async function connectCommandStations(
  hub: StationDetailHub,
  configure: (stations: { cs16: RPCClient; cs201: RPCClient }) => void = () => {},
): Promise<void> {
  for (const id of ['CMD-16', 'CMD-201', 'CMD-NEVER', 'CMD-GONE']) {
    expect((await hub.provision(id)).statusCode).toBe(201);
  }
  const cs16 = ocppStation({ url: hub.gw.url, identity: 'CMD-16', version: '1.6' });
  const cs201 = ocppStation({ url: hub.gw.url, identity: 'CMD-201', version: '2.0.1' });
  hub.clients.push(cs16, cs201);
  configure({ cs16, cs201 });
  await cs16.connect();
  await cs201.connect();
  const gone = ocppStation({ url: hub.gw.url, identity: 'CMD-GONE', version: '1.6' });
  await gone.connect();
  // Close only once the hub has recorded the connection (its write may otherwise land last).
  await waitFor(
    () => hub.repos.stations.findByIdentity('CMD-GONE'),
    (s) => s?.online === true,
  );
  await gone.close();
  await waitFor(
    () => hub.repos.stations.findByIdentity('CMD-GONE'),
    (s) => s?.online === false && s.last_seen_at !== null,
  );
}
