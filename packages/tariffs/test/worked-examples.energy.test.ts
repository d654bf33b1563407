/**
 * Worked examples of mod_tariffs "Examples" (energy-based ones) and of the step_size notes, as
 * our own tariffs and sessions. Expected numbers are computed by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { priceSession, TariffInputError } from '../src/index.js';
import { d, el, pc, period, session, tariff } from './helpers/builders.js';
import { expectPrice, expectTotal } from './helpers/expectations.js';

const energyOnly = tariff([el([pc('ENERGY', 0.25, 10)])]);
const startAndEnergy = tariff([el([pc('FLAT', 0.5, 20), pc('ENERGY', 0.25, 10)])]);

/** One charging period of `kwh` from 10:00 to 12:00 UTC. */
function charge(kwh: number) {
  return session('2024-05-06T10:00:00Z', '2024-05-06T12:00:00Z', [period('2024-05-06T10:00:00Z', d.energy(kwh))]);
}

describe('energy tariffs (mod_tariffs examples)', () => {
  it('€0.25/kWh excl. 10 % VAT: 20 kWh cost 5.00 excl / 5.50 incl', () => {
    const r = priceSession(energyOnly, charge(20));
    expectTotal(r, 5, 5.5);
    expectPrice(r.cdr.total_energy_cost, 5, 5.5);
    expect(r.cdr.total_energy).toBe(20);
    expect(r.cdr.total_time).toBe(2);
  });

  it('adds a start fee of €0.50 + 20 % VAT: 0.50 + 5.00 = 5.50 excl, 0.60 + 5.50 = 6.10 incl', () => {
    const r = priceSession(startAndEnergy, charge(20));
    expectTotal(r, 5.5, 6.1);
    expectPrice(r.cdr.total_fixed_cost, 0.5, 0.6);
  });

  it('a minimum price lifts cheap sessions only (1.2 kWh = 0.30 → 0.50 excl / 0.55 incl)', () => {
    const t = tariff([el([pc('ENERGY', 0.25, 10)])], { min_price: { excl_vat: 0.5, incl_vat: 0.55 } });
    expectTotal(priceSession(t, charge(20)), 5, 5.5);
    const small = priceSession(t, charge(1.2));
    expectTotal(small, 0.5, 0.55);
    expectPrice(small.cdr.total_energy_cost, 0.3, 0.33);
    expect(small.breakdown.at(-1)).toMatchObject({ type: 'MIN_PRICE', exclVat: '0.2', inclVat: '0.22' });
  });

  it('parking billed per 15 min: 20 kWh + 40 min parked = 0.50 + 5.00 + 1.50 (45 min × €2) = 7.00 / 7.90', () => {
    const t = tariff([el([pc('FLAT', 0.5, 20), pc('ENERGY', 0.25, 10), pc('PARKING_TIME', 2, 20, 900)])]);
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T12:40:00Z', [
        period('2024-05-06T10:00:00Z', d.energy(20)),
        period('2024-05-06T12:00:00Z', d.parking(0.6667)),
      ]),
    );
    expectTotal(r, 7, 7.9);
    expectPrice(r.cdr.total_parking_cost, 1.5, 1.8);
    expect(r.cdr.total_parking_time).toBe(0.6667);
    expect(r.cdr.total_time).toBe(2.6667);
  });

  it('a maximum price caps expensive sessions: 50 kWh → 10.00 / 11.00, 30 kWh stays 8.00 / 8.85', () => {
    const t = tariff([el([pc('FLAT', 0.5, 20), pc('ENERGY', 0.25, 10)])], {
      max_price: { excl_vat: 10, incl_vat: 11 },
      end_date_time: '2019-06-30T23:59:59Z',
    });
    const at = (kwh: number) =>
      session('2019-06-10T08:00:00Z', '2019-06-10T10:00:00Z', [period('2019-06-10T08:00:00Z', d.energy(kwh))]);
    const capped = priceSession(t, at(50));
    expectTotal(capped, 10, 11);
    // 0.50 + 12.50 = 13.00 excl and 0.60 + 13.75 = 14.35 incl before the cap.
    expect(capped.breakdown.at(-1)).toMatchObject({ type: 'MAX_PRICE', exclVat: '-3', inclVat: '-3.35' });
    expectTotal(priceSession(t, at(30)), 8, 8.85);
  });

  it('the tariff end date: a later session needs the successor tariff', () => {
    const old = tariff([el([pc('ENERGY', 0.25, 10)])], { id: 'OLD', end_date_time: '2019-06-30T23:59:59Z' });
    const successor = tariff([el([pc('ENERGY', 0.3, 10)])], { id: 'NEW', start_date_time: '2019-07-01T00:00:00Z' });
    const july = session('2019-07-01T08:00:00Z', '2019-07-01T09:00:00Z', [
      period('2019-07-01T08:00:00Z', d.energy(10)),
    ]);
    expect(() => priceSession(old, july)).toThrow(TariffInputError);
    expect(() => priceSession(old, july)).toThrow(/tariff\.end_date_time: no tariff is valid at the session start/);
    const r = priceSession([old, successor], july);
    expect(r.tariffId).toBe('NEW');
    expectTotal(r, 3, 3.3);
    expect(r.chargingPeriods.every((p) => p.tariff_id === 'NEW')).toBe(true);
  });

  it('energy billed per 100 Wh: 20.45 kWh is billed as 20.5 kWh (5.125 + 0.50 = 5.625 / 6.2375)', () => {
    const t = tariff([el([pc('FLAT', 0.5, 20), pc('ENERGY', 0.25, 10, 100)])]);
    const r = priceSession(t, charge(20.45));
    // The spec's table shows cent-rounded lines (5.13 / 5.64, total 5.63 / 6.24); we keep 4 decimals.
    expectTotal(r, 5.625, 6.2375);
    expectPrice(r.cdr.total_energy_cost, 5.125, 5.6375);
    expect(r.cdr.total_energy).toBe(20.45);
    const energyLine = r.breakdown.find((l) => l.type === 'ENERGY');
    expect(energyLine).toMatchObject({ volume: '20.45', billedVolume: '20.5', unit: 'kWh' });
    expect(energyLine?.stepSize).toEqual({ stepSize: 100, unit: 'Wh', totalBefore: '20450', totalAfter: '20500' });
  });

  it('a free-of-charge tariff (one FLAT of 0, step_size 0) costs nothing', () => {
    const r = priceSession(tariff([el([{ type: 'FLAT', price: 0, step_size: 0 }])]), charge(42));
    expectTotal(r, 0, 0);
    expect(r.warnings.filter((w) => w.severity === 'error')).toEqual([]);
  });
});

