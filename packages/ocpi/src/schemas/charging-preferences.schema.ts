/**
 * Charging preferences of the Sessions module (mod_sessions.asciidoc §ChargingPreferences,
 * §ProfileType, §ChargingPreferencesResponse). Kept apart from the Session object so Tokens can
 * use ProfileType without an import cycle.
 */
import { type Static, Type } from 'typebox';
import { DateTime } from './types.schema.js';

/** `ProfileType` enum (sessions §ProfileType). */
export const ProfileType = Type.Enum(['CHEAP', 'FAST', 'GREEN', 'REGULAR'], { type: 'string' });
/** Static type of {@link ProfileType}. */
export type ProfileType = Static<typeof ProfileType>;

/** `ChargingPreferencesResponse` enum (sessions §ChargingPreferencesResponse). */
export const ChargingPreferencesResponse = Type.Enum(
  ['ACCEPTED', 'DEPARTURE_REQUIRED', 'ENERGY_NEED_REQUIRED', 'NOT_POSSIBLE', 'PROFILE_TYPE_NOT_SUPPORTED'],
  { type: 'string' },
);
/** Static type of {@link ChargingPreferencesResponse}. */
export type ChargingPreferencesResponse = Static<typeof ChargingPreferencesResponse>;

/** `ChargingPreferences` object (sessions §ChargingPreferences), body of the Sender PUT. */
export const ChargingPreferences = Type.Object({
  profile_type: ProfileType,
  departure_time: Type.Optional(DateTime),
  energy_need: Type.Optional(Type.Number()),
  discharge_allowed: Type.Optional(Type.Boolean()),
});
/** Static type of {@link ChargingPreferences}. */
export type ChargingPreferences = Static<typeof ChargingPreferences>;
