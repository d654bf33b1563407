import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { build } from '../src/index.js';

const adminToken = 'test-admin-token-0123456789';
const headers = { authorization: `Bearer ${adminToken}` };
let database: TestDatabase;
let app: FastifyInstance;

interface TableRow {
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
interface TablePage {
  total: number;
  offset: number;
  limit: number;
  items: TableRow[];
}

async function get<T>(url: string): Promise<T> {
  const response = await app.inject({ url, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as T;
}
const table = (query = '') => get<TablePage>(`/api/v1/stations/table${query}`);
const identities = (page: TablePage) => page.items.map((r) => r.identity);

/** A station with EVSEs given as `[evseStatus, [connector OCPP status, …]]`. */
async function station(input: {
  identity: string;
  party?: [string, string];
  location?: number | null;
  protocol?: string | null;
  online?: boolean;
  violations?: number;
  lastSeen?: string;
  boot?: Record<string, unknown>;
  evses: Array<[string, Array<string | null>]>;
}): Promise<number> {
  const db = database.store.db;
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
  stationId: number,
  uid: string,
  status: 'active' | 'completed',
  samples: Array<[string, string | null, number]>,
) {
  const db = database.store.db;
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

beforeAll(async () => {
  database = await createTestDatabase();
  app = await build({
    config: loadConfig({ DATABASE_URL: database.url }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken,
    readinessChecks: { redis: async () => true },
  });
  const db = database.store.db;
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

  const a = await station({
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
  await transaction(a, 'tx-a', 'active', [
    ['2026-01-01T10:00:00Z', null, 7000],
    ['2026-01-01T10:01:00Z', null, 11000],
  ]);
  await transaction(a, 'tx-a-old', 'completed', [['2026-01-01T09:00:00Z', null, 50000]]);
  // The EVSE row says UNKNOWN: its Faulted connector decides (publishedEvseStatus's fallback).
  await station({
    identity: 'ST-B',
    location: berlin.id,
    protocol: '1.6',
    violations: 5,
    lastSeen: '2026-01-01T12:00:00Z',
    boot: { chargePointVendor: 'V', chargePointModel: 'M', firmwareVersion: '0.9' },
    evses: [['UNKNOWN', ['Faulted', 'Available']]],
  });
  await station({
    identity: 'ST-C',
    location: nowhere.id,
    protocol: '1.6',
    online: false,
    violations: 2,
    lastSeen: '2026-01-01T08:00:00Z',
    evses: [['AVAILABLE', ['Available']]],
  });
  await station({ identity: 'ST-D', party: ['NL', 'XYZ'], online: false, evses: [] });
  const e = await station({
    identity: 'ST-E',
    location: berlin.id,
    protocol: '2.1',
    lastSeen: '2026-01-01T11:00:00Z',
    evses: [
      ['RESERVED', ['Reserved']],
      ['INOPERATIVE', ['Unavailable']],
    ],
  });
  await transaction(e, 'tx-e', 'active', [
    ['2026-01-01T11:00:00Z', 'L1', 1000],
    ['2026-01-01T11:05:00Z', 'L1', 3000],
    ['2026-01-01T11:05:00Z', 'L2', 3000],
    ['2026-01-01T11:05:00Z', 'L3', 3000],
  ]);
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('GET /api/v1/stations/table', () => {
  it('lists every station by identity with connectors, worst status, firmware and power', async () => {
    const page = await table();
    expect(page).toMatchObject({ total: 5, offset: 0, limit: 200 });
    expect(identities(page)).toEqual(['ST-A', 'ST-B', 'ST-C', 'ST-D', 'ST-E']);
    const [a, b, c, d, e] = page.items;
    expect(a).toEqual({
      identity: 'ST-A',
      country_code: 'DE',
      party_id: 'ABC',
      location_id: 'LOC-BER',
      location_name: 'Berlin Hbf',
      time_zone: 'Europe/Berlin',
      protocol: '2.0.1',
      online: true,
      last_seen: '2026-01-01T10:00:00.000Z',
      connectors: [
        { evse_uid: 'ST-A-1', connector_id: '1', status: 'Available', evse_status: 'AVAILABLE' },
        { evse_uid: 'ST-A-2', connector_id: '1', status: 'Occupied', evse_status: 'CHARGING' },
      ],
      worst_status: 'CHARGING',
      firmware: '2.3.1',
      schema_violations: 0,
      power_kw: 11,
    });
    expect(b).toMatchObject({ worst_status: 'OUTOFORDER', firmware: '0.9', schema_violations: 5, power_kw: null });
    expect(b?.connectors.map((x) => x.evse_status)).toEqual(['OUTOFORDER', 'OUTOFORDER']);
    // Offline: the station is OFFLINE and its EVSEs publish UNKNOWN, whatever they last said.
    expect(c).toMatchObject({ worst_status: 'OFFLINE', online: false, location_name: 'Depot' });
    expect(c?.connectors).toEqual([
      { evse_uid: 'ST-C-1', connector_id: '1', status: 'Available', evse_status: 'UNKNOWN' },
    ]);
    expect(d).toMatchObject({
      worst_status: 'OFFLINE',
      location_id: null,
      time_zone: 'UTC',
      protocol: null,
      firmware: null,
      connectors: [],
      last_seen: null,
    });
    // The latest instant's L1–L3 samples summed; the earlier L1 sample is ignored.
    expect(e).toMatchObject({ worst_status: 'INOPERATIVE', power_kw: 9 });
  });

  it('pages on the server and reports the filtered total past the end', async () => {
    const page = await table('?offset=1&limit=2');
    expect(page).toMatchObject({ total: 5, offset: 1, limit: 2 });
    expect(identities(page)).toEqual(['ST-B', 'ST-C']);
    const past = await table('?offset=50&limit=10');
    expect(past).toEqual({ total: 5, offset: 50, limit: 10, items: [] });
    const tooBig = await app.inject({ url: '/api/v1/stations/table?limit=501', headers });
    expect(tooBig.statusCode).toBe(400);
  });

  it('filters by text, party, location, protocol, online and worst status', async () => {
    expect(identities(await table('?q=st-c'))).toEqual(['ST-C']);
    expect(identities(await table('?q=berlin'))).toEqual(['ST-A', 'ST-B', 'ST-E']);
    expect(identities(await table('?q=%25'))).toEqual([]);
    expect(identities(await table('?party=NL-XYZ'))).toEqual(['ST-D']);
    expect(identities(await table('?location=LOC-NOWHERE'))).toEqual(['ST-C']);
    expect(identities(await table('?protocol=1.6'))).toEqual(['ST-B', 'ST-C']);
    expect(identities(await table('?protocol=none'))).toEqual(['ST-D']);
    expect(identities(await table('?online=false'))).toEqual(['ST-C', 'ST-D']);
    expect(identities(await table('?status=OFFLINE'))).toEqual(['ST-C', 'ST-D']);
    expect(identities(await table('?status=outoforder,charging'))).toEqual(['ST-A', 'ST-B']);
    const combined = await table('?status=OFFLINE&party=DE-ABC');
    expect(combined.total).toBe(1);
    expect(identities(combined)).toEqual(['ST-C']);
    const bad = await app.inject({ url: '/api/v1/stations/table?status=BROKEN', headers });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid_status' });
  });

  it('sorts by identity, last seen, status (worst first) and violations', async () => {
    expect(identities(await table('?sort=-identity'))).toEqual(['ST-E', 'ST-D', 'ST-C', 'ST-B', 'ST-A']);
    expect(identities(await table('?sort=-last_seen'))).toEqual(['ST-B', 'ST-E', 'ST-A', 'ST-C', 'ST-D']);
    expect(identities(await table('?sort=last_seen'))).toEqual(['ST-C', 'ST-A', 'ST-E', 'ST-B', 'ST-D']);
    expect(identities(await table('?sort=status'))).toEqual(['ST-B', 'ST-E', 'ST-C', 'ST-D', 'ST-A']);
    expect(identities(await table('?sort=-status'))).toEqual(['ST-A', 'ST-C', 'ST-D', 'ST-E', 'ST-B']);
    expect(identities(await table('?sort=-violations'))).toEqual(['ST-B', 'ST-C', 'ST-A', 'ST-D', 'ST-E']);
    // Status computed in SQL for sorting agrees with the row's own worst status.
    const byStatus = await table('?sort=status&limit=2&offset=1');
    expect(byStatus.items.map((r) => r.worst_status)).toEqual(['INOPERATIVE', 'OFFLINE']);
  });

  it('keeps the shape of the existing GET /stations list', async () => {
    const list = await get<{ total: number; items: Array<Record<string, unknown>> }>('/api/v1/stations?limit=1');
    expect(list.total).toBe(5);
    expect(list.items[0]).toMatchObject({ identity: 'ST-A', boot_info: expect.any(Object), evses: expect.any(Array) });
  });
});

describe('GET /api/v1/stations/map and /stations/filters', () => {
  it('places stations at their location coordinates and counts the unplaced ones', async () => {
    const map = await get<{ items: Array<Record<string, unknown>>; unplaced: number }>('/api/v1/stations/map');
    expect(map.unplaced).toBe(2);
    expect(map.items).toEqual([
      {
        identity: 'ST-A',
        lon: 13.369402,
        lat: 52.525084,
        worst_status: 'CHARGING',
        online: true,
        party: 'DE-ABC',
        protocol: '2.0.1',
        location_id: 'LOC-BER',
      },
      expect.objectContaining({ identity: 'ST-B', worst_status: 'OUTOFORDER' }),
      expect.objectContaining({ identity: 'ST-E', worst_status: 'INOPERATIVE', protocol: '2.1' }),
    ]);
    const faulted = await get<{ items: Array<{ identity: string }>; unplaced: number }>(
      '/api/v1/stations/map?status=OUTOFORDER&protocol=1.6',
    );
    expect(faulted).toEqual({ items: [expect.objectContaining({ identity: 'ST-B' })], unplaced: 0 });
    const offline = await get<{ items: unknown[]; unplaced: number }>('/api/v1/stations/map?status=OFFLINE');
    expect(offline).toEqual({ items: [], unplaced: 2 });
  });

  it('offers the parties, locations and protocols that stations have', async () => {
    const options = await get<Record<string, unknown>>('/api/v1/stations/filters');
    expect(options).toEqual({
      parties: [
        { id: 'DE-ABC', name: 'Alpha Charge' },
        { id: 'NL-XYZ', name: 'Xylo' },
      ],
      locations: [
        { id: 'LOC-BER', name: 'Berlin Hbf', party: 'DE-ABC' },
        { id: 'LOC-NOWHERE', name: 'Depot', party: 'DE-ABC' },
      ],
      protocols: ['1.6', '2.0.1', '2.1'],
      statuses: expect.arrayContaining(['OUTOFORDER', 'OFFLINE', 'AVAILABLE']),
    });
  });
});

describe('with 10,000 stations and 30,000 EVSEs', () => {
  beforeAll(async () => {
    const db = database.store.db;
    await sql`insert into parties (country_code, party_id, name) values ('FR', 'BLK', 'Bulk')`.execute(db);
    await sql`insert into locations (country_code, party_id, location_id, data)
      select 'FR', 'BLK', 'BULK-' || g,
             jsonb_build_object('name', 'Bulk ' || g, 'coordinates',
               jsonb_build_object('latitude', (40 + (g % 20))::text, 'longitude', (-5 + (g % 30))::text))
        from generate_series(1, 500) g`.execute(db);
    await sql`insert into stations (identity, country_code, party_id, location_id, protocol, online, last_seen_at, boot_info)
      select 'BULK-' || lpad(g::text, 5, '0'), 'FR', 'BLK',
             (select id from locations where location_id = 'BULK-' || (1 + g % 500)),
             (array['1.6', '2.0.1', '2.1'])[1 + g % 3], g % 10 <> 0, now() - (g || ' seconds')::interval,
             jsonb_build_object('firmwareVersion', '1.' || (g % 7))
        from generate_series(1, 10000) g`.execute(db);
    await sql`insert into evses (station_id, ocpp_evse_id, evse_uid, status)
      select s.id, n, s.identity || '-' || n,
             (array['AVAILABLE', 'CHARGING', 'AVAILABLE', 'OUTOFORDER', 'UNKNOWN', 'RESERVED'])[1 + (s.id + n) % 6]
        from stations s cross join generate_series(1, 3) n where s.party_id = 'BLK'`.execute(db);
    await sql`insert into connectors (evse_id, ocpp_connector_id, ocpi_connector_id, ocpp_status)
      select e.id, 1, '1', (array['Available', 'Occupied', 'Available', 'Faulted', 'Unavailable', 'Reserved'])[1 + e.id % 6]
        from evses e join stations s on s.id = e.station_id where s.party_id = 'BLK'`.execute(db);
    await sql`insert into transactions (station_id, transaction_uid, protocol, status, ocpp_evse_id)
      select s.id, 'bulk-' || s.id, '2.0.1', 'active', 2 from stations s where s.party_id = 'BLK' and s.id % 3 = 0`.execute(
      db,
    );
    await sql`insert into meter_samples (station_id, transaction_id, ocpp_evse_id, sampled_at, measurand, unit, value)
      select t.station_id, t.id, 2, now() - (k || ' minutes')::interval, 'Power.Active.Import', 'W', 1000 * k
        from transactions t cross join generate_series(1, 5) k where t.transaction_uid like 'bulk-%'`.execute(db);
    await sql`analyze`.execute(db);
  }, 120_000);

  /** Best of three (the first run warms caches), in ms. */
  async function timed(url: string): Promise<{ ms: number; body: unknown }> {
    let best = Number.POSITIVE_INFINITY;
    let body: unknown;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const response = await app.inject({ url, headers });
      best = Math.min(best, performance.now() - start);
      expect(response.statusCode, response.body).toBe(200);
      body = response.json();
    }
    return { ms: best, body };
  }

  it('answers a 200-row page and the whole map quickly', async () => {
    const measured: Record<string, number> = {};
    for (const query of ['', '?sort=status', '?status=OUTOFORDER&sort=-last_seen', '?q=BULK-09&offset=200']) {
      const { ms, body } = await timed(`/api/v1/stations/table${query}&limit=200`.replace('table&', 'table?'));
      measured[`table${query || ' (identity)'}`] = Math.round(ms);
      expect(ms).toBeLessThan(1000);
      expect((body as TablePage).items.length).toBeGreaterThan(0);
    }
    const page = (await timed('/api/v1/stations/table?party=FR-BLK&offset=9900&limit=200')).body as TablePage;
    expect(page.total).toBe(10_000);
    expect(page.items).toHaveLength(100);
    expect(page.items.every((r) => r.connectors.length === 3)).toBe(true);
    expect(page.items.filter((r) => r.power_kw !== null).every((r) => r.power_kw === 1)).toBe(true);
    expect(page.items.some((r) => r.power_kw === 1)).toBe(true);

    const map = await timed('/api/v1/stations/map');
    measured.map = Math.round(map.ms);
    expect(map.ms).toBeLessThan(1000);
    const points = map.body as { items: Array<{ worst_status: string }>; unplaced: number };
    expect(points.items.length).toBe(10_003);
    expect(points.items.filter((p) => p.worst_status === 'OFFLINE').length).toBeGreaterThanOrEqual(1000);
    const filters = await timed('/api/v1/stations/filters');
    measured.filters = Math.round(filters.ms);
    console.log('station table/map timings with 10k stations (ms, best of 3):', measured);
  });
});
