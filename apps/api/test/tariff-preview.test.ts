import { loadConfig } from '@chargebridge/config';
import { DecimalSum } from '@chargebridge/domain';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { priceSession } from '@chargebridge/tariffs';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { syntheticSession } from '../src/admin/tariffs/tariff-preview.js';
import { build } from '../src/index.js';

const adminToken = 'test-admin-token-0123456789';
const auth = { authorization: `Bearer ${adminToken}` };
let database: TestDatabase;
let app: FastifyInstance;

/** Start fee, cheap energy at night (23:00–07:00), normal energy, parking per hour. */
const tariff = {
  country_code: 'NL',
  party_id: 'CPO',
  id: 'NIGHT',
  currency: 'EUR',
  elements: [
    { price_components: [{ type: 'FLAT', price: 0.5, vat: 21, step_size: 1 }] },
    {
      price_components: [{ type: 'ENERGY', price: 0.2, vat: 21, step_size: 1 }],
      restrictions: { start_time: '23:00', end_time: '07:00' },
    },
    { price_components: [{ type: 'ENERGY', price: 0.4, vat: 21, step_size: 1 }] },
    { price_components: [{ type: 'PARKING_TIME', price: 2, vat: 21, step_size: 60 }] },
  ],
  last_updated: '2024-01-01T00:00:00Z',
};

const sum = (values: string[]) => {
  const s = new DecimalSum();
  for (const v of values) s.add(v);
  return Math.round(Number(s.toString()) * 1e4) / 1e4;
};

