/**
 * ChargingProfiles module (mod_charging_profiles.asciidoc): ChargingProfile, ActiveChargingProfile,
 * SetChargingProfile, the response/result objects and their enums.
 *
 * `limit` and `min_charging_rate` "accept at most one digit fraction"; that is not encoded in
 * the schema (JSON Schema `multipleOf: 0.1` misfires on binary floats).
 */
import { type Static, Type } from 'typebox';
import { DateTime, Url } from './types.schema.js';

/** `ChargingRateUnit` enum (charging profiles §ChargingRateUnit). */
export const ChargingRateUnit = Type.Enum(['W', 'A'], { type: 'string' });
/** Static type of {@link ChargingRateUnit}. */
export type ChargingRateUnit = Static<typeof ChargingRateUnit>;

/** `ChargingProfileResponseType` enum (charging profiles §ChargingProfileResponseType). */
export const ChargingProfileResponseType = Type.Enum(
  ['ACCEPTED', 'NOT_SUPPORTED', 'REJECTED', 'TOO_OFTEN', 'UNKNOWN_SESSION'],
  { type: 'string' },
);
/** Static type of {@link ChargingProfileResponseType}. */
export type ChargingProfileResponseType = Static<typeof ChargingProfileResponseType>;

/** `ChargingProfileResultType` enum (charging profiles §ChargingProfileResultType). */
export const ChargingProfileResultType = Type.Enum(['ACCEPTED', 'REJECTED', 'UNKNOWN'], {
  type: 'string',
});
/** Static type of {@link ChargingProfileResultType}. */
export type ChargingProfileResultType = Static<typeof ChargingProfileResultType>;

/** `ChargingProfilePeriod` class (charging profiles §ChargingProfilePeriod). */
export const ChargingProfilePeriod = Type.Object({
  start_period: Type.Integer({ minimum: 0 }),
  limit: Type.Number(),
});
/** Static type of {@link ChargingProfilePeriod}. */
export type ChargingProfilePeriod = Static<typeof ChargingProfilePeriod>;

/** `ChargingProfile` class (charging profiles §ChargingProfile). */
export const ChargingProfile = Type.Object({
  start_date_time: Type.Optional(DateTime),
  duration: Type.Optional(Type.Integer()),
  charging_rate_unit: ChargingRateUnit,
  min_charging_rate: Type.Optional(Type.Number()),
  charging_profile_period: Type.Optional(Type.Array(ChargingProfilePeriod)),
});
/** Static type of {@link ChargingProfile}. */
export type ChargingProfile = Static<typeof ChargingProfile>;

/** `ActiveChargingProfile` class (charging profiles §ActiveChargingProfile). */
export const ActiveChargingProfile = Type.Object({
  start_date_time: DateTime,
  charging_profile: ChargingProfile,
});
/** Static type of {@link ActiveChargingProfile}. */
export type ActiveChargingProfile = Static<typeof ActiveChargingProfile>;

/** `SetChargingProfile` object (charging profiles §SetChargingProfile), body of the Receiver PUT. */
export const SetChargingProfile = Type.Object({
  charging_profile: ChargingProfile,
  response_url: Url,
});
/** Static type of {@link SetChargingProfile}. */
export type SetChargingProfile = Static<typeof SetChargingProfile>;

/** `ChargingProfileResponse` object (charging profiles §ChargingProfileResponse): `timeout` in s. */
export const ChargingProfileResponse = Type.Object({
  result: ChargingProfileResponseType,
  timeout: Type.Integer({ minimum: 0 }),
});
/** Static type of {@link ChargingProfileResponse}. */
export type ChargingProfileResponse = Static<typeof ChargingProfileResponse>;

/** `ActiveChargingProfileResult` object (charging profiles §ActiveChargingProfileResult). */
export const ActiveChargingProfileResult = Type.Object({
  result: ChargingProfileResultType,
  profile: Type.Optional(ActiveChargingProfile),
});
/** Static type of {@link ActiveChargingProfileResult}. */
export type ActiveChargingProfileResult = Static<typeof ActiveChargingProfileResult>;

/** `ChargingProfileResult` object (charging profiles §ChargingProfileResult). */
export const ChargingProfileResult = Type.Object({
  result: ChargingProfileResultType,
});
/** Static type of {@link ChargingProfileResult}. */
export type ChargingProfileResult = Static<typeof ChargingProfileResult>;

/** `ClearProfileResult` object (charging profiles §ClearProfileResult). */
export const ClearProfileResult = Type.Object({
  result: ChargingProfileResultType,
});
/** Static type of {@link ClearProfileResult}. */
export type ClearProfileResult = Static<typeof ClearProfileResult>;
