import { describe, expect, it } from 'vitest';
import { buildCdr } from '../src/cdrs/cdr.builder.js';
import {
  buildChargingPeriods,
  type MeterSampleInput,
  STOP_SKEW_TOLERANCE_MS,
} from '../src/sessions/charging-periods.builder.js';
import { buildSession } from '../src/sessions/session.builder.js';
import type { SessionSource } from '../src/sessions/session-source.js';

const T0 = Date.parse('2025-03-03T10:00:00Z');
const STOP = T0 + 40 * 60_000;
const atMs = (ms: number) => new Date(ms);
const minute = (m: number) => atMs(T0 + m * 60_000);
const register = (sampledAt: Date, wh: number, context: string | null = null): MeterSampleInput => ({
  sampled_at: sampledAt,
  measurand: 'Energy.Active.Import.Register',
  unit: 'Wh',
  value: wh,
  phase: null,
  location: null,
  context,
});
const power = (sampledAt: Date, w: number): MeterSampleInput => ({
  sampled_at: sampledAt,
  measurand: 'Power.Active.Import',
  unit: 'W',
  value: w,
  phase: null,
  location: null,
  context: null,
});

/** A 2.0.1-like transaction (no meterStart/meterStop): 0.5 kWh at start, 2.5 at 20 min, `last` at the end. */
function periodsWithFinal(final: MeterSampleInput, meterStopWh: number | null = null) {
  return buildChargingPeriods({
    start: minute(0),
    end: atMs(STOP),
    meterStartWh: null,
    meterStopWh,
    samples: [register(minute(0), 500), power(minute(0), 7000), register(minute(20), 2500), final],
  });
}

const kwhOf = (periods: ReturnType<typeof buildChargingPeriods>) =>
  Math.round(
    periods
      .flatMap((p) => p.dimensions)
      .filter((d) => d.type === 'ENERGY')
      .reduce((sum, d) => sum + d.volume, 0) * 10_000,
  ) / 10_000;

describe('buildChargingPeriods: the final reading stamped after the stop instant', () => {
  it('counts a Transaction.End sample stamped 1 ms after stop as the final register', () => {
    expect(kwhOf(periodsWithFinal(register(atMs(STOP + 1), 4500, 'Transaction.End')))).toBe(4);
  });

  it('counts a sample without context stamped 5 s after stop (the stop message sample, two clock reads)', () => {
    expect(kwhOf(periodsWithFinal(register(atMs(STOP + 5_000), 4500)))).toBe(4);
  });

  it('counts a Transaction.End sample whatever the skew', () => {
    expect(kwhOf(periodsWithFinal(register(atMs(STOP + 10 * 60_000), 4500, 'Transaction.End')))).toBe(4);
  });

  it('still excludes a periodic sample well after stop', () => {
    const late = register(atMs(STOP + STOP_SKEW_TOLERANCE_MS + 1), 4500, 'Sample.Periodic');
    expect(kwhOf(periodsWithFinal(late))).toBe(2);
  });

  it('keeps a stop meter value authoritative over a later end sample', () => {
    expect(kwhOf(periodsWithFinal(register(atMs(STOP + 2_000), 4900, 'Transaction.End'), 4500))).toBe(4);
  });

  it('clamps to the stop instant: no period starts after it and time adds up to the span', () => {
    const periods = periodsWithFinal(register(atMs(STOP + 5_000), 4500, 'Transaction.End'));
    for (const p of periods) expect(Date.parse(p.start_date_time)).toBeLessThanOrEqual(STOP);
    const hours = periods
      .flatMap((p) => p.dimensions)
      .filter((d) => d.type === 'TIME' || d.type === 'PARKING_TIME')
      .reduce((sum, d) => sum + d.volume, 0);
    expect(hours).toBeCloseTo(40 / 60, 4);
  });
});

describe('buildChargingPeriods: the first reading stamped before the start instant', () => {
  const periodsWithFirst = (first: MeterSampleInput, meterStartWh: number | null = null) =>
    buildChargingPeriods({
      start: minute(0),
      end: atMs(STOP),
      meterStartWh,
      meterStopWh: null,
      samples: [first, power(minute(0), 7000), register(minute(20), 2500), register(atMs(STOP), 4500)],
    });

  it('counts a Transaction.Begin sample stamped before start as the first register', () => {
    expect(kwhOf(periodsWithFirst(register(atMs(T0 - 3_000), 500, 'Transaction.Begin')))).toBe(4);
  });

  it('excludes a reading long before start that does not say it is the first', () => {
    const early = register(atMs(T0 - STOP_SKEW_TOLERANCE_MS - 1), 500, 'Sample.Periodic');
    expect(kwhOf(periodsWithFirst(early))).toBe(2);
  });

  it('keeps a start meter value authoritative over an earlier begin sample', () => {
    expect(kwhOf(periodsWithFirst(register(atMs(T0 - 1_000), 100, 'Transaction.Begin'), 500))).toBe(4);
  });
});

describe('Session and CDR of a 2.0.1 transaction whose Ended sample is stamped after the stop', () => {
  const source = (skewMs: number): SessionSource => ({
    sessionId: 'S1',
    transaction: {
      id: 9,
      status: 'completed',
      started_at: minute(0),
      stopped_at: atMs(STOP),
      created_at: minute(0),
      meter_start_wh: null,
      meter_stop_wh: null,
      energy_wh: 4000,
      id_token: 'TOKEN1',
      token_type: 'ISO14443',
      charging_state: null,
      remote_start_id: null,
      authorization_reference: null,
      auth_method: null,
    },
    cpo: { country_code: 'NL', party_id: 'CPO' },
    token: null,
    authorized: true,
    location: { location_id: 'LOC1', time_zone: 'Europe/Amsterdam', data: {} },
    evse: null,
    samples: [register(minute(0), 500), register(minute(20), 2500), register(atMs(STOP + skewMs), 4500)],
    tariff: {
      country_code: 'NL',
      party_id: 'CPO',
      id: 'T1',
      currency: 'EUR',
      elements: [{ price_components: [{ type: 'ENERGY', price: 0.3, vat: 21, step_size: 1 }] }],
      last_updated: '2025-01-01T00:00:00Z',
    },
  });

  for (const skewMs of [1, 5_000]) {
    it(`bills the full energy with a ${skewMs} ms skew`, () => {
      const built = buildSession(source(skewMs));
      expect(built.kwh).toBe(4);
      const cdr = buildCdr(source(skewMs), built, minute(60));
      expect(cdr.totalEnergyKwh).toBe(4);
      expect(cdr.totalCost).toEqual({ excl_vat: 1.2, incl_vat: 1.452 });
      expect(cdr.cdr.end_date_time).toBe(atMs(STOP).toISOString());
    });
  }
});
