/**
 * The hub's own verdict on a token, independent of protocol version. `no_credit`,
 * `not_at_this_location` and `not_allowed_type_evse` come from an eMSP's real-time answer (OCPI
 * AllowedType) or the EVSE; 1.6 has no word for them (see the table below).
 */
export type AuthorizationResult =
  | 'accepted'
  | 'blocked'
  | 'expired'
  | 'invalid'
  | 'unknown'
  | 'concurrent'
  | 'no_credit'
  | 'not_at_this_location'
  | 'not_allowed_type_evse';

/** 1.6 AuthorizationStatus (§7.2). */
export type AuthorizationStatus16 = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';
/** 2.0.1 / 2.1 AuthorizationStatusEnumType (subset the hub answers with). */
export type AuthorizationStatus2 =
  | 'Accepted'
  | 'Blocked'
  | 'Expired'
  | 'Invalid'
  | 'Unknown'
  | 'ConcurrentTx'
  | 'NoCredit'
  | 'NotAtThisLocation'
  | 'NotAllowedTypeEVSE';

/** OCPI 2.2.1 AllowedType (mod_tokens §AllowedType), spelled as on the wire. */
export type OcpiAllowedType = 'ALLOWED' | 'BLOCKED' | 'EXPIRED' | 'NO_CREDIT' | 'NOT_ALLOWED';

/**
 * THE authorization mapping table: one row per hub verdict, its OCPI AllowedType and its status in
 * each OCPP version. 1.6 (§7.2) lacks NoCredit / NotAtThisLocation / NotAllowedTypeEVSE / Unknown:
 * no credit is a (temporarily) Blocked account, the location and EVSE refusals and an unknown
 * token are Invalid. `unknown` is what an unknown token at the hub gets (2.x Unknown, 1.6 Invalid).
 */
export const AUTHORIZATION_TABLE: Readonly<
  Record<AuthorizationResult, { ocpi: OcpiAllowedType; v16: AuthorizationStatus16; v2: AuthorizationStatus2 }>
> = {
  accepted: { ocpi: 'ALLOWED', v16: 'Accepted', v2: 'Accepted' },
  blocked: { ocpi: 'BLOCKED', v16: 'Blocked', v2: 'Blocked' },
  expired: { ocpi: 'EXPIRED', v16: 'Expired', v2: 'Expired' },
  invalid: { ocpi: 'NOT_ALLOWED', v16: 'Invalid', v2: 'Invalid' },
  unknown: { ocpi: 'NOT_ALLOWED', v16: 'Invalid', v2: 'Unknown' },
  concurrent: { ocpi: 'NOT_ALLOWED', v16: 'ConcurrentTx', v2: 'ConcurrentTx' },
  no_credit: { ocpi: 'NO_CREDIT', v16: 'Blocked', v2: 'NoCredit' },
  not_at_this_location: { ocpi: 'NOT_ALLOWED', v16: 'Invalid', v2: 'NotAtThisLocation' },
  not_allowed_type_evse: { ocpi: 'NOT_ALLOWED', v16: 'Invalid', v2: 'NotAllowedTypeEVSE' },
};

/**
 * OCPI AllowedType (an eMSP's real-time answer) → hub verdict. NOT_ALLOWED means "valid, but not
 * allowed to charge at the given location" (mod_tokens §AllowedType) → NotAtThisLocation.
 * Anything unrecognised is refused as invalid.
 */
export function fromAllowedType(allowed: string): AuthorizationResult {
  switch (allowed) {
    case 'ALLOWED':
      return 'accepted';
    case 'BLOCKED':
      return 'blocked';
    case 'EXPIRED':
      return 'expired';
    case 'NO_CREDIT':
      return 'no_credit';
    case 'NOT_ALLOWED':
      return 'not_at_this_location';
    default:
      return 'invalid';
  }
}

/** Hub verdict → 1.6 `idTagInfo.status` (see {@link AUTHORIZATION_TABLE}). */
export function toAuthorizationStatus16(result: AuthorizationResult): AuthorizationStatus16 {
  return (AUTHORIZATION_TABLE[result] ?? AUTHORIZATION_TABLE.invalid).v16;
}

/** Hub verdict → 2.x `idTokenInfo.status` (see {@link AUTHORIZATION_TABLE}). */
export function toAuthorizationStatus2(result: AuthorizationResult): AuthorizationStatus2 {
  return (AUTHORIZATION_TABLE[result] ?? AUTHORIZATION_TABLE.unknown).v2;
}

