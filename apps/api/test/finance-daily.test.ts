import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { repositories } from '@chargebridge/store';
import { priceSession } from '@chargebridge/tariffs';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCdrs } from '../../../test/finance/cdr-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { build } from '../src/index.js';
import { seedCompleted, seedNetwork, TARIFF } from './charging-seed.js';

const adminToken = 'test-admin-token-0123456789';
const headers = { authorization: `Bearer ${adminToken}` };
let database: TestDatabase;
let app: FastifyInstance;
let realCdrRowId: number;
let realCdrId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // One real CDR through the bridge: 2026-03-01 22:30Z–23:45Z (ends 00:45 in Amsterdam, but on
  // UTC day 2026-03-01), 20 kWh, 6.50 / 7.865 EUR, token of partner emsp-1 (DE-EMP).
  const seeded = await seedNetwork(database.store);
  const transactionId = await seedCompleted(database.store, seeded);
  const real = await database.store.db
    .selectFrom('cdrs')
    .select(['id', 'cdr_id'])
    .where('transaction_id', '=', transactionId)
    .executeTakeFirstOrThrow();
  realCdrRowId = Number(real.id);
  realCdrId = real.cdr_id;
  await insertCdrs(database.store, [
    // UTC day 2026-03-01, token owner DE-EMP (emsp-1), CPO NL-CPO.
    { cdrId: 'D1', start: '2026-03-01T08:00:00Z', end: '2026-03-01T09:00:00Z', kwh: 10.5, excl: 4.1, incl: 4.961 },
    // 00:30 in Amsterdam on 2026-03-02 but still 2026-03-01 in UTC.
    { cdrId: 'D2', start: '2026-03-01T22:00:00Z', end: '2026-03-01T23:30:00+00:00', kwh: 5, excl: 2, incl: 2.42 },
    // 20:30 on 2026-03-01 in New York but 00:30 on 2026-03-02 in UTC.
    {
      cdrId: 'D3',
      start: '2026-03-01T20:00:00-04:00',
      end: '2026-03-01T20:30:00-04:00',
      kwh: 1,
      excl: 0.3,
      incl: 0.363,
    },
    { cdrId: 'D4', start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z', kwh: 7, excl: 3, incl: 3.63 },
    // D4's credit on 2026-03-02: nets its revenue and kWh out.
    {
      cdrId: 'D4-C',
      start: '2026-03-02T10:00:00Z',
      end: '2026-03-02T12:00:00Z',
      kwh: 7,
      excl: 3,
      incl: 3.63,
      credit: 'D4',
    },
    // A token owner that is no partner, another CPO and currency.
    {
      cdrId: 'G1',
      cpo: ['BE', 'OTH'],
      owner: ['FR', 'XYZ'],
      currency: 'GBP',
      start: '2026-03-02T08:00:00Z',
      end: '2026-03-02T09:00:00Z',
      kwh: 3,
      excl: 1.2,
      incl: 1.44,
    },
    // Outside the range [2026-03-01, 2026-03-03).
    { cdrId: 'X1', start: '2026-02-28T22:00:00Z', end: '2026-02-28T23:59:59.999Z', kwh: 99, excl: 99, incl: 99 },
    { cdrId: 'X2', start: '2026-03-03T00:00:00Z', end: '2026-03-03T00:00:00Z', kwh: 99, excl: 99, incl: 99 },
  ]);

  const repos = repositories(database.store.db);
  // The real CDR and D1 were pushed to emsp-1: the real one failed, D1 was acknowledged.
  await repos.pushDeliveries.record({
    partnerId: 'emsp-1',
    module: 'cdrs',
    objectKey: `NL/CPO/${realCdrId}`,
    method: 'POST',
    httpStatus: 500,
    error: 'HTTP 500 Internal Server Error',
  });
  await repos.pushDeliveries.record({
    partnerId: 'emsp-1',
    module: 'cdrs',
    objectKey: 'NL/CPO/D1',
    method: 'POST',
    httpStatus: 201,
  });
  await repos.pushDeliveries.record({
    partnerId: 'emsp-1',
    module: 'sessions',
    objectKey: 'NL/CPO/S-D2',
    method: 'PUT',
    error: 'timeout',
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

const get = (url: string) => app.inject({ url, headers });

describe('GET /api/v1/finance/daily', () => {
  it('sums kWh and revenue per UTC day and partner, per currency, exactly', async () => {
    const res = await get('/api/v1/finance/daily?from=2026-03-01&to=2026-03-03&group=partner');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.days).toEqual(['2026-03-01', '2026-03-02']);
    expect(body.rows).toEqual([
      {
        day: '2026-03-01',
        key: 'emsp-1',
        label: 'Roaming eMSP',
        currency: 'EUR',
        cdrs: 3,
        credits: 0,
        // D1 10.5 + D2 5 + the real CDR 20.
        kwh: '35.5',
        revenue_excl_vat: '12.6',
        revenue_incl_vat: '15.246',
      },
      {
        day: '2026-03-02',
        key: 'FR-XYZ',
        label: 'FR-XYZ (no partner)',
        currency: 'GBP',
        cdrs: 1,
        credits: 0,
        kwh: '3',
        revenue_excl_vat: '1.2',
        revenue_incl_vat: '1.44',
      },
      {
        day: '2026-03-02',
        key: 'emsp-1',
        label: 'Roaming eMSP',
        currency: 'EUR',
        cdrs: 3,
        credits: 1,
        // D3 1 + D4 7 − D4-C 7.
        kwh: '1',
        revenue_excl_vat: '0.3',
        revenue_incl_vat: '0.363',
      },
    ]);
    expect(body.groups).toEqual([
      { key: 'emsp-1', label: 'Roaming eMSP' },
      { key: 'FR-XYZ', label: 'FR-XYZ (no partner)' },
    ]);
    expect(body.totals).toEqual([
      { currency: 'EUR', cdrs: 6, credits: 1, kwh: '36.5', revenue_excl_vat: '12.9', revenue_incl_vat: '15.609' },
      { currency: 'GBP', cdrs: 1, credits: 0, kwh: '3', revenue_excl_vat: '1.2', revenue_incl_vat: '1.44' },
    ]);
  });

  it('groups by issuing CPO with group=party', async () => {
    const body = (await get('/api/v1/finance/daily?from=2026-03-01&to=2026-03-03&group=party')).json();
    expect(
      body.rows.map((r: { day: string; key: string; currency: string; revenue_excl_vat: string }) => [
        r.day,
        r.key,
        r.currency,
        r.revenue_excl_vat,
      ]),
    ).toEqual([
      ['2026-03-01', 'NL-CPO', 'EUR', '12.6'],
      ['2026-03-02', 'BE-OTH', 'GBP', '1.2'],
      ['2026-03-02', 'NL-CPO', 'EUR', '0.3'],
    ]);
  });

  it('rejects bad ranges', async () => {
    expect((await get('/api/v1/finance/daily?from=2026-03-03&to=2026-03-01')).statusCode).toBe(400);
    expect((await get('/api/v1/finance/daily?from=yesterday')).statusCode).toBe(400);
    expect((await get('/api/v1/finance/daily?from=2020-01-01&to=2026-01-01')).statusCode).toBe(400);
    expect((await get('/api/v1/finance/daily?group=colour')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/cdrs/:id/breakdown', () => {
  it('re-prices the CDR per period and dimension so that the lines sum to its totals', async () => {
    for (const ref of [String(realCdrRowId), realCdrId]) {
      const res = await get(`/api/v1/cdrs/${encodeURIComponent(ref)}/breakdown`);
      expect(res.statusCode).toBe(200);
      const { breakdown, cdr, time_zone } = res.json();
      expect(time_zone).toBe('Europe/Amsterdam');
      expect(cdr.id).toBe(realCdrId);
      expect(breakdown.matches_cdr).toBe(true);
      expect(breakdown.totals.total_cost).toEqual(cdr.total_cost);
      // The engine on its own agrees.
      const engine = priceSession(TARIFF, {
        start_date_time: cdr.start_date_time,
        end_date_time: cdr.end_date_time,
        charging_periods: cdr.charging_periods,
        time_zone: 'Europe/Amsterdam',
      });
      expect(breakdown.totals.total_cost).toEqual(engine.cdr.total_cost);
      // Lines of every period, plus corrections, sum (exactly) to total_cost.
      const lines = [
        ...breakdown.periods.flatMap((p: { lines: unknown[] }) => p.lines),
        ...breakdown.adjustments,
      ] as Array<{
        excl_vat: string;
        incl_vat: string;
      }>;
      const sum = (k: 'excl_vat' | 'incl_vat') => Math.round(lines.reduce((s, l) => s + Number(l[k]), 0) * 1e4) / 1e4;
      expect(sum('excl_vat')).toBe(cdr.total_cost.excl_vat);
      expect(sum('incl_vat')).toBe(cdr.total_cost.incl_vat);
      // Each period's subtotal is the sum of its lines; per-field sums equal the CDR's fields.
      for (const p of breakdown.periods) {
        const own = p.lines.reduce((s: number, l: { excl_vat: string }) => s + Number(l.excl_vat), 0);
        expect(Number(p.excl_vat)).toBeCloseTo(own, 10);
      }
      for (const f of breakdown.by_cost_field) {
        expect({ excl_vat: f.excl_vat, incl_vat: f.incl_vat }).toEqual(f.cdr);
      }
      // Periods split at local midnight: 22:30Z, 23:00Z (00:00 Amsterdam), 23:30Z parking.
      expect(breakdown.periods.map((p: { start_date_time: string }) => p.start_date_time)).toEqual([
        '2026-03-01T22:30:00Z',
        '2026-03-01T23:00:00Z',
        '2026-03-01T23:30:00Z',
      ]);
      const dims = Object.fromEntries(breakdown.by_dimension.map((d: { type: string }) => [d.type, d]));
      expect(dims.ENERGY).toMatchObject({ unit: 'kWh', excl_vat: '4.5' });
      expect(dims.PARKING_TIME).toMatchObject({ unit: 's', volume: '900', excl_vat: '1.5' });
      expect(dims.FLAT).toMatchObject({ unit: 'session', volume: '1', excl_vat: '0.5' });
    }
  });

  it('explains why a CDR without usable tariffs has no breakdown, and 404s unknown CDRs', async () => {
    const res = await get('/api/v1/cdrs/D1/breakdown');
    expect(res.statusCode).toBe(200);
    expect(res.json().breakdown).toMatchObject({ totals: null, periods: [], matches_cdr: null });
    expect(res.json().breakdown.error).toEqual(expect.any(String));
    expect((await get('/api/v1/cdrs/NOPE/breakdown')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/cdrs/unacknowledged', () => {
  it('lists CDR pushes the partner has not acknowledged, with the CDR and the last error', async () => {
    const body = (await get('/api/v1/cdrs/unacknowledged')).json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      partner_id: 'emsp-1',
      partner_name: 'Roaming eMSP',
      status: 'failed',
      http_status: 500,
      last_error: 'HTTP 500 Internal Server Error',
      cdr_id: realCdrId,
      cdr_row_id: realCdrRowId,
      party: 'NL-CPO',
      total_cost_incl_vat: '7.865',
      currency: 'EUR',
    });
    expect((await get('/api/v1/cdrs/unacknowledged?partner=someone-else')).json().total).toBe(0);
  });
});

describe('GET /api/v1/cdrs/export/preview', () => {
  it('gives the first rows of the export with its columns and the full count', async () => {
    const res = await get('/api/v1/cdrs/export/preview?from=2026-03-01&to=2026-03-03&limit=2');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(7);
    expect(body.rows).toHaveLength(2);
    expect(body.columns[0]).toBe('cdr_id');
    expect(Object.keys(body.rows[0])).toEqual(body.columns);
    const partner = (await get('/api/v1/cdrs/export/preview?from=2026-03-01&to=2026-03-03&partner=emsp-1')).json();
    expect(partner.total).toBe(6);
    expect((await get('/api/v1/cdrs/export/preview?from=2026-03-01&to=2026-03-03&partner=nobody')).statusCode).toBe(
      404,
    );
  });
});
