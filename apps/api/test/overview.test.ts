import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { build } from '../src/index.js';

const adminToken = 'test-admin-token-overview-01';
const headers = { authorization: `Bearer ${adminToken}` };
let database: TestDatabase;
let app: FastifyInstance;
const now = new Date();
const minutesAgo = (n: number) => new Date(now.getTime() - n * 60_000);

async function aStation(
  identity: string,
  party: string,
  options: { online: boolean; node?: string; evses: Array<{ stored: string; connector: string | null }> },
) {
  const db = database.store.db;
  const station = await db
    .insertInto('stations')
    .values({
      identity,
      country_code: 'NL',
      party_id: party,
      protocol: '1.6',
      online: options.online,
      connected_node: options.online ? (options.node ?? 'gw-1') : null,
      last_seen_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, e] of options.evses.entries()) {
    const evse = await db
      .insertInto('evses')
      .values({ station_id: station.id, ocpp_evse_id: i + 1, evse_uid: `${identity}-${i + 1}`, status: e.stored })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('connectors')
      .values({ evse_id: evse.id, ocpp_connector_id: 1, ocpi_connector_id: '1', ocpp_status: e.connector })
      .execute();
  }
  return station.id;
}

async function aTransaction(
  stationId: number,
  uid: string,
  options: { status: 'active' | 'completed'; startedAt: Date; energyWh: number; power?: Array<[Date, number]> },
) {
  const db = database.store.db;
  const tx = await db
    .insertInto('transactions')
    .values({
      station_id: stationId,
      transaction_uid: uid,
      protocol: '1.6',
      ocpp_evse_id: 1,
      status: options.status,
      started_at: options.startedAt,
      stopped_at: options.status === 'completed' ? now : null,
      energy_wh: options.energyWh,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [at, watts] of options.power ?? []) {
    await db
      .insertInto('meter_samples')
      .values({
        station_id: stationId,
        transaction_id: tx.id,
        sampled_at: at,
        measurand: 'Power.Active.Import',
        unit: 'W',
        value: watts,
      })
      .execute();
  }
  return tx.id;
}

async function aCdr(id: string, currency: string, excl: string, incl: string, endedAt: Date) {
  await database.store.db
    .insertInto('cdrs')
    .values({
      country_code: 'NL',
      party_id: 'AAA',
      cdr_id: id,
      currency,
      total_cost_excl_vat: excl,
      total_cost_incl_vat: incl,
      total_energy_kwh: '10',
      start_date_time: new Date(endedAt.getTime() - 3_600_000),
      end_date_time: endedAt,
      data: '{}',
    })
    .execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await build({
    config: loadConfig({ DATABASE_URL: database.url, ALERT_OFFLINE_MINUTES: '7' }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken,
  });
  const db = database.store.db;
  await db.insertInto('parties').values({ country_code: 'NL', party_id: 'AAA', name: 'CPO A' }).execute();
  const a = await aStation('OV-A', 'AAA', {
    online: true,
    evses: [
      { stored: 'CHARGING', connector: 'Charging' },
      { stored: 'UNKNOWN', connector: 'Faulted' }, // no stored status: derived from the connector
    ],
  });
  const b = await aStation('OV-B', 'BBB', {
    online: true,
    node: 'gw-2',
    evses: [{ stored: 'AVAILABLE', connector: 'Available' }],
  });
  await aStation('OV-C', 'BBB', { online: false, evses: [{ stored: 'AVAILABLE', connector: 'Available' }] });

  // Two active transactions: only each one's latest power sample counts (7 kW + 11 kW).
  await aTransaction(a, 'TX-A', {
    status: 'active',
    startedAt: minutesAgo(30),
    energyWh: 4000,
    power: [
      [minutesAgo(20), 3000],
      [minutesAgo(1), 7000],
    ],
  });
  await aTransaction(b, 'TX-B', {
    status: 'active',
    startedAt: minutesAgo(10),
    energyWh: 1000,
    power: [[minutesAgo(2), 11000]],
  });
  await aTransaction(b, 'TX-DONE', { status: 'completed', startedAt: minutesAgo(90), energyWh: 2500 });

  const today = new Date(
    Math.max(now.getTime() - 60_000, Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())),
  );
  await aCdr('CDR-1', 'EUR', '10.10', '12.22', today);
  await aCdr('CDR-2', 'EUR', '0.20', '0.24', today);
  await aCdr('CDR-3', 'SEK', '100', '125', today);
  await aCdr('CDR-OLD', 'EUR', '99', '99', new Date(now.getTime() - 2 * 86_400_000));

  await db.insertInto('partners').values({ id: 'p1', name: 'Partner', direction: 'outbound' }).execute();
  await db
    .insertInto('push_deliveries')
    .values([
      { partner_id: 'p1', module: 'sessions', object_key: 'a', method: 'PUT', status: 'pending' },
      { partner_id: 'p1', module: 'sessions', object_key: 'b', method: 'PUT', status: 'failed' },
      { partner_id: 'p1', module: 'sessions', object_key: 'c', method: 'PUT', status: 'delivered' },
    ])
    .execute();
  await db
    .insertInto('alerts')
    .values([
      { rule: 'connector_faulted', subject: 'OV-A/2/1', status: 'open', message: 'Faulted', opened_at: now },
      { rule: 'station_offline', subject: 'OV-C', status: 'pending', message: 'offline' },
      { rule: 'command_stuck', subject: 'c-1', status: 'resolved', message: 'stuck', resolved_at: now },
    ])
    .execute();
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('GET /api/v1/overview', () => {
  it('counts stations, EVSEs by published status, sessions, power, energy, revenue, alerts and backlog', async () => {
    const response = await app.inject({ url: '/api/v1/overview', headers });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.stations).toEqual({ total: 3, online: 2, offline: 1 });
    expect(body.evses).toEqual({
      total: 4,
      on_offline_stations: 1,
      by_status: { CHARGING: 1, OUTOFORDER: 1, AVAILABLE: 1, UNKNOWN: 1 },
    });
    expect(body.sessions_active).toBe(2);
    expect(body.power_kw_now).toBe(18);
    expect(body.energy_kwh_today).toBe(7.5);
    expect(body.revenue_today).toEqual([
      { currency: 'EUR', cdrs: 2, total_excl_vat: '10.30', total_incl_vat: '12.46' },
      { currency: 'SEK', cdrs: 1, total_excl_vat: '100', total_incl_vat: '125' },
    ]);
    expect(body.alerts_open).toBe(1);
    expect(body.push_backlog).toBe(2);
    expect(Date.parse(body.generated_at)).toBeGreaterThan(0);
  });

  it('gives power per hosted CPO in 15-minute buckets and sessions per hour', async () => {
    const power = (await app.inject({ url: '/api/v1/overview/power?hours=2', headers })).json();
    expect(power.bucket_minutes).toBe(15);
    expect(power.buckets).toHaveLength(8);
    const a = power.parties.find((p: { party_id: string }) => p.party_id === 'AAA');
    expect(a).toMatchObject({ country_code: 'NL', name: 'CPO A' });
    expect(a.kw).toHaveLength(8);
    // TX-A: 3 kW twenty minutes ago and 7 kW a minute ago, each in its own bucket (or averaged in one).
    const nonZero = a.kw.filter((kw: number) => kw > 0);
    expect(nonZero.length).toBeGreaterThanOrEqual(1);
    expect(nonZero.reduce((s: number, kw: number) => s + kw, 0)).toBeCloseTo(nonZero.length === 2 ? 10 : 5, 3);
    const b = power.parties.find((p: { party_id: string }) => p.party_id === 'BBB');
    const bucketOf = (at: Date) => new Date(Math.floor(at.getTime() / 900_000) * 900_000).toISOString();
    expect(b.kw[power.buckets.indexOf(bucketOf(minutesAgo(2)))]).toBeCloseTo(11, 3);

    const perHour = (await app.inject({ url: '/api/v1/overview/sessions-per-hour?hours=3', headers })).json();
    expect(perHour.hours).toHaveLength(3);
    expect(perHour.hours.reduce((s: number, h: { started: number }) => s + h.started, 0)).toBe(3);
  });

  it('refuses an out-of-range window', async () => {
    const response = await app.inject({ url: '/api/v1/overview/power?hours=1000', headers });
    expect(response.statusCode).toBe(400);
  });
});

describe('alerts API', () => {
  it('lists alerts (no pending ones) with filters and keyset paging', async () => {
    const all = (await app.inject({ url: '/api/v1/alerts', headers })).json();
    expect(all.items.map((a: { status: string }) => a.status).sort()).toEqual(['open', 'resolved']);
    expect(all.next_before_id).toBeNull();
    const open = (await app.inject({ url: '/api/v1/alerts?status=open', headers })).json();
    expect(open.items).toMatchObject([{ rule: 'connector_faulted', subject: 'OV-A/2/1', details: {} }]);
    const page = (await app.inject({ url: '/api/v1/alerts?limit=1', headers })).json();
    expect(page.items).toHaveLength(1);
    const next = (await app.inject({ url: `/api/v1/alerts?limit=1&before_id=${page.next_before_id}`, headers })).json();
    expect(next.items[0].id).toBeLessThan(page.items[0].id);
  });

  it('lists the rules with the configured thresholds', async () => {
    const { rules } = (await app.inject({ url: '/api/v1/alerts/rules', headers })).json();
    expect(rules.map((r: { rule: string }) => r.rule)).toEqual([
      'station_offline',
      'connector_faulted',
      'no_meter_values',
      'command_stuck',
      'partner_push_failures',
    ]);
    expect(rules[0]).toMatchObject({
      threshold: { value: 7, unit: 'minutes', variable: 'ALERT_OFFLINE_MINUTES' },
      debounce_ms: 420_000,
    });
  });

  it('acknowledges an open alert, records who, and refuses resolved or unknown ones', async () => {
    const [open] = (await app.inject({ url: '/api/v1/alerts?status=open', headers })).json().items;
    const acked = await app.inject({ method: 'POST', url: `/api/v1/alerts/${open.id}/acknowledge`, headers });
    expect(acked.statusCode).toBe(200);
    expect(acked.json()).toMatchObject({ status: 'acknowledged', acknowledged_by: 'admin-token' });
    const [resolved] = (await app.inject({ url: '/api/v1/alerts?status=resolved', headers })).json().items;
    const refused = await app.inject({ method: 'POST', url: `/api/v1/alerts/${resolved.id}/acknowledge`, headers });
    expect(refused.statusCode).toBe(409);
    const unknown = await app.inject({ method: 'POST', url: '/api/v1/alerts/999999/acknowledge', headers });
    expect(unknown.statusCode).toBe(404);
    const overview = (await app.inject({ url: '/api/v1/overview', headers })).json();
    expect(overview).toMatchObject({ alerts_open: 0, alerts_acknowledged: 1 });
  });
});

describe('system API', () => {
  it('lists gateway nodes with their connections', async () => {
    const body = (await app.inject({ url: '/api/v1/system/nodes', headers })).json();
    expect(body.total_connections).toBe(2);
    expect(body.nodes).toMatchObject([
      { node: 'gw-1', connections: 1 },
      { node: 'gw-2', connections: 1 },
    ]);
  });

  it('lists every job queue, and health as /health/ready', async () => {
    const queues = (await app.inject({ url: '/api/v1/system/queues', headers })).json();
    expect(queues.runner).toBe('in-process');
    expect(queues.queues.map((q: { name: string }) => q.name)).toContain('session.push');
    expect(queues.queues[0]).toMatchObject({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    const health = (await app.inject({ url: '/api/v1/system/health', headers })).json();
    expect(health).toMatchObject({ status: 'ready', checks: { database: true }, mode: 'server', database: 'postgres' });
    // The original summary keeps answering.
    const system = (await app.inject({ url: '/api/v1/system', headers })).json();
    expect(system).toMatchObject({ mode: 'server', jobs: 'in-process' });
  });
});