/** 1.6 or 2.x status back to the hub verdict (e.g. for a status a station reports). */
export function fromAuthorizationStatus(status: string): AuthorizationResult {
  switch (status) {
    case 'Accepted':
      return 'accepted';
    case 'Blocked':
      return 'blocked';
    case 'Expired':
      return 'expired';
    case 'ConcurrentTx':
      return 'concurrent';
    case 'Invalid':
      return 'invalid';
    case 'NoCredit':
      return 'no_credit';
    case 'NotAtThisLocation':
      return 'not_at_this_location';
    case 'NotAllowedTypeEVSE':
      return 'not_allowed_type_evse';
    default:
      return 'unknown';
  }
}

/** What the store knows about a token, enough to judge it. */
export interface KnownToken {
  valid: boolean;
  whitelist: string;
}

/**
 * Judges a token from the store rows that carry its uid (none → unknown), without asking anyone:
 * the whitelist view. A NEVER token cannot be accepted from a whitelist (mod_tokens §WhitelistType).
 */
export function judgeToken(tokens: readonly KnownToken[]): AuthorizationResult {
  if (tokens.length === 0) return 'unknown';
  if (tokens.some((t) => t.valid && t.whitelist !== 'NEVER')) return 'accepted';
  return 'blocked';
}

/**
 * How an eMSP token is to be authorized, by its whitelist type (mod_tokens §WhitelistType):
 * `allow` from the whitelist (ALWAYS), `reject` (not valid), or `ask` the eMSP in real time —
 * with `offlineAllowed` when the token may be allowed if the eMSP cannot be reached
 * (ALLOWED_OFFLINE). ALLOWED is asked in real time and refused when the eMSP is unreachable
 * (the hub's choice; the spec lets the CPO pick either way for ALLOWED).
 */
export type WhitelistVerdict = { kind: 'allow' } | { kind: 'reject' } | { kind: 'ask'; offlineAllowed: boolean };

/** The whitelist verdict of one eMSP token (see {@link WhitelistVerdict}). */
export function whitelistVerdict(token: KnownToken): WhitelistVerdict {
  if (!token.valid) return { kind: 'reject' };
  switch (token.whitelist) {
    case 'ALWAYS':
      return { kind: 'allow' };
    case 'ALLOWED_OFFLINE':
      return { kind: 'ask', offlineAllowed: true };
    default:
      return { kind: 'ask', offlineAllowed: false };
  }
}

/**
 * OCPP IdTokenEnumType → OCPI TokenType (mod_tokens §TokenType). 1.6 idTags are RFID cards;
 * Central / eMAID ids come from apps; a key code or local id is OTHER.
 */
export function toOcpiTokenType(ocppType: string): 'RFID' | 'APP_USER' | 'AD_HOC_USER' | 'OTHER' {
  switch (ocppType) {
    case 'ISO14443':
    case 'ISO15693':
      return 'RFID';
    case 'Central':
    case 'eMAID':
      return 'APP_USER';
    case 'NoAuthorization':
      return 'AD_HOC_USER';
    default:
      return 'OTHER';
  }
}

/** OCPI TokenType → OCPP 2.x IdTokenEnumType (what RequestStartTransaction carries). */
export function toOcppIdTokenType(ocpiType: string): string {
  switch (ocpiType) {
    case 'RFID':
      return 'ISO14443';
    case 'AD_HOC_USER':
    case 'APP_USER':
      return 'Central';
    default:
      return 'Central';
  }
}

/** Normalized id token: the 1.6 idTag is an opaque string; 2.x carries a type. */
export interface IdToken {
  idToken: string;
  type: string;
}

/** 1.6 idTag (CiString20) → hub id token. 1.6 has no type: the cards are RFID (ISO14443). */
export function fromIdTag16(idTag: string): IdToken {
  return { idToken: idTag, type: 'ISO14443' };
}

/** 2.x IdTokenType → hub id token. */
export function fromIdToken2(token: { idToken: string; type: string }): IdToken {
  return { idToken: token.idToken, type: token.type };
}

/** Hub id token → 2.x IdTokenType (what RequestStartTransaction sends). */
export function toIdToken2(token: IdToken): { idToken: string; type: string } {
  return { idToken: token.idToken, type: token.type };
}

/** Hub id token → 1.6 idTag, cut to CiString20 (1.6 §7.23 IdToken). */
export function toIdTag16(token: IdToken): string {
  return token.idToken.slice(0, 20);
}
