/**
 * Locations module objects (mod_locations.asciidoc §Object description): Location, EVSE,
 * Connector, PublishTokenType, StatusSchedule, and the PATCH bodies of the Receiver interface.
 */
import { type Static, Type } from 'typebox';
import { BusinessDetails, Image } from './business-details.schema.js';
import { EnergyMix } from './energy-mix.schema.js';
import { AdditionalGeoLocation, GeoLocation } from './geo-location.schema.js';
import { Hours } from './hours.schema.js';
import {
  Capability,
  ConnectorFormat,
  ConnectorType,
  Facility,
  ParkingRestriction,
  ParkingType,
  PowerType,
  Status,
} from './location-enums.schema.js';
import { TokenType } from './token.schema.js';
import { CiString, CountryCode, DateTime, DisplayText, OcpiString, PartyId, PatchOf, Url } from './types.schema.js';

/**
 * `PublishTokenType` class (locations §PublishTokenType). The schema enforces the spec's rules:
 * at least one of `uid`, `visual_number`, `group_id`; `uid` needs `type`; `visual_number`
 * needs `issuer`.
 */
export const PublishTokenType = Type.Object(
  {
    uid: Type.Optional(CiString(36)),
    type: Type.Optional(TokenType),
    visual_number: Type.Optional(OcpiString(64)),
    issuer: Type.Optional(OcpiString(64)),
    group_id: Type.Optional(CiString(36)),
  },
  {
    anyOf: [
      { required: ['uid'], properties: { uid: {} } },
      { required: ['visual_number'], properties: { visual_number: {} } },
      { required: ['group_id'], properties: { group_id: {} } },
    ],
    dependencies: { uid: ['type'], visual_number: ['issuer'] },
  },
);
/** Static type of {@link PublishTokenType}. */
export type PublishTokenType = Static<typeof PublishTokenType>;

/** `StatusSchedule` class (locations §StatusSchedule). */
export const StatusSchedule = Type.Object({
  period_begin: DateTime,
  period_end: Type.Optional(DateTime),
  status: Status,
});
/** Static type of {@link StatusSchedule}. */
export type StatusSchedule = Static<typeof StatusSchedule>;

/** `Connector` object (locations §Connector Object). */
export const Connector = Type.Object({
  id: CiString(36),
  standard: ConnectorType,
  format: ConnectorFormat,
  power_type: PowerType,
  max_voltage: Type.Integer(),
  max_amperage: Type.Integer(),
  max_electric_power: Type.Optional(Type.Integer()),
  tariff_ids: Type.Optional(Type.Array(CiString(36))),
  terms_and_conditions: Type.Optional(Url),
  last_updated: DateTime,
});
/** Static type of {@link Connector}. */
export type Connector = Static<typeof Connector>;

/** `EVSE` object (locations §EVSE Object). */
export const EVSE = Type.Object({
  uid: CiString(36),
  evse_id: Type.Optional(CiString(48)),
  status: Status,
  status_schedule: Type.Optional(Type.Array(StatusSchedule)),
  capabilities: Type.Optional(Type.Array(Capability)),
  connectors: Type.Array(Connector, { minItems: 1 }),
  floor_level: Type.Optional(OcpiString(4)),
  coordinates: Type.Optional(GeoLocation),
  physical_reference: Type.Optional(OcpiString(16)),
  directions: Type.Optional(Type.Array(DisplayText)),
  parking_restrictions: Type.Optional(Type.Array(ParkingRestriction)),
  images: Type.Optional(Type.Array(Image)),
  last_updated: DateTime,
});
/** Static type of {@link EVSE}. */
export type EVSE = Static<typeof EVSE>;

/**
 * `Location` object (locations §Location Object). `address` is string(255) and `state`
 * string(45): the bugfix release corrects the earlier 45/20 (see the note under the table).
 */
export const Location = Type.Object({
  country_code: CountryCode,
  party_id: PartyId,
  id: CiString(36),
  publish: Type.Boolean(),
  publish_allowed_to: Type.Optional(Type.Array(PublishTokenType)),
  name: Type.Optional(OcpiString(255)),
  address: OcpiString(255),
  city: OcpiString(45),
  postal_code: Type.Optional(OcpiString(10)),
  state: Type.Optional(OcpiString(45)),
  country: OcpiString(3),
  coordinates: GeoLocation,
  related_locations: Type.Optional(Type.Array(AdditionalGeoLocation)),
  parking_type: Type.Optional(ParkingType),
  evses: Type.Optional(Type.Array(EVSE)),
  directions: Type.Optional(Type.Array(DisplayText)),
  operator: Type.Optional(BusinessDetails),
  suboperator: Type.Optional(BusinessDetails),
  owner: Type.Optional(BusinessDetails),
  facilities: Type.Optional(Type.Array(Facility)),
  time_zone: OcpiString(255),
  opening_times: Type.Optional(Hours),
  charging_when_closed: Type.Optional(Type.Boolean()),
  images: Type.Optional(Type.Array(Image)),
  energy_mix: Type.Optional(EnergyMix),
  last_updated: DateTime,
});
/** Static type of {@link Location}. */
export type Location = Static<typeof Location>;

/** PATCH body for a Location (locations §PATCH Method): `last_updated` required. */
export const LocationPatch = PatchOf(Location);
/** Static type of {@link LocationPatch}. */
export type LocationPatch = Static<typeof LocationPatch>;

/** PATCH body for an EVSE (locations §PATCH Method): `last_updated` required. */
export const EVSEPatch = PatchOf(EVSE);
/** Static type of {@link EVSEPatch}. */
export type EVSEPatch = Static<typeof EVSEPatch>;

/** PATCH body for a Connector (locations §PATCH Method): `last_updated` required. */
export const ConnectorPatch = PatchOf(Connector);
/** Static type of {@link ConnectorPatch}. */
export type ConnectorPatch = Static<typeof ConnectorPatch>;
