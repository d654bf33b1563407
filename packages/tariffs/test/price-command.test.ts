/**
 * `priceTariffCommand`: what `chargebridge tariff price --tariff FILE --cdr FILE [--time-zone TZ]` does.
 */
import { describe, expect, it } from 'vitest';
import { priceTariffCommand, TariffInputError } from '../src/index.js';
import { d, el, pc, period, tariff } from './helpers/builders.js';

const peak = tariff([
  el([pc('FLAT', 0.5, 21), pc('ENERGY', 0.45, 21)], { start_time: '17:00', end_time: '21:00' }),
  el([pc('FLAT', 0.5, 21), pc('ENERGY', 0.3, 21), pc('PARKING_TIME', 1.2, 21, 60)]),
]);

/** A CDR from 15:30Z to 17:30Z: 10 kWh, then 30 min parking. */
function cdr(overrides: Record<string, unknown> = {}) {
  return {
    country_code: 'NL',
    party_id: 'CBR',
    id: 'CDR-1',
    start_date_time: '2024-05-06T15:00:00Z',
    end_date_time: '2024-05-06T17:30:00Z',
    currency: 'EUR',
    cdr_location: { id: 'LOC1', address: 'Stationsplein 1', city: 'Utrecht', country: 'NLD' },
    charging_periods: [period('2024-05-06T15:00:00Z', d.energy(10)), period('2024-05-06T17:00:00Z', d.parking(0.5))],
    total_cost: { excl_vat: 0 },
    total_energy: 10,
    total_time: 2.5,
    last_updated: '2024-05-06T17:31:00Z',
    ...overrides,
  };
}

function errorOf(run: () => unknown): TariffInputError {
  try {
    run();
  } catch (e) {
    if (e instanceof TariffInputError) return e;
    throw e;
  }
  throw new Error('expected a TariffInputError');
}

