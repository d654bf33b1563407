import { type CdrCostFields, type OcpiChargingPeriod, type OcpiPrice, priceSession } from '@chargebridge/tariffs';
import { type BuiltSession, sessionSpan } from '../sessions/session.builder.js';
import type { SessionSource } from '../sessions/session-source.js';

/** A CDR ready to store: the OCPI object plus the columns the `cdrs` table indexes. */
export interface BuiltCdr {
  cdr: Record<string, unknown>;
  cdrId: string;
  currency: string;
  totalCost: OcpiPrice;
  totalEnergyKwh: number;
  start: Date;
  end: Date;
}

const ZERO: OcpiPrice = { excl_vat: 0, incl_vat: 0 };

/** Our CDR id for a transaction: stable and ≤ 36 characters (mod_cdrs CDR.id: non-credit ≤ 36). */
export function cdrIdOf(transactionId: number): string {
  return `CB-${transactionId}`;
}

function text(data: Record<string, unknown>, field: string, fallback: string): string {
  const value = data[field];
  return typeof value === 'string' && value !== '' ? value : fallback;
}

/** CdrLocation (mod_cdrs "CdrLocation class") from the location and EVSE/connector rows. */
export function cdrLocationOf(source: Pick<SessionSource, 'location' | 'evse'>): Record<string, unknown> {
  const data = source.location?.data ?? {};
  const evse = source.evse;
  return {
    id: source.location?.location_id ?? 'UNKNOWN',
    ...(typeof data.name === 'string' ? { name: data.name } : {}),
    address: text(data, 'address', 'UNKNOWN').slice(0, 45),
    city: text(data, 'city', 'UNKNOWN').slice(0, 45),
    ...(typeof data.postal_code === 'string' ? { postal_code: data.postal_code } : {}),
    ...(typeof data.state === 'string' ? { state: data.state.slice(0, 20) } : {}),
    country: text(data, 'country', 'UNK'),
    coordinates: (data.coordinates as object | undefined) ?? { latitude: '0.000000', longitude: '0.000000' },
    evse_uid: evse?.evse_uid ?? 'UNKNOWN',
    evse_id: evse?.evse_id ?? evse?.evse_uid ?? 'UNKNOWN',
    connector_id: evse?.connector_id ?? '1',
    connector_standard: evse?.standard ?? 'IEC_62196_T2',
    connector_format: evse?.format ?? 'SOCKET',
    connector_power_type: evse?.power_type ?? 'AC_3_PHASE',
  };
}

/**
 * The CDR of a completed session (mod_cdrs "CDR Object"): the session's charging periods priced
 * by `priceSession` with the tariff snapshot taken at session start, in the location's time zone
 * — the engine that gave the session its running cost. Without a tariff every cost is 0.
 * Pure; throws the engine's `TariffInputError` when the snapshot cannot price the session.
 */
export function buildCdr(source: SessionSource, built: BuiltSession, now: Date): BuiltCdr {
  const span = { start: built.start, end: sessionSpan(source).end };
  const periods: OcpiChargingPeriod[] =
    built.chargingPeriods.length > 0
      ? built.chargingPeriods
      : [{ start_date_time: span.start.toISOString(), dimensions: [{ type: 'TIME', volume: 0 }] }];
  const timeZone = source.location?.time_zone ?? 'UTC';
  const costs: CdrCostFields = source.tariff
    ? priceSession(source.tariff, {
        start_date_time: span.start.toISOString(),
        end_date_time: span.end.toISOString(),
        charging_periods: periods,
        time_zone: timeZone,
      }).cdr
    : {
        total_cost: ZERO,
        total_fixed_cost: ZERO,
        total_energy: built.kwh,
        total_energy_cost: ZERO,
        total_time: Math.round(((span.end.getTime() - span.start.getTime()) / 3_600_000) * 10_000) / 10_000,
        total_time_cost: ZERO,
        total_parking_time: 0,
        total_parking_cost: ZERO,
        total_reservation_cost: ZERO,
      };
  const cdrId = cdrIdOf(source.transaction.id);
  const session = built.session;
  const cdr: Record<string, unknown> = {
    country_code: source.cpo.country_code,
    party_id: source.cpo.party_id,
    id: cdrId,
    start_date_time: span.start.toISOString(),
    end_date_time: span.end.toISOString(),
    session_id: source.sessionId,
    cdr_token: session.cdr_token,
    auth_method: session.auth_method,
    ...(session.authorization_reference ? { authorization_reference: session.authorization_reference } : {}),
    cdr_location: cdrLocationOf(source),
    currency: built.currency,
    ...(source.tariff ? { tariffs: [source.tariff] } : {}),
    charging_periods: periods,
    ...costs,
    last_updated: now.toISOString(),
  };
  return {
    cdr,
    cdrId,
    currency: built.currency,
    totalCost: costs.total_cost,
    totalEnergyKwh: costs.total_energy,
    start: span.start,
    end: span.end,
  };
}

function negate(price: OcpiPrice): OcpiPrice {
  return {
    excl_vat: price.excl_vat === 0 ? 0 : -price.excl_vat,
    ...(price.incl_vat !== undefined ? { incl_vat: price.incl_vat === 0 ? 0 : -price.incl_vat } : {}),
  };
}

/**
 * The Credit CDR of `original` (mod_cdrs "Credit CDRs"): all its data, a new id (the original's
 * with `-C` appended, `-C2`… for later credits), `credit: true`, `credit_reference_id` = the
 * original id, and "only the values in the total_cost field" negated.
 */
export function buildCreditCdr(
  original: Record<string, unknown>,
  sequence: number,
  now: Date,
): Record<string, unknown> {
  const originalId = String(original.id);
  return {
    ...original,
    id: `${originalId}-C${sequence > 1 ? sequence : ''}`,
    credit: true,
    credit_reference_id: originalId,
    total_cost: negate(original.total_cost as OcpiPrice),
    last_updated: now.toISOString(),
  };
}
