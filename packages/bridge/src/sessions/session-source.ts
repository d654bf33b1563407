import type { MeterSampleInput } from './charging-periods.builder.js';
import type { SessionReservation } from './reservation-period.js';

/** OCPI `AuthMethod` (mod_cdrs "AuthMethod enum"). */
export type AuthMethod = 'AUTH_REQUEST' | 'COMMAND' | 'WHITELIST';
/** OCPI `SessionStatus` (mod_sessions "SessionStatus enum"). */
export type SessionStatus = 'ACTIVE' | 'COMPLETED' | 'INVALID' | 'PENDING' | 'RESERVATION';

/**
 * Everything a Session (and later its CDR) is built from, read from the store in one place
 * (`loadSessionSource`). Plain data: the builders are pure functions of it.
 */
export interface SessionSource {
  /** Our Session.id (≤ 36 chars), fixed when the session row is first written. */
  sessionId: string;
  transaction: {
    id: number;
    status: 'active' | 'completed';
    started_at: Date | null;
    stopped_at: Date | null;
    created_at: Date;
    meter_start_wh: number | null;
    meter_stop_wh: number | null;
    energy_wh: number;
    id_token: string | null;
    token_type: string | null;
    charging_state: string | null;
    remote_start_id: number | null;
    authorization_reference: string | null;
    auth_method: string | null;
  };
  /** The hosted CPO the station belongs to. */
  cpo: { country_code: string; party_id: string };
  /** The token row the transaction's id token resolved to, if any. */
  token: {
    country_code: string;
    party_id: string;
    uid: string;
    type: string;
    contract_id: string;
    whitelist: string;
    source: 'local' | 'roaming';
    partner_id: string | null;
  } | null;
  /** False when the hub's authorization of the token failed (→ INVALID). */
  authorized: boolean;
  /** The location, EVSE and connector of the transaction (from the EVSE view's rows). */
  location: {
    location_id: string;
    time_zone: string;
    data: Record<string, unknown>;
  } | null;
  evse: {
    evse_uid: string;
    evse_id: string | null;
    connector_id: string;
    standard: string;
    format: string;
    power_type: string;
  } | null;
  /** Meter samples of the transaction. */
  samples: readonly MeterSampleInput[];
  /** The OCPI Tariff as it was at session start (`sessions.tariff_snapshot`), if any applies. */
  tariff: Record<string, unknown> | null;
  /** The reservation this session began as (its time is billed before the charging), if any. */
  reservation?: SessionReservation | null;
}
