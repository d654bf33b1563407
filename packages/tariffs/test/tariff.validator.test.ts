/**
 * Tariff validation: readable messages located by JSON paths.
 */
import { describe, expect, it } from 'vitest';
import { compileTariff, TariffInputError, type TariffIssue, validateTariff } from '../src/index.js';
import { el, pc, tariff } from './helpers/builders.js';

const errors = (t: unknown): TariffIssue[] => validateTariff(t).filter((i) => i.severity === 'error');
const warnings = (t: unknown): TariffIssue[] => validateTariff(t).filter((i) => i.severity === 'warning');
const paths = (issues: TariffIssue[]) => issues.map((i) => i.path);
const withRestrictions = (restrictions: object) =>
  tariff([el([pc('ENERGY', 0.3)], restrictions as never), el([pc('ENERGY', 0.2)])]);

describe('validateTariff', () => {
  it('accepts a well-formed tariff without issues', () => {
    expect(validateTariff(tariff([el([pc('FLAT', 1, 21), pc('ENERGY', 0.3, 21)])]))).toEqual([]);
  });

  it('rejects non-objects and missing fields', () => {
    expect(errors(null)).toEqual([{ path: 'tariff', message: 'must be a Tariff object, got null', severity: 'error' }]);
    expect(paths(errors({ elements: [] }))).toEqual([
      'tariff.country_code',
      'tariff.party_id',
      'tariff.id',
      'tariff.currency',
      'tariff.elements',
    ]);
  });

  it('uses the given root in paths', () => {
    expect(paths(validateTariff({ ...tariff([el([pc('ENERGY', 1)])]), currency: 'eur' }, 'tariff[2]'))).toEqual([
      'tariff[2].currency',
    ]);
  });

  it('flags negative prices and VAT', () => {
    const t = tariff([el([pc('ENERGY', -0.1, -5)])]);
    expect(errors(t).map((i) => `${i.path}: ${i.message}`)).toEqual([
      'tariff.elements[0].price_components[0].price: negative price -0.1 (a price is per unit excl. VAT and cannot be negative)',
      'tariff.elements[0].price_components[0].vat: negative VAT percentage -5',
    ]);
  });

  it('flags unknown dimension types, naming CDR dimension types as such', () => {
    const t = tariff([
      el([
        { type: 'RESERVATION_TIME', price: 1, step_size: 1 } as never,
        { type: 'KWH', price: 1, step_size: 1 } as never,
      ]),
    ]);
    expect(errors(t).map((i) => i.message)).toEqual([
      '"RESERVATION_TIME" is a CdrDimensionType, not a TariffDimensionType (expected ENERGY, FLAT, PARKING_TIME or TIME)',
      '"KWH" is not a TariffDimensionType (expected ENERGY, FLAT, PARKING_TIME or TIME)',
    ]);
  });

  it('flags components of the wrong dimension in reservation elements', () => {
    const t = tariff([el([pc('ENERGY', 1)], { reservation: 'RESERVATION' }), el([pc('ENERGY', 1)])]);
    expect(errors(t)).toEqual([
      {
        path: 'tariff.elements[0].price_components[0].type',
        message: 'a reservation element can only price FLAT and TIME, not ENERGY',
        severity: 'error',
      },
    ]);
  });

  it('requires step_size > 0 except for FLAT (the spec free-of-charge example uses 0)', () => {
    const t = tariff([
      el([pc('FLAT', 0, undefined, 0), pc('TIME', 1, undefined, 0), pc('PARKING_TIME', 1, undefined, 1.5)]),
    ]);
    expect(errors(t).map((i) => `${i.path}: ${i.message}`)).toEqual([
      'tariff.elements[0].price_components[1].step_size: must be > 0, got 0',
      'tariff.elements[0].price_components[2].step_size: must be an integer, got 1.5',
    ]);
  });

  it('flags restrictions that can never apply', () => {
    expect(errors(withRestrictions({ min_kwh: 50, max_kwh: 20 }))[0]).toMatchObject({
      path: 'tariff.elements[0].restrictions.min_kwh',
      message: 'can never apply: min_kwh (50) ≥ max_kwh (20); max_kwh is exclusive',
    });
    expect(paths(errors(withRestrictions({ min_power: 11, max_power: 11 })))).toEqual([
      'tariff.elements[0].restrictions.min_power',
    ]);
    expect(paths(errors(withRestrictions({ min_duration: 600, max_duration: 60 })))).toEqual([
      'tariff.elements[0].restrictions.min_duration',
    ]);
    expect(paths(errors(withRestrictions({ max_kwh: 0 })))).toEqual(['tariff.elements[0].restrictions.max_kwh']);
    expect(errors(withRestrictions({ start_date: '2024-02-01', end_date: '2024-02-01' }))[0].message).toMatch(
      /can never apply/,
    );
  });

  it('flags bad time, date, weekday and reservation formats', () => {
    const t = withRestrictions({
      start_time: '7:00',
      end_time: '24:00',
      start_date: '2024-02-30',
      day_of_week: ['MONDAY', 'FUNDAY'],
      reservation: 'YES',
      min_duration: 1.5,
    });
    expect(paths(errors(t))).toEqual([
      'tariff.elements[0].restrictions.start_time',
      'tariff.elements[0].restrictions.end_time',
      'tariff.elements[0].restrictions.start_date',
      'tariff.elements[0].restrictions.min_duration',
      'tariff.elements[0].restrictions.day_of_week[1]',
      'tariff.elements[0].restrictions.reservation',
    ]);
  });

  it('warns about a missing fallback element for a restricted dimension', () => {
    const t = tariff([el([pc('ENERGY', 0.45)], { start_time: '17:00', end_time: '21:00' }), el([pc('FLAT', 1)])]);
    expect(errors(t)).toEqual([]);
    expect(warnings(t)).toEqual([
      {
        path: 'tariff.elements',
        message:
          'no fallback element for ENERGY: only restricted elements (0) price it, so ENERGY is free whenever none of their restrictions holds',
        severity: 'warning',
      },
    ]);
  });

  it('warns about components shadowed by an earlier unrestricted element', () => {
    const t = tariff([el([pc('ENERGY', 0.2)]), el([pc('ENERGY', 0.45)], { start_time: '17:00' })]);
    expect(warnings(t).map((i) => `${i.path}: ${i.message}`)).toEqual([
      'tariff.elements[1]: its ENERGY component can never apply: element 0 has no restrictions and prices ENERGY first',
    ]);
  });

  it('checks min/max price and the validity window', () => {
    const t = tariff([el([pc('ENERGY', 1)])], {
      min_price: { excl_vat: 10, incl_vat: 9 },
      max_price: { excl_vat: 5 },
      start_date_time: '2024-02-01T00:00:00Z',
      end_date_time: '2024-01-01T00:00:00Z',
    });
    expect(paths(errors(t))).toEqual([
      'tariff.min_price.incl_vat',
      'tariff.min_price.excl_vat',
      'tariff.end_date_time',
    ]);
  });

  it('compileTariff throws TariffInputError listing every error', () => {
    const t = tariff([el([pc('ENERGY', -1, undefined, 0)])]);
    expect(() => compileTariff(t)).toThrow(TariffInputError);
    try {
      compileTariff(t);
    } catch (e) {
      const error = e as TariffInputError;
      expect(error.path).toBe('tariff.elements[0].price_components[0].price');
      expect(error.issues).toHaveLength(2);
      expect(error.message).toContain('; tariff.elements[0].price_components[0].step_size: must be > 0, got 0');
    }
  });
});
