import { createHash } from 'node:crypto';
import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { repositories } from '@chargebridge/store';
import { estimateRunningCost } from '@chargebridge/tariffs';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { build } from '../src/index.js';
import { type Seeded, seedActive, seedCompleted, seedNetwork, TARIFF } from './charging-seed.js';

const adminToken = 'test-admin-token-0123456789';
const headers = { authorization: `Bearer ${adminToken}` };
const VIEWER_TOKEN = 'cbt_viewer-token-for-masking-tests-0000000000';
let database: TestDatabase;
let app: FastifyInstance;
let seeded: Seeded;
let completedId: number;
let activeWithSession: number;
let activeWithoutSession: number;

beforeAll(async () => {
  database = await createTestDatabase();
  seeded = await seedNetwork(database.store);
  completedId = await seedCompleted(database.store, seeded);
  activeWithSession = await seedActive(database.store, seeded, 'active-synced', true);
  activeWithoutSession = await seedActive(database.store, seeded, 'active-fresh', false);

  const repos = repositories(database.store.db);
  const session = await database.store.db
    .selectFrom('sessions')
    .selectAll()
    .where('transaction_id', '=', completedId)
    .executeTakeFirstOrThrow();
  // The push trail: the session went out (PUT, then a failed PATCH retried), the CDR failed twice.
  const sessionKey = `NL/CPO/${session.session_id}`;
  const cdrKey = `NL/CPO/CB-${completedId}`;
  await repos.pushDeliveries.record({
    partnerId: 'emsp-1',
    module: 'sessions',
    objectKey: sessionKey,
    method: 'PUT',
    httpStatus: 200,
  });
  await repos.pushDeliveries.record({
    partnerId: 'emsp-1',
    module: 'cdrs',
    objectKey: cdrKey,
    method: 'POST',
    httpStatus: 500,
    error: 'HTTP 500: partner down',
  });
  await repos.pushAttempts.add({
    partner_id: 'emsp-1',
    module: 'sessions',
    object_key: sessionKey,
    method: 'PUT',
    ok: true,
    http_status: 200,
    latency_ms: 12,
    at: '2026-03-01T22:31:00Z',
  });
  await repos.pushAttempts.add({
    partner_id: 'emsp-1',
    module: 'cdrs',
    object_key: cdrKey,
    method: 'POST',
    ok: false,
    http_status: 500,
    latency_ms: 40,
    error: 'HTTP 500: partner down',
    at: '2026-03-01T23:47:00Z',
  });
  await repos.pushAttempts.add({
    partner_id: 'emsp-1',
    module: 'cdrs',
    object_key: 'NL/CPO/SOMETHING-ELSE',
    method: 'POST',
    ok: true,
    http_status: 200,
    latency_ms: 5,
    at: '2026-03-01T23:48:00Z',
  });

  // A viewer with a personal API token (token uids are masked for viewers).
  const user = await database.store.db
    .insertInto('users')
    .values({ username: 'viewer', password_hash: 'x', role: 'viewer' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await repos.apiTokens.create({
    userId: Number(user.id),
    name: 'test',
    tokenHash: createHash('sha256').update(VIEWER_TOKEN).digest('hex'),
    prefix: VIEWER_TOKEN.slice(0, 12),
  });

  app = await build({
    config: loadConfig({ DATABASE_URL: database.url }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken,
  });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

const get = (url: string, h: Record<string, string> = headers) => app.inject({ url, headers: h });

describe('GET /api/v1/charging-sessions', () => {
  it('lists every transaction, live and past, newest start first, with energy, power, ids and time zone', async () => {
    const res = await get('/api/v1/charging-sessions');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items.map((i: { id: number }) => i.id)).toEqual([activeWithoutSession, activeWithSession, completedId]);
    const completed = body.items[2];
    expect(completed).toMatchObject({
      id: completedId,
      identity: 'CB-1',
      party: 'NL-CPO',
      status: 'completed',
      evse_uid: 'CB-1-1',
      connector_id: '1',
      energy_kwh: 20,
      power_kw: null,
      cdr_id: `CB-${completedId}`,
      session_status: 'COMPLETED',
      time_zone: 'Europe/Amsterdam',
      partner_id: 'emsp-1',
      stop_reason: 'EVDisconnected',
      started_at: '2026-03-01T22:30:00.000Z',
      stopped_at: '2026-03-01T23:45:00.000Z',
      token: { uid: 'TOKEN-12345678', masked: false, owner: 'DE-EMP', source: 'roaming' },
    });
    expect(completed.session_id).toEqual(expect.any(String));
    const active = body.items[0];
    expect(active).toMatchObject({ status: 'active', energy_kwh: 7.5, power_kw: 18, soc: 64, cdr_id: null });
  });

  it("prices live sessions with the tariff engine: the completed one's CDR, the active ones' running cost", async () => {
    const body = (await get('/api/v1/charging-sessions')).json();
    const [fresh, synced, completed] = body.items;
    expect(completed).toMatchObject({
      cost_so_far: { excl_vat: 6.5, incl_vat: 7.865 },
      cost_source: 'cdr',
      currency: 'EUR',
    });
    // 7.5 kWh at 0.25 + 0.50 start fee = 2.375; incl. 21 % VAT 2.87375 → 2.8738.
    const expected = estimateRunningCost(
      TARIFF,
      {
        start_date_time: '2026-03-05T10:00:00Z',
        charging_periods: [
          {
            start_date_time: '2026-03-05T10:00:00Z',
            dimensions: [
              { type: 'ENERGY', volume: 7.5 },
              { type: 'TIME', volume: 0.5 },
            ],
          },
        ],
        time_zone: 'Europe/Amsterdam',
      },
      '2026-03-05T10:30:00Z',
    ).cdr.total_cost;
    expect(expected).toEqual({ excl_vat: 2.375, incl_vat: 2.8738 });
    for (const row of [fresh, synced]) {
      expect(row.cost_so_far).toEqual(expected);
      expect(row.cost_source).toBe('estimate');
      expect(row.currency).toBe('EUR');
    }
    // The running cost equals what the bridge's OCPI Session carries.
    const session = await database.store.db
      .selectFrom('sessions')
      .select('data')
      .where('transaction_id', '=', activeWithSession)
      .executeTakeFirstOrThrow();
    expect(session.data.total_cost).toEqual(expected);
  });

  it('filters by status, station, party and start range, and pages', async () => {
    const active = (await get('/api/v1/charging-sessions?status=active')).json();
    expect(active.total).toBe(2);
    expect(active.items.every((i: { status: string }) => i.status === 'active')).toBe(true);
    expect((await get('/api/v1/charging-sessions?station=NOPE')).json().total).toBe(0);
    expect((await get('/api/v1/charging-sessions?party=NL-CPO')).json().total).toBe(3);
    expect((await get('/api/v1/charging-sessions?party=DE-EMP')).json().total).toBe(0);
    const march1 = (await get('/api/v1/charging-sessions?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z')).json();
    expect(march1.items.map((i: { id: number }) => i.id)).toEqual([completedId]);
    const page = (await get('/api/v1/charging-sessions?limit=1&offset=1')).json();
    expect(page).toMatchObject({ total: 3, offset: 1, limit: 1 });
    expect(page.items.map((i: { id: number }) => i.id)).toEqual([activeWithSession]);
    expect((await get('/api/v1/charging-sessions?party=bad party')).statusCode).toBe(400);
    expect((await get('/api/v1/charging-sessions?status=sleeping')).statusCode).toBe(400);
  });

  it('masks token uids for viewers', async () => {
    const res = await get('/api/v1/charging-sessions?status=completed', { authorization: `Bearer ${VIEWER_TOKEN}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].token).toMatchObject({ uid: '••••••••5678', masked: true });
  });

  it('keeps GET /sessions and GET /transactions as they were', async () => {
    const tx = (await get('/api/v1/transactions')).json();
    expect(tx.total).toBe(3);
    expect(tx.items[0]).toHaveProperty('station', 'CB-1');
    const sessions = (await get('/api/v1/sessions')).json();
    expect(sessions.total).toBe(2);
    expect(sessions.items[0]).toHaveProperty('country_code', 'NL');
  });
});

describe('GET /api/v1/charging-sessions/:id', () => {
  it('404s an unknown id', async () => {
    expect((await get('/api/v1/charging-sessions/999999')).statusCode).toBe(404);
  });

  it('gives the meter series (kWh since start, kW, SoC) and the event timeline', async () => {
    const body = (await get(`/api/v1/charging-sessions/${completedId}`)).json();
    expect(body.meter.total_points).toBe(4);
    expect(body.meter.power_derived).toBe(false);
    expect(body.meter.points).toEqual([
      { at: '2026-03-01T22:30:00.000Z', energy_kwh: 0, power_kw: 20, soc: 20 },
      { at: '2026-03-01T23:00:00.000Z', energy_kwh: 10, power_kw: 20, soc: 50 },
      { at: '2026-03-01T23:30:00.000Z', energy_kwh: 20, power_kw: 0, soc: 80 },
      { at: '2026-03-01T23:45:00.000Z', energy_kwh: 20, power_kw: 0, soc: null },
    ]);
    const labels = body.timeline.map((t: { label: string }) => t.label);
    expect(labels).toEqual([
      'Authorization accepted',
      'Transaction Started',
      'Transaction Ended',
      `CDR CB-${completedId} issued`,
    ]);
    expect(body.timeline[2].detail).toContain('EVDisconnected');
    expect(body.timeline[0].detail).toBe('StartTransaction: whitelist ALWAYS');
  });

  it('carries its CDR with charging periods and a breakdown that sums to the CDR totals', async () => {
    const body = (await get(`/api/v1/charging-sessions/${completedId}`)).json();
    expect(body.cdr).toMatchObject({ id: `CB-${completedId}`, total_cost: { excl_vat: 6.5, incl_vat: 7.865 } });
    expect(body.cdr.charging_periods).toHaveLength(2);
    expect(body.charging_periods).toEqual(body.cdr.charging_periods);
    expect(body.cost.source).toBe('cdr');
    expect(body.cost.matches_cdr).toBe(true);
    expect(body.cost.time_zone).toBe('Europe/Amsterdam');
    // Split at local midnight (23:00Z): 10 kWh at 0.25, 10 kWh at 0.20, then 15 min parking.
    const energy = body.cost.periods.flatMap((p: { lines: Array<{ type: string; price: string; excl_vat: string }> }) =>
      p.lines.filter((l) => l.type === 'ENERGY').map((l) => [l.price, Number(l.excl_vat)]),
    );
    expect(energy).toEqual([
      ['0.25', 2.5],
      ['0.2', 2],
    ]);
    const byField = Object.fromEntries(body.cost.by_cost_field.map((f: { field: string }) => [f.field, f]));
    expect(byField.total_cost).toMatchObject({ excl_vat: 6.5, incl_vat: 7.865 });
    expect(byField.total_energy_cost).toMatchObject({ excl_vat: 4.5, cdr: { excl_vat: 4.5, incl_vat: 5.445 } });
    expect(byField.total_parking_cost).toMatchObject({ excl_vat: 1.5, incl_vat: 1.815 });
    expect(byField.total_fixed_cost).toMatchObject({ excl_vat: 0.5, incl_vat: 0.605 });
    const dims = Object.fromEntries(body.cost.by_dimension.map((d: { type: string }) => [d.type, d]));
    expect(Number(dims.ENERGY.volume)).toBe(20);
    expect(Number(dims.PARKING_TIME.volume)).toBe(900);
    expect(dims.FLAT.volume).toBe('1');
  });

  it('shows the push trail: which partner got the session and the CDR, attempts and their answers', async () => {
    const body = (await get(`/api/v1/charging-sessions/${completedId}`)).json();
    const deliveries = body.push_trail.deliveries.map(
      (d: { module: string; method: string; status: string; http_status: number; partner_name: string }) => [
        d.module,
        d.method,
        d.status,
        d.http_status,
        d.partner_name,
      ],
    );
    expect(deliveries).toEqual([
      ['sessions', 'PUT', 'delivered', 200, 'Roaming eMSP'],
      ['cdrs', 'POST', 'failed', 500, 'Roaming eMSP'],
    ]);
    expect(body.push_trail.deliveries[1].last_error).toBe('HTTP 500: partner down');
    // Attempts of other objects are not this session's.
    expect(
      body.push_trail.attempts.map((a: { module: string; ok: boolean; latency_ms: number }) => [
        a.module,
        a.ok,
        a.latency_ms,
      ]),
    ).toEqual([
      ['sessions', true, 12],
      ['cdrs', false, 40],
    ]);
  });

  it('prices an active session like its OCPI Session and breaks the running cost down', async () => {
    for (const id of [activeWithSession, activeWithoutSession]) {
      const body = (await get(`/api/v1/charging-sessions/${id}`)).json();
      expect(body.session).toMatchObject({
        status: 'active',
        cost_so_far: { excl_vat: 2.375, incl_vat: 2.8738 },
        cost_source: 'estimate',
      });
      expect(body.cdr).toBeNull();
      expect(body.cost).toMatchObject({ source: 'estimate', tariff_id: 'T-NIGHT', matches_cdr: null });
      expect(body.cost.totals.total_cost).toEqual({ excl_vat: 2.375, incl_vat: 2.8738 });
      const byField = Object.fromEntries(body.cost.by_cost_field.map((f: { field: string }) => [f.field, f]));
      expect(byField.total_energy_cost.excl_vat).toBe(1.875);
      expect(body.meter.points.at(-1)).toEqual({
        at: '2026-03-05T10:30:00.000Z',
        energy_kwh: 7.5,
        power_kw: 18,
        soc: 64,
      });
    }
    const synced = (await get(`/api/v1/charging-sessions/${activeWithSession}`)).json();
    expect(synced.ocpi_session).toMatchObject({ status: 'ACTIVE', kwh: 7.5 });
    const fresh = (await get(`/api/v1/charging-sessions/${activeWithoutSession}`)).json();
    expect(fresh.ocpi_session).toBeNull();
    expect(fresh.charging_periods).toHaveLength(1);
  });
});
