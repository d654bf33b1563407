/**
 * GeoLocation and AdditionalGeoLocation (mod_locations.asciidoc §GeoLocation,
 * §AdditionalGeoLocation). WGS 84 decimal degrees as strings.
 */
import { type Static, Type } from 'typebox';
import { DisplayText } from './types.schema.js';

/** Latitude: string(10), regex `-?[0-9]{1,2}\.[0-9]{5,7}` (locations §GeoLocation). */
export const LATITUDE_PATTERN = '^-?[0-9]{1,2}\\.[0-9]{5,7}$';
/** Longitude: string(11), regex `-?[0-9]{1,3}\.[0-9]{5,7}` (locations §GeoLocation). */
export const LONGITUDE_PATTERN = '^-?[0-9]{1,3}\\.[0-9]{5,7}$';

const Latitude = Type.String({ maxLength: 10, pattern: LATITUDE_PATTERN });
const Longitude = Type.String({ maxLength: 11, pattern: LONGITUDE_PATTERN });

/** `GeoLocation` class (locations §GeoLocation). */
export const GeoLocation = Type.Object({
  latitude: Latitude,
  longitude: Longitude,
});
/** Static type of {@link GeoLocation}. */
export type GeoLocation = Static<typeof GeoLocation>;

/** `AdditionalGeoLocation` class (locations §AdditionalGeoLocation). */
export const AdditionalGeoLocation = Type.Object({
  latitude: Latitude,
  longitude: Longitude,
  name: Type.Optional(DisplayText),
});
/** Static type of {@link AdditionalGeoLocation}. */
export type AdditionalGeoLocation = Static<typeof AdditionalGeoLocation>;
