import { loadConfig } from '@chargebridge/config';
import { toOcpiLocation } from '@chargebridge/domain';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../apps/api/src/index.js';
import { RenderedLocationsCache } from '../../apps/api/src/ocpi/core/rendered-locations.cache.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { seedCpoAndEmsp } from './seed-partner.js';

// The Locations list serves rendered locations from a per-process cache keyed by the store's
// version of each location (docs/benchmarks.md scenario 4). These tests hold it to the uncached
// view (toOcpiLocation) across the changes that alter what an EVSE publishes.

const auth = { authorization: `Token ${Buffer.from('cache-token').toString('base64')}` };
const CPO = [{ country_code: 'NL', party_id: 'CPO' }];
let database: TestDatabase;
let app: FastifyInstance;
let stationId: number;
let connectorRowId: number;
let evseRowId: number;

type Listed = {
  id: string;
  last_updated: string;
  evses?: Array<{ uid: string; status: string; last_updated: string }>;
};

async function list(query = ''): Promise<{ data: Listed[]; raw: string }> {
  const response = await app.inject({ url: `/ocpi/2.2.1/locations?limit=100${query}`, headers: auth });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
  return { data: response.json().data, raw: response.body };
}

/** The page as the uncached path renders it: the one mapping, straight from the store. */
async function uncached(): Promise<unknown[]> {
  const page = await repositories(database.store.db).locationViews.page(CPO, { offset: 0, limit: 100 });
  return page.items.map(toOcpiLocation);
}

function evse(data: Listed[], uid: string) {
  return data.find((l) => l.id === 'LOC1')?.evses?.find((e) => e.uid === uid);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.store.db;
  await seedCpoAndEmsp(db, 'cache-token');
  await sql`insert into locations (country_code, party_id, location_id, data, last_updated)
    select 'NL', 'CPO', 'LOC' || g, jsonb_build_object('name', 'L' || g, 'city', 'Utrecht', 'country', 'NLD'),
           timestamptz '2024-01-01T00:00:00Z'
      from generate_series(1, 3) g`.execute(db);
  const station = await sql<{ id: number }>`insert into stations (identity, country_code, party_id, location_id)
    select 'ST1', 'NL', 'CPO', id from locations where location_id = 'LOC1' returning id`.execute(db);
  stationId = Number(station.rows[0]?.id);
  const evses = await sql<{ id: number }>`insert into evses (station_id, ocpp_evse_id, evse_uid, status)
    values (${stationId}, 1, 'E1', 'AVAILABLE'), (${stationId}, 2, 'E2', 'AVAILABLE') returning id`.execute(db);
  evseRowId = Number(evses.rows[0]?.id);
  const connectors = await sql<{
    id: number;
  }>`insert into connectors (evse_id, ocpp_connector_id, ocpi_connector_id, ocpp_status)
    select id, 1, '1', 'Available' from evses order by id returning id`.execute(db);
  connectorRowId = Number(connectors.rows[0]?.id);
  await repositories(db).stations.markConnected(stationId, '2.0.1', 'node-a', new Date());
  app = await build({
    config: loadConfig({ DATABASE_URL: database.url, PUBLIC_URL: 'https://hub.example.com' }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken: 'test-admin-token-0123456789',
  });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('OCPI Locations list with rendered-location cache', () => {
  it('serves the same objects, in the same order, as the uncached view, cold and warm', async () => {
    const cold = await list();
    expect(JSON.stringify(cold.data)).toBe(JSON.stringify(await uncached()));
    expect(cold.data.map((l) => l.id)).toHaveLength(3);
    const warm = await list();
    expect(JSON.stringify(warm.data)).toBe(JSON.stringify(cold.data));
    expect(evse(warm.data, 'E1')?.status).toBe('AVAILABLE');
  });

  it('re-renders a cached location when an EVSE status changes', async () => {
    await list(); // cached
    const changed = await repositories(database.store.db).stationState.setConnectorStatus({
      connectorRowId,
      evseRowId,
      status: 'Occupied',
      errorCode: null,
      evseStatus: 'CHARGING',
      at: new Date(),
    });
    expect(changed).toBe(true);
    const after = await list();
    expect(evse(after.data, 'E1')?.status).toBe('CHARGING');
    expect(JSON.stringify(after.data)).toBe(JSON.stringify(await uncached()));
  });

  it('re-renders a cached location when its station goes offline, and date_from sees it', async () => {
    const before = await list(); // cached
    const since = new Date(Date.parse(before.data.find((l) => l.id === 'LOC1')?.last_updated as string) + 1);
    await repositories(database.store.db).stations.markDisconnected(stationId, 'node-a', new Date());
    const offline = await list();
    expect(evse(offline.data, 'E1')?.status).toBe('UNKNOWN');
    expect(evse(offline.data, 'E2')?.status).toBe('UNKNOWN');
    expect(JSON.stringify(offline.data)).toBe(JSON.stringify(await uncached()));
    // mod_locations §EVSE last_updated: the change is visible to a partner syncing with date_from.
    const delta = await list(`&date_from=${encodeURIComponent(since.toISOString())}`);
    expect(delta.data.map((l) => l.id)).toEqual(['LOC1']);
    expect(Date.parse(evse(delta.data, 'E2')?.last_updated as string)).toBeGreaterThanOrEqual(since.getTime());

    await repositories(database.store.db).stations.markConnected(stationId, '2.0.1', 'node-b', new Date());
    const online = await list();
    expect(evse(online.data, 'E1')?.status).toBe('CHARGING');
    expect(evse(online.data, 'E2')?.status).toBe('AVAILABLE');
  });

  it('re-renders a location whose data changed without its last_updated moving', async () => {
    await list(); // cached
    await sql`update locations set data = data || '{"name":"Renamed"}'::jsonb where location_id = 'LOC2'`.execute(
      database.store.db,
    );
    const after = await list();
    expect((after.data.find((l) => l.id === 'LOC2') as unknown as { name: string }).name).toBe('Renamed');
  });
});

describe('RenderedLocationsCache', () => {
  const row = (id: number) => ({
    id,
    country_code: 'NL',
    party_id: 'CPO',
    location_id: `L${id}`,
    data: { name: `L${id}` },
    time_zone: 'Europe/Amsterdam',
    publish: true,
    last_updated: 0,
    evses: [],
  });

  it('loads only the locations whose version moved, and evicts the least recently used beyond its size', async () => {
    const loaded: number[][] = [];
    const load = async (ids: number[]) => {
      loaded.push(ids);
      return ids.map(row);
    };
    const one = Buffer.byteLength(JSON.stringify(toOcpiLocation(row(1))));
    const cache = new RenderedLocationsCache(one * 2 + 1);
    const first = await cache.render(
      [
        { id: 1, version: 'a' },
        { id: 2, version: 'a' },
      ],
      load,
    );
    expect(first.map((b) => JSON.parse(b.toString()).id)).toEqual(['L1', 'L2']);
    await cache.render(
      [
        { id: 1, version: 'a' },
        { id: 2, version: 'b' },
      ],
      load,
    );
    expect(loaded).toEqual([[1, 2], [2]]);
    await cache.render([{ id: 3, version: 'a' }], load); // evicts 1, the least recently used
    expect(cache.count).toBe(2);
    await cache.render(
      [
        { id: 1, version: 'a' },
        { id: 3, version: 'a' },
      ],
      load,
    );
    expect(loaded.at(-1)).toEqual([1]);
  });
});