describe('step_size for ENERGY (PriceComponent notes, mod_cdrs step_size)', () => {
  it.each([
    [1, '0.029', 0.029], // 115.2 Wh → 116 Wh × €0.25/kWh
    [25, '0.03125', 0.0313], // → 125 Wh; 4 decimals, half-up (the spec writes "€ 0.031")
    [500, '0.125', 0.125], // → 500 Wh
  ])('115.2 Wh with step_size %i Wh costs exactly %s', (step, exact, rounded) => {
    const r = priceSession(tariff([el([pc('ENERGY', 0.25, undefined, step)])]), charge(0.1152));
    expectTotal(r, rounded, rounded);
    expect(r.breakdown[0].exclVat).toBe(exact);
  });

  it('rounds the session total, not the last period: 4.3 kWh @0.20 + 1.1 kWh @0.27 with 500 Wh steps', () => {
    const t = tariff([
      el([pc('ENERGY', 0.2, undefined, 500)], { start_time: '00:00', end_time: '17:00' }),
      el([pc('ENERGY', 0.27, undefined, 500)]),
    ]);
    const r = priceSession(
      t,
      session('2024-05-06T16:00:00Z', '2024-05-06T18:00:00Z', [
        period('2024-05-06T16:00:00Z', d.energy(4.3)),
        period('2024-05-06T17:00:00Z', d.energy(1.1)),
      ]),
    );
    // 5.4 kWh → 5.5 kWh: the extra 0.1 kWh lands on the last period: 4.3 × 0.20 + 1.2 × 0.27 = 1.184.
    expectTotal(r, 1.184, 1.184);
    expect(r.breakdown.map((l) => l.billedVolume)).toEqual(['4.3', '1.2']);
  });
});
