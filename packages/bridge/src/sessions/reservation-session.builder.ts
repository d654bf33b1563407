import type { OcpiChargingPeriod, OcpiPrice } from '@chargebridge/tariffs';
import { DEFAULT_CURRENCY } from './session.builder.js';

/** `#NA` (transport_and_format "Not available"): a reservation with no EVSE / connector assigned yet. */
export const NOT_ASSIGNED = '#NA';

/** What the Session of a reservation is built from: the ReserveNow and where it was made. */
export interface ReservationSessionSource {
  /** Our Session.id, fixed when the session row is first written. */
  sessionId: string;
  /** The hosted CPO of the reserved station. */
  cpo: { country_code: string; party_id: string };
  /** When the station accepted the reservation (the Session's start). */
  startedAt: Date;
  /** The Token of the ReserveNow. */
  token: { country_code: string; party_id: string; uid: string; type: string; contract_id: string };
  authorizationReference?: string;
  locationId: string;
  /** EVSE.uid and Connector.id, or null for a reservation of the whole location. */
  evseUid: string | null;
  connectorId: string | null;
  /** The tariff the session is priced with (its currency), if any applies. */
  tariff: Record<string, unknown> | null;
}

/**
 * The OCPI Session of a reservation before any transaction (mod_sessions "Reservation"): status
 * RESERVATION, nothing charged, authorized by the ReserveNow command. Pure; `last_updated` is stamped by whoever stores it.
 */
export function buildReservationSession(source: ReservationSessionSource): Record<string, unknown> {
  const { token } = source;
  return {
    country_code: source.cpo.country_code,
    party_id: source.cpo.party_id,
    id: source.sessionId,
    start_date_time: source.startedAt.toISOString(),
    kwh: 0,
    cdr_token: {
      country_code: token.country_code,
      party_id: token.party_id,
      uid: token.uid,
      type: token.type,
      contract_id: token.contract_id,
    },
    auth_method: 'COMMAND',
    ...(source.authorizationReference ? { authorization_reference: source.authorizationReference } : {}),
    location_id: source.locationId,
    evse_uid: source.evseUid ?? NOT_ASSIGNED,
    connector_id: source.connectorId ?? NOT_ASSIGNED,
    currency: typeof source.tariff?.currency === 'string' ? source.tariff.currency : DEFAULT_CURRENCY,
    charging_periods: [],
    status: 'RESERVATION',
  };
}

/**
 * The same Session once its reservation ended without charging in it (cancelled, expired, or
 * used by a transaction with a session of its own): COMPLETED with its end time and 0 kWh, as
 * mod_sessions says of a reservation that does not result in charging — with the reservation's
 * time as its charging period and its cost when the tariff prices reservations.
 */
export function endedReservationSession(
  session: Record<string, unknown>,
  endedAt: Date,
  billed?: { period: OcpiChargingPeriod; totalCost: OcpiPrice; tariffId?: string },
): Record<string, unknown> {
  const { last_updated: _stamp, ...rest } = session;
  const tariffId = billed?.tariffId;
  return {
    ...rest,
    end_date_time: endedAt.toISOString(),
    ...(billed
      ? {
          charging_periods: [{ ...billed.period, ...(tariffId ? { tariff_id: tariffId } : {}) }],
          total_cost: billed.totalCost,
        }
      : {}),
    status: 'COMPLETED',
  };
}
