/**
 * Credentials module objects (credentials.asciidoc §Credentials object, §CredentialsRole).
 */
import { type Static, Type } from 'typebox';
import { BusinessDetails } from './business-details.schema.js';
import { CountryCode, PartyId, Role, Url } from './types.schema.js';

/**
 * A credentials token: string(64) of printable non-whitespace ASCII, U+0021..U+007E
 * (credentials §Credentials object, `token`).
 */
export const CredentialsToken = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[\\x21-\\x7E]+$',
});

/** `CredentialsRole` class (credentials §CredentialsRole). */
export const CredentialsRole = Type.Object({
  role: Role,
  business_details: BusinessDetails,
  party_id: PartyId,
  country_code: CountryCode,
});
/** Static type of {@link CredentialsRole}. */
export type CredentialsRole = Static<typeof CredentialsRole>;

/** `Credentials` object (credentials §Credentials object). */
export const Credentials = Type.Object({
  token: CredentialsToken,
  url: Url,
  roles: Type.Array(CredentialsRole, { minItems: 1 }),
});
/** Static type of {@link Credentials}. */
export type Credentials = Static<typeof Credentials>;
