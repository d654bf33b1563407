/**
 * Restriction examples of mod_tariffs ("Tariff with max_power", "Tariff with max_duration") and
 * our own scenarios for time-of-day and kWh thresholds crossed inside one charging period.
 */
import { describe, expect, it } from 'vitest';
import { priceSession } from '../src/index.js';
import { d, el, pc, period, session, tariff } from './helpers/builders.js';
import { expectTotal } from './helpers/expectations.js';

describe('max_power (mod_tariffs example)', () => {
  const t = tariff([
    el([pc('ENERGY', 0.2, 20)], { max_power: 16 }),
    el([pc('ENERGY', 0.35, 20)], { max_power: 32 }),
    el([pc('ENERGY', 0.5, 20)]),
  ]);

  it('1 kWh at 6 kW, 40 kWh at 48 kW, 0.5 kWh at 4 kW: 0.20 + 20.00 + 0.10 = 20.30 (MAX_POWER readings)', () => {
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T11:07:30Z', [
        period('2024-05-06T10:00:00Z', d.energy(1), d.maxPower(6)),
        period('2024-05-06T10:10:00Z', d.energy(40), d.maxPower(48)),
        period('2024-05-06T11:00:00Z', d.energy(0.5), d.maxPower(4)),
      ]),
    );
    expectTotal(r, 20.3, 24.36);
    expect(r.breakdown.map((l) => l.elementIndex)).toEqual([0, 2, 0]);
  });

  it('the same from average power (energy / duration) when no power readings are given', () => {
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T11:07:30Z', [
        period('2024-05-06T10:00:00Z', d.energy(1)), // 1 kWh in 10 min = 6 kW
        period('2024-05-06T10:10:00Z', d.energy(40)), // 40 kWh in 50 min = 48 kW
        period('2024-05-06T11:00:00Z', d.energy(0.5)), // 0.5 kWh in 7.5 min = 4 kW
      ]),
    );
    expectTotal(r, 20.3, 24.36);
  });
});

describe('max_duration (mod_tariffs example)', () => {
  const t = tariff([
    el([pc('ENERGY', 0, 20)], { max_duration: 1800 }),
    el([pc('ENERGY', 0.25, 20)], { max_duration: 3600 }),
    el([pc('ENERGY', 0.4, 20)]),
  ]);

  it('40 min: 5 kWh free in the first 30 min, 1.2 kWh at 0.25 afterwards = 0.30', () => {
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T10:40:00Z', [
        period('2024-05-06T10:00:00Z', d.energy(5)),
        period('2024-05-06T10:30:00Z', d.energy(1.2)),
      ]),
    );
    expectTotal(r, 0.3, 0.36);
  });

  it('one 40-min period of 6.2 kWh is split at 30 min with linear energy: 4.65 free + 1.55 × 0.25', () => {
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T10:40:00Z', [period('2024-05-06T10:00:00Z', d.energy(6.2))]),
    );
    expectTotal(r, 0.3875, 0.465);
    expect(r.chargingPeriods).toEqual([
      { start_date_time: '2024-05-06T10:00:00Z', dimensions: [{ type: 'ENERGY', volume: 4.65 }], tariff_id: 'T1' },
      { start_date_time: '2024-05-06T10:30:00Z', dimensions: [{ type: 'ENERGY', volume: 1.55 }], tariff_id: 'T1' },
    ]);
  });

  it('a session past 60 min pays the fallback price from then on', () => {
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T11:30:00Z', [period('2024-05-06T10:00:00Z', d.energy(9))]),
    );
    // 3 kWh per 30 min: 0 + 3 × 0.25 + 3 × 0.40.
    expectTotal(r, 1.95, 2.34);
  });
});

describe('boundaries inside one charging period', () => {
  it('peak 17:00-21:00 local: 16:00-18:00 with 10 kWh is split 5 + 5 kWh at 17:00 (0.30 / 0.45)', () => {
    const t = tariff([
      el([pc('ENERGY', 0.45, 21)], { start_time: '17:00', end_time: '21:00' }),
      el([pc('ENERGY', 0.3, 21)]),
    ]);
    // 16:00 CEST = 14:00Z.
    const r = priceSession(
      t,
      session(
        '2024-05-06T14:00:00Z',
        '2024-05-06T16:00:00Z',
        [period('2024-05-06T14:00:00Z', d.energy(10))],
        'Europe/Amsterdam',
      ),
    );
    expectTotal(r, 3.75, 4.5375);
    expect(r.chargingPeriods.map((p) => [p.start_date_time, p.dimensions[0].volume])).toEqual([
      ['2024-05-06T14:00:00Z', 5],
      ['2024-05-06T15:00:00Z', 5],
    ]);
  });

  it('max_kwh 20 crossed mid-period: 30 kWh over 3 h is split at exactly 20 kWh (after 2 h)', () => {
    const t = tariff([el([pc('ENERGY', 0.3)], { max_kwh: 20 }), el([pc('ENERGY', 0.2)])]);
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T13:00:00Z', [period('2024-05-06T10:00:00Z', d.energy(30))]),
    );
    expectTotal(r, 8, 8);
    expect(r.chargingPeriods.map((p) => [p.start_date_time, p.dimensions[0].volume])).toEqual([
      ['2024-05-06T10:00:00Z', 20],
      ['2024-05-06T12:00:00Z', 10],
    ]);
  });

  it('min_kwh across periods: the threshold counts energy of earlier periods too', () => {
    const t = tariff([el([pc('ENERGY', 0.1)], { min_kwh: 15 }), el([pc('ENERGY', 0.4)])]);
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T12:00:00Z', [
        period('2024-05-06T10:00:00Z', d.energy(10)),
        period('2024-05-06T11:00:00Z', d.energy(10)),
      ]),
    );
    // 10 @0.40, then 5 @0.40 until 15 kWh, then 5 @0.10.
    expectTotal(r, 6.5, 6.5);
  });

  it('a time range over midnight (22:00-06:00) applies on both sides of it', () => {
    const t = tariff([el([pc('TIME', 1)], { start_time: '22:00', end_time: '06:00' }), el([pc('TIME', 3)])]);
    const r = priceSession(
      t,
      session('2024-05-06T21:00:00Z', '2024-05-07T07:00:00Z', [period('2024-05-06T21:00:00Z')]),
    );
    // 21-22 day (3) + 22-06 night (8 × 1) + 06-07 day (3).
    expectTotal(r, 14, 14);
  });
});
