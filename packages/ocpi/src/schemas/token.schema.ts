/**
 * Tokens module (mod_tokens.asciidoc): Token, AuthorizationInfo, LocationReferences,
 * EnergyContract and the enums AllowedType, TokenType, WhitelistType.
 */
import { type Static, Type } from 'typebox';
import { ProfileType } from './charging-preferences.schema.js';
import { CiString, CountryCode, DateTime, DisplayText, OcpiString, PartyId, PatchOf } from './types.schema.js';

/** `AllowedType` enum (tokens §AllowedType). */
export const AllowedType = Type.Enum(['ALLOWED', 'BLOCKED', 'EXPIRED', 'NO_CREDIT', 'NOT_ALLOWED'], { type: 'string' });
/** Static type of {@link AllowedType}. */
export type AllowedType = Static<typeof AllowedType>;

/** `TokenType` enum (tokens §TokenType). */
export const TokenType = Type.Enum(['AD_HOC_USER', 'APP_USER', 'OTHER', 'RFID'], {
  type: 'string',
});
/** Static type of {@link TokenType}. */
export type TokenType = Static<typeof TokenType>;

/** `WhitelistType` enum (tokens §WhitelistType). */
export const WhitelistType = Type.Enum(['ALWAYS', 'ALLOWED', 'ALLOWED_OFFLINE', 'NEVER'], {
  type: 'string',
});
/** Static type of {@link WhitelistType}. */
export type WhitelistType = Static<typeof WhitelistType>;

/** `EnergyContract` class (tokens §EnergyContract). */
export const EnergyContract = Type.Object({
  supplier_name: OcpiString(64),
  contract_id: Type.Optional(OcpiString(64)),
});
/** Static type of {@link EnergyContract}. */
export type EnergyContract = Static<typeof EnergyContract>;

/** `LocationReferences` class (tokens §LocationReferences), body of a real-time authorization. */
export const LocationReferences = Type.Object({
  location_id: CiString(36),
  evse_uids: Type.Optional(Type.Array(CiString(36))),
});
/** Static type of {@link LocationReferences}. */
export type LocationReferences = Static<typeof LocationReferences>;

/** `Token` object (tokens §Token object). */
export const Token = Type.Object({
  country_code: CountryCode,
  party_id: PartyId,
  uid: CiString(36),
  type: TokenType,
  contract_id: CiString(36),
  visual_number: Type.Optional(OcpiString(64)),
  issuer: OcpiString(64),
  group_id: Type.Optional(CiString(36)),
  valid: Type.Boolean(),
  whitelist: WhitelistType,
  language: Type.Optional(OcpiString(2)),
  default_profile_type: Type.Optional(ProfileType),
  energy_contract: Type.Optional(EnergyContract),
  last_updated: DateTime,
});
/** Static type of {@link Token}. */
export type Token = Static<typeof Token>;

/**
 * Body of a Token PATCH (tokens §PATCH Method): any Token field, `last_updated` required.
 */
export const TokenPatch = PatchOf(Token);
/** Static type of {@link TokenPatch}. */
export type TokenPatch = Static<typeof TokenPatch>;

/** `AuthorizationInfo` object (tokens §AuthorizationInfo), response of a real-time authorization. */
export const AuthorizationInfo = Type.Object({
  allowed: AllowedType,
  token: Token,
  location: Type.Optional(LocationReferences),
  authorization_reference: Type.Optional(CiString(36)),
  info: Type.Optional(DisplayText),
});
/** Static type of {@link AuthorizationInfo}. */
export type AuthorizationInfo = Static<typeof AuthorizationInfo>;