describe('priceTariffCommand', () => {
  it('returns exactly the CDR cost fields, as JSON numbers', () => {
    const out = priceTariffCommand({
      tariffJson: JSON.stringify(peak),
      cdrJson: JSON.stringify(cdr()),
      timeZone: 'UTC',
    });
    // UTC: 15:00-17:00 off-peak 10 kWh × 0.30; 30 min parking × 1.20/h.
    expect(out).toEqual({
      total_cost: { excl_vat: 4.1, incl_vat: 4.961 },
      total_fixed_cost: { excl_vat: 0.5, incl_vat: 0.605 },
      total_energy: 10,
      total_energy_cost: { excl_vat: 3, incl_vat: 3.63 },
      total_time: 2.5,
      total_time_cost: { excl_vat: 0, incl_vat: 0 },
      total_parking_time: 0.5,
      total_parking_cost: { excl_vat: 0.6, incl_vat: 0.726 },
      total_reservation_cost: { excl_vat: 0, incl_vat: 0 },
    });
    expect(Object.keys(out)).toEqual([
      'total_cost',
      'total_fixed_cost',
      'total_energy',
      'total_energy_cost',
      'total_time',
      'total_time_cost',
      'total_parking_time',
      'total_parking_cost',
      'total_reservation_cost',
    ]);
  });

  it('uses --time-zone, else cdr_location.time_zone, else UTC', () => {
    // In Amsterdam (CEST) 15:00Z-17:00Z is 17:00-19:00 local: all 10 kWh at the peak price.
    const amsterdam = priceTariffCommand({ tariffJson: peak, cdrJson: cdr(), timeZone: 'Europe/Amsterdam' });
    expect(amsterdam.total_energy_cost.excl_vat).toBe(4.5);
    const fromCdr = priceTariffCommand({
      tariffJson: peak,
      cdrJson: cdr({ cdr_location: { id: 'LOC1', time_zone: 'Europe/Amsterdam' } }),
    });
    expect(fromCdr.total_energy_cost.excl_vat).toBe(4.5);
    expect(priceTariffCommand({ tariffJson: peak, cdrJson: cdr() }).total_energy_cost.excl_vat).toBe(3);
  });

  it('accepts a list of tariffs (first valid at the CDR start) and an OCPI response envelope', () => {
    const expired = { ...peak, id: 'OLD', end_date_time: '2024-01-01T00:00:00Z' };
    const envelope = { data: [expired, peak], status_code: 1000, timestamp: '2024-05-06T18:00:00Z' };
    expect(priceTariffCommand({ tariffJson: JSON.stringify(envelope), cdrJson: cdr() }).total_cost.excl_vat).toBe(4.1);
  });

  it('names the offending CDR field', () => {
    const bad = cdr();
    bad.charging_periods = [
      period('2024-05-06T15:00:00Z', d.energy(5)),
      period('2024-05-06T16:00:00Z', d.energy(5)),
      period('2024-05-06 17:00', d.parking(0.5)),
    ];
    const error = errorOf(() => priceTariffCommand({ tariffJson: peak, cdrJson: bad }));
    expect(error.message).toBe('cdr.charging_periods[2].start_date_time: not an RFC 3339 date-time');
    expect(error.path).toBe('cdr.charging_periods[2].start_date_time');
  });

  it.each([
    [{ start_date_time: 'yesterday' }, 'cdr.start_date_time: not an RFC 3339 date-time'],
    [{ end_date_time: '2024-05-06T14:00:00Z' }, 'cdr.end_date_time: is before start_date_time'],
    [{ currency: 'USD' }, 'cdr.currency: "USD" does not match the tariff currency "EUR"'],
    [{ currency: undefined }, 'cdr.currency: must be an ISO 4217 code of 3 upper-case letters, got undefined'],
    [{ charging_periods: [] }, 'cdr.charging_periods: must contain at least one ChargingPeriod'],
    [
      { charging_periods: [period('2024-05-06T15:00:00Z', { type: 'ENERGY', volume: '10' } as never)] },
      'cdr.charging_periods[0].dimensions[0].volume: must be a number, got "10"',
    ],
    [
      { charging_periods: [period('2024-05-06T15:00:00Z', { type: 'KWH', volume: 1 } as never)] },
      'cdr.charging_periods[0].dimensions[0].type: "KWH" is not a CdrDimensionType',
    ],
    [
      { charging_periods: [period('2024-05-06T15:00:00Z', d.energy(-2))] },
      'cdr.charging_periods[0].dimensions[0].volume: negative ENERGY (-2) cannot be priced',
    ],
    [
      { charging_periods: [period('2024-05-06T15:00:00Z'), period('2024-05-06T14:59:00Z')] },
      'cdr.charging_periods[1].start_date_time: is before the session start_date_time',
    ],
    [
      { charging_periods: [period('2024-05-06T16:00:00Z'), period('2024-05-06T15:30:00Z')] },
      'cdr.charging_periods[1].start_date_time: is before the previous period start',
    ],
    [
      { cdr_location: { time_zone: 'Europe/Atlantis' } },
      'cdr.cdr_location.time_zone: unknown IANA time zone "Europe/Atlantis"',
    ],
  ])('rejects %j', (overrides, message) => {
    expect(errorOf(() => priceTariffCommand({ tariffJson: peak, cdrJson: cdr(overrides) })).message).toBe(message);
  });

  it('rejects an unknown --time-zone, invalid JSON and invalid tariffs', () => {
    expect(errorOf(() => priceTariffCommand({ tariffJson: peak, cdrJson: cdr(), timeZone: 'CEST' })).message).toBe(
      'timeZone: unknown IANA time zone "CEST"',
    );
    expect(errorOf(() => priceTariffCommand({ tariffJson: '{', cdrJson: cdr() })).path).toBe('tariff');
    expect(errorOf(() => priceTariffCommand({ tariffJson: peak, cdrJson: '[1,' })).path).toBe('cdr');
    expect(errorOf(() => priceTariffCommand({ tariffJson: peak, cdrJson: [] })).message).toBe(
      'cdr: must be a CDR object, got []',
    );
    const broken = { ...peak, elements: [el([pc('ENERGY', 0.3, undefined, 0)])] };
    expect(errorOf(() => priceTariffCommand({ tariffJson: broken, cdrJson: cdr() })).message).toBe(
      'tariff.elements[0].price_components[0].step_size: must be > 0, got 0',
    );
    const list = [peak, broken];
    expect(errorOf(() => priceTariffCommand({ tariffJson: list, cdrJson: cdr() })).path).toBe(
      'tariff[1].elements[0].price_components[0].step_size',
    );
  });
});
