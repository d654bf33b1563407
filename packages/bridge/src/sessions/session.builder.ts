import {
  estimateRunningCost,
  type OcpiChargingPeriod,
  type OcpiPrice,
  type PricingResult,
  priceSession,
} from '@chargebridge/tariffs';
import { buildChargingPeriods } from './charging-periods.builder.js';
import { reservationPeriod } from './reservation-period.js';
import type { AuthMethod, SessionSource, SessionStatus } from './session-source.js';

/** Currency of a session no tariff applies to (Session.currency is required). */
export const DEFAULT_CURRENCY = 'EUR';

/** A Session built from store rows, before `last_updated` is stamped. */
export interface BuiltSession {
  /** The OCPI Session object without `last_updated` (mod_sessions "Session Object"). */
  session: Record<string, unknown>;
  status: SessionStatus;
  kwh: number;
  currency: string;
  chargingPeriods: OcpiChargingPeriod[];
  /** Session start: the reservation's start when the session began as one, else the transaction's. */
  start: Date;
  /** Why `total_cost` is missing, when a tariff exists but could not price the session. */
  pricingError?: string;
}

const AUTH_METHODS: ReadonlySet<string> = new Set<AuthMethod>(['AUTH_REQUEST', 'COMMAND', 'WHITELIST']);
/** 2.x chargingState values before energy flows (E01 "EVConnected", "Idle"). */
const NOT_STARTED: ReadonlySet<string> = new Set(['EVConnected', 'Idle']);

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** OCPI AuthMethod: the transaction's own (set by authorization/commands), else derived. */
export function authMethodOf(source: SessionSource): AuthMethod {
  const own = source.transaction.auth_method;
  if (own && AUTH_METHODS.has(own)) return own as AuthMethod;
  if (source.transaction.remote_start_id !== null) return 'COMMAND';
  if (source.token?.whitelist === 'ALWAYS') return 'WHITELIST';
  return 'AUTH_REQUEST';
}

/** OCPI TokenType of an OCPP id token type without a token row (mod_tokens "TokenType enum"). */
function tokenTypeOf(ocppType: string | null): string {
  return ocppType === 'ISO14443' || ocppType === 'ISO15693' || ocppType === null ? 'RFID' : 'OTHER';
}

/** The session's CdrToken (mod_cdrs "CdrToken class"): the token owner's identity. */
export function cdrTokenOf(source: SessionSource): Record<string, string> {
  const t = source.token;
  if (t) {
    return { country_code: t.country_code, party_id: t.party_id, uid: t.uid, type: t.type, contract_id: t.contract_id };
  }
  const uid = source.transaction.id_token ?? 'UNKNOWN';
  return {
    country_code: source.cpo.country_code,
    party_id: source.cpo.party_id,
    uid,
    type: tokenTypeOf(source.transaction.token_type),
    contract_id: uid,
  };
}

/** PENDING → ACTIVE → COMPLETED, INVALID when authorization failed (mod_sessions "SessionStatus enum"). */
export function sessionStatusOf(source: SessionSource, kwh: number): SessionStatus {
  const tx = source.transaction;
  if (!source.authorized) return 'INVALID';
  if (tx.status === 'completed') return 'COMPLETED';
  if (!tx.id_token) return 'PENDING';
  if (kwh === 0 && tx.charging_state !== null && NOT_STARTED.has(tx.charging_state)) return 'PENDING';
  return 'ACTIVE';
}

/** Start and end of the priced span: the stop time, or for a running session the newest sample. */
export function sessionSpan(source: SessionSource): { start: Date; end: Date } {
  const tx = source.transaction;
  const start = tx.started_at ?? tx.created_at;
  if (tx.stopped_at) return { start, end: tx.stopped_at < start ? start : tx.stopped_at };
  let end = start.getTime();
  for (const s of source.samples) end = Math.max(end, s.sampled_at.getTime());
  return { start, end: new Date(end) };
}

