/**
 * CDRs module (mod_cdrs.asciidoc): CDR, CdrToken, CdrLocation, ChargingPeriod, CdrDimension,
 * SignedData, SignedValue and the enums AuthMethod, CdrDimensionType. CDRs cannot be updated,
 * so there is no PATCH body.
 */
import { type Static, Type } from 'typebox';
import { GeoLocation } from './geo-location.schema.js';
import { ConnectorFormat, ConnectorType, PowerType } from './location-enums.schema.js';
import { Tariff } from './tariff.schema.js';
import { TokenType } from './token.schema.js';
import { CiString, CountryCode, DateTime, OcpiString, PartyId, Price } from './types.schema.js';

/** `AuthMethod` enum (cdrs §AuthMethod). */
export const AuthMethod = Type.Enum(['AUTH_REQUEST', 'COMMAND', 'WHITELIST'], { type: 'string' });
/** Static type of {@link AuthMethod}. */
export type AuthMethod = Static<typeof AuthMethod>;

/** `CdrDimensionType` enum (cdrs §CdrDimensionType). */
export const CdrDimensionType = Type.Enum(
  [
    'CURRENT',
    'ENERGY',
    'ENERGY_EXPORT',
    'ENERGY_IMPORT',
    'MAX_CURRENT',
    'MIN_CURRENT',
    'MAX_POWER',
    'MIN_POWER',
    'PARKING_TIME',
    'POWER',
    'RESERVATION_TIME',
    'STATE_OF_CHARGE',
    'TIME',
  ],
  { type: 'string' },
);
/** Static type of {@link CdrDimensionType}. */
export type CdrDimensionType = Static<typeof CdrDimensionType>;

/** `CdrDimension` class (cdrs §CdrDimension). */
export const CdrDimension = Type.Object({
  type: CdrDimensionType,
  volume: Type.Number(),
});
/** Static type of {@link CdrDimension}. */
export type CdrDimension = Static<typeof CdrDimension>;

/** `ChargingPeriod` class (cdrs §ChargingPeriod), also used by Session. */
export const ChargingPeriod = Type.Object({
  start_date_time: DateTime,
  dimensions: Type.Array(CdrDimension, { minItems: 1 }),
  tariff_id: Type.Optional(CiString(36)),
});
/** Static type of {@link ChargingPeriod}. */
export type ChargingPeriod = Static<typeof ChargingPeriod>;

/** `CdrToken` class (cdrs §CdrToken), also used by Session. */
export const CdrToken = Type.Object({
  country_code: CountryCode,
  party_id: PartyId,
  uid: CiString(36),
  type: TokenType,
  contract_id: CiString(36),
});
/** Static type of {@link CdrToken}. */
export type CdrToken = Static<typeof CdrToken>;

/**
 * `CdrLocation` class (cdrs §CdrLocation). The spec still gives `address` string(45) and
 * `state` string(20) here, although the Location object itself was corrected to 255/45; we
 * follow the CdrLocation table as written.
 */
export const CdrLocation = Type.Object({
  id: CiString(36),
  name: Type.Optional(OcpiString(255)),
  address: OcpiString(45),
  city: OcpiString(45),
  postal_code: Type.Optional(OcpiString(10)),
  state: Type.Optional(OcpiString(20)),
  country: OcpiString(3),
  coordinates: GeoLocation,
  evse_uid: CiString(36),
  evse_id: CiString(48),
  connector_id: CiString(36),
  connector_standard: ConnectorType,
  connector_format: ConnectorFormat,
  connector_power_type: PowerType,
});
/** Static type of {@link CdrLocation}. */
export type CdrLocation = Static<typeof CdrLocation>;

/** `SignedValue` class (cdrs §SignedValue); `plain_data` is string(5000) since the bugfix release. */
export const SignedValue = Type.Object({
  nature: CiString(32),
  plain_data: OcpiString(5000),
  signed_data: OcpiString(5000),
});
/** Static type of {@link SignedValue}. */
export type SignedValue = Static<typeof SignedValue>;

/** `SignedData` class (cdrs §SignedData). */
export const SignedData = Type.Object({
  encoding_method: CiString(36),
  encoding_method_version: Type.Optional(Type.Integer()),
  public_key: Type.Optional(OcpiString(512)),
  signed_values: Type.Array(SignedValue, { minItems: 1 }),
  url: Type.Optional(OcpiString(512)),
});
/** Static type of {@link SignedData}. */
export type SignedData = Static<typeof SignedData>;

/**
 * `CDR` object (cdrs §CDR Object). A Credit CDR (`credit: true`) must carry
 * `credit_reference_id`; that rule is part of the schema.
 */
export const CDR = Type.Object(
  {
    country_code: CountryCode,
    party_id: PartyId,
    id: CiString(39),
    start_date_time: DateTime,
    end_date_time: DateTime,
    session_id: Type.Optional(CiString(36)),
    cdr_token: CdrToken,
    auth_method: AuthMethod,
    authorization_reference: Type.Optional(CiString(36)),
    cdr_location: CdrLocation,
    meter_id: Type.Optional(OcpiString(255)),
    currency: OcpiString(3),
    tariffs: Type.Optional(Type.Array(Tariff)),
    charging_periods: Type.Array(ChargingPeriod, { minItems: 1 }),
    signed_data: Type.Optional(SignedData),
    total_cost: Price,
    total_fixed_cost: Type.Optional(Price),
    total_energy: Type.Number(),
    total_energy_cost: Type.Optional(Price),
    total_time: Type.Number(),
    total_time_cost: Type.Optional(Price),
    total_parking_time: Type.Optional(Type.Number()),
    total_parking_cost: Type.Optional(Price),
    total_reservation_cost: Type.Optional(Price),
    remark: Type.Optional(OcpiString(255)),
    invoice_reference_id: Type.Optional(CiString(39)),
    credit: Type.Optional(Type.Boolean()),
    credit_reference_id: Type.Optional(CiString(39)),
    home_charging_compensation: Type.Optional(Type.Boolean()),
    last_updated: DateTime,
  },
  {
    if: { properties: { credit: { const: true } }, required: ['credit'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema `if`/`then` keyword, not a thenable
    then: { required: ['credit_reference_id'], properties: { credit_reference_id: { type: 'string', minLength: 1 } } },
  },
);
/** Static type of {@link CDR}. */
export type CDR = Static<typeof CDR>;
