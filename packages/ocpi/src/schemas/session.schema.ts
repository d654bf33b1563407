/**
 * Sessions module (mod_sessions.asciidoc): Session object, SessionStatus and the PATCH body of
 * the Receiver interface. Charging preferences live in charging-preferences.schema.ts.
 */
import { type Static, Type } from 'typebox';
import { AuthMethod, CdrToken, ChargingPeriod } from './cdr.schema.js';
import { CiString, CountryCode, DateTime, OcpiString, PartyId, PatchOf, Price } from './types.schema.js';

/** `SessionStatus` enum (sessions §SessionStatus). */
export const SessionStatus = Type.Enum(['ACTIVE', 'COMPLETED', 'INVALID', 'PENDING', 'RESERVATION'], {
  type: 'string',
});
/** Static type of {@link SessionStatus}. */
export type SessionStatus = Static<typeof SessionStatus>;

/** `Session` object (sessions §Session Object). */
export const Session = Type.Object({
  country_code: CountryCode,
  party_id: PartyId,
  id: CiString(36),
  start_date_time: DateTime,
  end_date_time: Type.Optional(DateTime),
  kwh: Type.Number(),
  cdr_token: CdrToken,
  auth_method: AuthMethod,
  authorization_reference: Type.Optional(CiString(36)),
  location_id: CiString(36),
  evse_uid: CiString(36),
  connector_id: CiString(36),
  meter_id: Type.Optional(OcpiString(255)),
  currency: OcpiString(3),
  charging_periods: Type.Optional(Type.Array(ChargingPeriod)),
  total_cost: Type.Optional(Price),
  status: SessionStatus,
  last_updated: DateTime,
});
/** Static type of {@link Session}. */
export type Session = Static<typeof Session>;

/**
 * PATCH body for a Session (sessions §PATCH Method): `last_updated` required; a
 * `charging_periods` list is to be appended to the stored one, not replace it.
 */
export const SessionPatch = PatchOf(Session);
/** Static type of {@link SessionPatch}. */
export type SessionPatch = Static<typeof SessionPatch>;