async function preview(payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/v1/tariffs/preview', headers: auth, payload });
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
  await database.store.db.insertInto('parties').values({ country_code: 'NL', party_id: 'CPO', name: 'CPO' }).execute();
  const put = await app.inject({ method: 'PUT', url: '/api/v1/tariffs/NL/CPO/NIGHT', headers: auth, payload: tariff });
  expect(put.statusCode).toBe(201);
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('synthetic sessions', () => {
  it('charges at constant power until the energy is in, then parks', () => {
    const s = syntheticSession({
      start: new Date('2024-05-06T10:00:00Z'),
      durationMinutes: 90,
      energyKwh: 11,
      maxPowerKw: 22,
      timeZone: 'UTC',
    });
    expect(s.charging_periods).toEqual([
      {
        start_date_time: '2024-05-06T10:00:00.000Z',
        dimensions: [
          { type: 'ENERGY', volume: 11 },
          { type: 'POWER', volume: 22 },
        ],
      },
      { start_date_time: '2024-05-06T10:30:00.000Z', dimensions: [{ type: 'PARKING_TIME', volume: 1 }] },
    ]);
    expect(s.summary).toEqual({ power_kw: 22, energy_kwh: 11, charging_minutes: 30, parking_minutes: 60 });
  });

  it('caps the energy at power × duration, and spreads it over the session without a power', () => {
    const capped = syntheticSession({
      start: new Date('2024-05-06T10:00:00Z'),
      durationMinutes: 60,
      energyKwh: 50,
      maxPowerKw: 11,
      timeZone: 'UTC',
    });
    expect(capped.summary).toMatchObject({ energy_kwh: 11, parking_minutes: 0 });
    expect(capped.charging_periods).toHaveLength(1);
    const spread = syntheticSession({
      start: new Date('2024-05-06T10:00:00Z'),
      durationMinutes: 120,
      energyKwh: 20,
      timeZone: 'UTC',
    });
    expect(spread.summary).toEqual({ power_kw: 10, energy_kwh: 20, charging_minutes: 120, parking_minutes: 0 });
  });
});

describe('POST /api/v1/tariffs/preview', () => {
  it("equals the engine's price for the same periods, and its breakdown sums to the total", async () => {
    const response = await preview({
      tariff,
      start_date_time: '2024-05-06T10:00:00Z',
      duration_minutes: 90,
      energy_kwh: 11,
      max_power_kw: 22,
    });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    const engine = priceSession(tariff, {
      start_date_time: body.session.start_date_time,
      end_date_time: body.session.end_date_time,
      charging_periods: body.session.charging_periods,
      time_zone: 'UTC',
    });
    expect(body.cdr).toEqual(JSON.parse(JSON.stringify(engine.cdr)));
    // 0.50 start + 11 kWh × 0.40 + 1 h parking × 2.00 = 6.90 excl. VAT
    expect(body.cdr.total_cost).toEqual({ excl_vat: 6.9, incl_vat: 8.349 });
    expect(sum(body.breakdown.map((l: { excl_vat: string }) => l.excl_vat))).toBe(body.cdr.total_cost.excl_vat);
    expect(sum(body.breakdown.map((l: { incl_vat: string }) => l.incl_vat))).toBe(body.cdr.total_cost.incl_vat);
    expect(sum(body.by_element.map((l: { excl_vat: string }) => l.excl_vat))).toBe(body.cdr.total_cost.excl_vat);
    // Which element priced what: FLAT by element 0, energy by the day element 2, parking by 3.
    expect(
      body.by_element.map((s: { element_index: number; type: string; volume: string; excl_vat: string }) => [
        s.element_index,
        s.type,
        s.volume,
        s.excl_vat,
      ]),
    ).toEqual([
      [0, 'FLAT', '1', '0.5'],
      [2, 'ENERGY', '11', '4.4'],
      [3, 'PARKING_TIME', '3600', '2'],
    ]);
  });

  it('prices night energy with the restricted element, and splits a session crossing 23:00', async () => {
    const night = (
      await preview({ tariff, start_date_time: '2024-05-07T02:00:00Z', duration_minutes: 60, energy_kwh: 10 })
    ).json();
    expect(night.by_element.find((s: { type: string }) => s.type === 'ENERGY')).toMatchObject({
      element_index: 1,
      restrictions: { start_time: '23:00', end_time: '07:00' },
      excl_vat: '2',
    });
    const crossing = (
      await preview({ tariff, start_date_time: '2024-05-06T22:30:00Z', duration_minutes: 60, energy_kwh: 10 })
    ).json();
    const energy = crossing.by_element.filter((s: { type: string }) => s.type === 'ENERGY');
    expect(energy.map((s: { element_index: number; volume: string }) => [s.element_index, s.volume])).toEqual([
      [1, '5'],
      [2, '5'],
    ]);
    expect(crossing.priced_periods.length).toBeGreaterThan(1);
    expect(sum(crossing.breakdown.map((l: { excl_vat: string }) => l.excl_vat))).toBe(crossing.cdr.total_cost.excl_vat);
  });

  it('prices a stored tariff by reference the same as inline, in the given time zone', async () => {
    const input = {
      start_date_time: '2024-05-06T21:30:00Z',
      duration_minutes: 60,
      energy_kwh: 7,
      time_zone: 'Europe/Amsterdam',
    };
    const byRef = await preview({ country_code: 'nl', party_id: 'cpo', tariff_id: 'NIGHT', ...input });
    expect(byRef.statusCode, byRef.body).toBe(200);
    const inline = await preview({ tariff, ...input });
    expect(byRef.json().cdr).toEqual(inline.json().cdr);
    // 21:30 UTC is 23:30 in Amsterdam (CEST): night energy.
    expect(byRef.json().by_element.find((s: { type: string }) => s.type === 'ENERGY').element_index).toBe(1);
    expect(byRef.json().time_zone).toBe('Europe/Amsterdam');
  });

  it('answers 422 for a tariff the engine refuses, 404 for an unknown reference, 400 without a tariff', async () => {
    const bad = await preview({
      tariff: { ...tariff, elements: [{ price_components: [{ type: 'ENERGY', price: -1, step_size: 1 }] }] },
      start_date_time: '2024-05-06T10:00:00Z',
      duration_minutes: 60,
      energy_kwh: 5,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: 'invalid_tariff' });
    expect(bad.json().message).toContain('price');
    const missing = await preview({
      country_code: 'NL',
      party_id: 'CPO',
      tariff_id: 'NOPE',
      start_date_time: '2024-05-06T10:00:00Z',
      duration_minutes: 60,
      energy_kwh: 5,
    });
    expect(missing.statusCode).toBe(404);
    const none = await preview({ start_date_time: '2024-05-06T10:00:00Z', duration_minutes: 60, energy_kwh: 5 });
    expect(none.statusCode).toBe(400);
    const zone = await preview({
      tariff,
      start_date_time: '2024-05-06T10:00:00Z',
      duration_minutes: 60,
      energy_kwh: 5,
      time_zone: 'Mars/Base',
    });
    expect(zone.statusCode).toBe(400);
  });
});

describe('POST /api/v1/tariffs/heatmap', () => {
  it('is a 7 × 24 grid in which a time-of-day tariff shows cheaper night hours', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/tariffs/heatmap',
      headers: auth,
      payload: { tariff, energy_kwh: 10, power_kw: 10, week_of: '2024-05-08T12:00:00Z' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const map = response.json();
    expect(map.week_start).toBe('2024-05-06');
    expect(map.days).toHaveLength(7);
    expect(map.hours).toEqual(Array.from({ length: 24 }, (_, h) => h));
    expect(map.incl_vat).toHaveLength(7);
    for (const row of map.incl_vat) expect(row).toHaveLength(24);
    // Night: 0.50 + 10 × 0.20 = 2.50; day: 0.50 + 10 × 0.40 = 4.50 (excl. VAT).
    expect(map.excl_vat[0][2]).toBe(2.5);
    expect(map.excl_vat[0][12]).toBe(4.5);
    expect(map.excl_vat[6][23]).toBe(2.5);
    expect(map.min).toBeCloseTo(2.5 * 1.21, 4);
    expect(map.max).toBeCloseTo(4.5 * 1.21, 4);
  });

  it('reads the hours in the given zone, and prices a stored tariff by reference', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/tariffs/heatmap',
      headers: auth,
      payload: {
        country_code: 'NL',
        party_id: 'CPO',
        tariff_id: 'NIGHT',
        time_zone: 'Europe/Amsterdam',
        week_of: '2024-05-08T12:00:00Z',
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const map = response.json();
    expect(map).toMatchObject({ time_zone: 'Europe/Amsterdam', energy_kwh: 11, power_kw: 11 });
    // 06:00–07:00 local is night, 07:00 local is day: in the zone's own hours.
    expect(map.excl_vat[1][6]).toBe(0.5 + 11 * 0.2);
    expect(map.excl_vat[1][7]).toBe(0.5 + 11 * 0.4);
  });
});

describe('GET /api/v1/tariffs', () => {
  it('lists the tariffs paged and filtered, and returns one in full', async () => {
    const list = await app.inject({ url: '/api/v1/tariffs?party=NL-CPO&q=nig', headers: auth });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      total: 1,
      offset: 0,
      items: [{ country_code: 'NL', party_id: 'CPO', tariff_id: 'NIGHT', currency: 'EUR', elements: 4 }],
    });
    const none = await app.inject({ url: '/api/v1/tariffs?party=DE-ABC', headers: auth });
    expect(none.json()).toMatchObject({ total: 0, items: [] });
    const one = await app.inject({ url: '/api/v1/tariffs/NL/CPO/NIGHT', headers: auth });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: 'NIGHT', currency: 'EUR', elements: tariff.elements });
  });
});