/**
 * The session's charging periods with its reservation's time in front (RESERVATION_TIME, from the
 * station accepting the reservation until the transaction started), and the session start that
 * goes with them: the reservation's (mod_cdrs CDR.start_date_time).
 */
export function withReservation(
  source: SessionSource,
  periods: OcpiChargingPeriod[],
  span: { start: Date; end: Date },
): { periods: OcpiChargingPeriod[]; start: Date } {
  const reserved = source.reservation ? reservationPeriod(source.reservation, span.start) : undefined;
  if (!reserved || !source.reservation) return { periods, start: span.start };
  return { periods: [reserved, ...periods], start: source.reservation.acceptedAt };
}

/**
 * Prices the session with the tariff snapshot: `priceSession` once completed (the CDR's numbers),
 * `estimateRunningCost` up to the newest sample while running — the same engine, so the last
 * running cost and the CDR agree (issue 5 "Same cost engine").
 */
export function priceBuilt(
  source: SessionSource,
  periods: OcpiChargingPeriod[],
  span: { start: Date; end: Date },
): PricingResult | undefined {
  if (!source.tariff) return undefined;
  const session = {
    start_date_time: span.start.toISOString(),
    end_date_time: span.end.toISOString(),
    charging_periods: periods,
    time_zone: source.location?.time_zone ?? 'UTC',
  };
  if (source.transaction.status === 'completed') {
    if (periods.length === 0) return undefined;
    return priceSession(source.tariff, session);
  }
  return estimateRunningCost(source.tariff, session, span.end);
}

/**
 * The OCPI Session of a transaction (mod_sessions "Session Object"): the one mapping from store
 * rows to a Session. Pure; `last_updated` is stamped by whoever stores it.
 */
export function buildSession(source: SessionSource): BuiltSession {
  const tx = source.transaction;
  const charging = sessionSpan(source);
  const meterPeriods = buildChargingPeriods({
    start: charging.start,
    end: charging.end,
    meterStartWh: tx.meter_start_wh,
    meterStopWh: tx.status === 'completed' ? tx.meter_stop_wh : null,
    samples: source.samples,
  });
  const { periods, start } = withReservation(source, meterPeriods, charging);
  const span = { start, end: charging.end };
  const periodKwh = meterPeriods.reduce(
    (sum, p) => sum + (p.dimensions.find((d) => d.type === 'ENERGY')?.volume ?? 0),
    0,
  );
  const kwh = round4(meterPeriods.length > 0 ? periodKwh : tx.energy_wh / 1000);
  const status = sessionStatusOf(source, kwh);
  const currency = typeof source.tariff?.currency === 'string' ? source.tariff.currency : DEFAULT_CURRENCY;
  const tariffId = typeof source.tariff?.id === 'string' ? source.tariff.id : undefined;
  const chargingPeriods = tariffId ? periods.map((p) => ({ ...p, tariff_id: tariffId })) : periods;

  let totalCost: OcpiPrice | undefined;
  let pricingError: string | undefined;
  try {
    totalCost = priceBuilt(source, periods, span)?.cdr.total_cost;
  } catch (error) {
    pricingError = error instanceof Error ? error.message : String(error);
  }

  const session: Record<string, unknown> = {
    country_code: source.cpo.country_code,
    party_id: source.cpo.party_id,
    id: source.sessionId,
    start_date_time: span.start.toISOString(),
    ...(tx.status === 'completed' ? { end_date_time: span.end.toISOString() } : {}),
    kwh,
    cdr_token: cdrTokenOf(source),
    auth_method: authMethodOf(source),
    ...(tx.authorization_reference ? { authorization_reference: tx.authorization_reference } : {}),
    location_id: source.location?.location_id ?? 'UNKNOWN',
    evse_uid: source.evse?.evse_uid ?? 'UNKNOWN',
    connector_id: source.evse?.connector_id ?? '1',
    currency,
    charging_periods: chargingPeriods,
    ...(totalCost ? { total_cost: totalCost } : {}),
    status,
  };
  return { session, status, kwh, currency, chargingPeriods, start, ...(pricingError ? { pricingError } : {}) };
}
