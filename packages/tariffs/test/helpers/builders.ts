/**
 * Terse builders for hand-written tariffs and sessions in tests.
 */
import type {
  OcpiCdrDimension,
  OcpiChargingPeriod,
  OcpiPriceComponent,
  OcpiTariff,
  OcpiTariffElement,
  OcpiTariffRestrictions,
  PricingSession,
  TariffDimensionType,
} from '../../src/index.js';

/** A price component; `vat` omitted unless given, `step` defaults to 1. */
export function pc(type: TariffDimensionType, price: number, vat?: number, step = 1): OcpiPriceComponent {
  return vat === undefined ? { type, price, step_size: step } : { type, price, vat, step_size: step };
}

/** A tariff element. */
export function el(components: OcpiPriceComponent[], restrictions?: OcpiTariffRestrictions): OcpiTariffElement {
  return restrictions === undefined ? { price_components: components } : { price_components: components, restrictions };
}

/** A tariff with the given elements. */
export function tariff(elements: OcpiTariffElement[], extra: Partial<OcpiTariff> = {}): OcpiTariff {
  return {
    country_code: 'NL',
    party_id: 'CBR',
    id: 'T1',
    currency: 'EUR',
    elements,
    last_updated: '2024-01-01T00:00:00Z',
    ...extra,
  };
}

/** Dimension helpers (OCPI units: kWh, hours, A, kW). */
export const d = {
  energy: (kwh: number): OcpiCdrDimension => ({ type: 'ENERGY', volume: kwh }),
  time: (hours: number): OcpiCdrDimension => ({ type: 'TIME', volume: hours }),
  parking: (hours: number): OcpiCdrDimension => ({ type: 'PARKING_TIME', volume: hours }),
  reservation: (hours: number): OcpiCdrDimension => ({ type: 'RESERVATION_TIME', volume: hours }),
  maxCurrent: (a: number): OcpiCdrDimension => ({ type: 'MAX_CURRENT', volume: a }),
  minCurrent: (a: number): OcpiCdrDimension => ({ type: 'MIN_CURRENT', volume: a }),
  maxPower: (kw: number): OcpiCdrDimension => ({ type: 'MAX_POWER', volume: kw }),
  minPower: (kw: number): OcpiCdrDimension => ({ type: 'MIN_POWER', volume: kw }),
};

/** A charging period. */
export function period(start: string, ...dimensions: OcpiCdrDimension[]): OcpiChargingPeriod {
  return { start_date_time: start, dimensions };
}

/** A session; times are UTC instants (`…Z`), the zone defaults to UTC. */
export function session(
  start: string,
  end: string,
  periods: OcpiChargingPeriod[],
  timeZone = 'UTC',
  extra: Partial<PricingSession> = {},
): PricingSession {
  return { start_date_time: start, end_date_time: end, charging_periods: periods, time_zone: timeZone, ...extra };
}

/** Adds minutes to an RFC 3339 UTC instant. */
export function plusMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
}
