/**
 * The explanation parts of a result, VAT semantics, and edge cases of session input.
 */
import { describe, expect, it } from 'vitest';
import { compileTariff, priceSession } from '../src/index.js';
import { d, el, pc, period, session, tariff } from './helpers/builders.js';
import { expectPrice } from './helpers/expectations.js';

describe('result', () => {
  const t = tariff([el([pc('ENERGY', 0.45, 21)], { start_time: '17:00' }), el([pc('FLAT', 1), pc('ENERGY', 0.3, 0)])]);
  const s = session('2024-05-06T16:00:00Z', '2024-05-06T18:00:00Z', [period('2024-05-06T16:00:00Z', d.energy(8))]);

  it('explains each line by re-priced period, source period, element and component', () => {
    const r = priceSession(t, s);
    expect(r.breakdown).toEqual([
      expect.objectContaining({
        type: 'FLAT',
        periodIndex: 0,
        sourcePeriodIndex: 0,
        elementIndex: 1,
        componentIndex: 0,
        vat: null,
      }),
      expect.objectContaining({
        type: 'ENERGY',
        periodIndex: 0,
        elementIndex: 1,
        componentIndex: 1,
        volume: '4',
        vat: '0',
        exclVat: '1.2',
      }),
      expect.objectContaining({
        type: 'ENERGY',
        periodIndex: 1,
        elementIndex: 0,
        componentIndex: 0,
        volume: '4',
        vat: '21',
        inclVat: '2.178',
      }),
    ]);
    expect(r.chargingPeriods).toHaveLength(2);
  });

  it('serializes completely with JSON.stringify', () => {
    const json = JSON.parse(JSON.stringify(priceSession(t, s)));
    expect(Object.keys(json)).toEqual([
      'tariffId',
      'currency',
      'timeZone',
      'estimate',
      'cdr',
      'chargingPeriods',
      'breakdown',
      'warnings',
    ]);
    expect(json.breakdown).toHaveLength(3);
  });

  it('absent VAT means no VAT applicable: incl. equals excl. (different from 0 % only in the breakdown)', () => {
    const r = priceSession(t, s);
    expectPrice(r.cdr.total_fixed_cost, 1, 1);
    expectPrice(r.cdr.total_energy_cost, 3, 3.378);
  });

  it('accepts a compiled tariff and reuses it', () => {
    const compiled = compileTariff(t);
    expect(priceSession(compiled, s).cdr).toEqual(priceSession(t, s).cdr);
  });
});

describe('session input', () => {
  const t = tariff([el([pc('ENERGY', 0.3), pc('TIME', 1), pc('PARKING_TIME', 2)])]);

  it('uses TIME and PARKING_TIME dimensions as given, and wall-clock time when absent', () => {
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T13:00:00Z', [
        period('2024-05-06T10:00:00Z', d.energy(10), d.time(0.5), d.parking(0.5)),
        period('2024-05-06T11:00:00Z', d.energy(5)),
        period('2024-05-06T12:00:00Z', d.parking(1)),
      ]),
    );
    expect(r.cdr.total_time).toBe(3);
    expect(r.cdr.total_parking_time).toBe(1.5);
    expectPrice(r.cdr.total_time_cost, 1.5, 1.5);
    expectPrice(r.cdr.total_parking_cost, 3, 3);
  });

  it('prices zero-length periods and ENERGY_IMPORT when ENERGY is absent', () => {
    const r = priceSession(
      t,
      session('2024-05-06T10:00:00Z', '2024-05-06T10:00:00Z', [
        period('2024-05-06T10:00:00Z', { type: 'ENERGY_IMPORT', volume: 2 }),
      ]),
    );
    expect(r.cdr.total_energy).toBe(2);
    expectPrice(r.cdr.total_cost, 0.6, 0.6);
  });

  it('rejects a reservation period after charging started', () => {
    expect(() =>
      priceSession(
        t,
        session('2024-05-06T10:00:00Z', '2024-05-06T12:00:00Z', [
          period('2024-05-06T10:00:00Z', d.energy(1)),
          period('2024-05-06T11:00:00Z', d.reservation(1)),
        ]),
      ),
    ).toThrow('session.charging_periods[1]: reservation periods must precede the charging periods');
  });
});
