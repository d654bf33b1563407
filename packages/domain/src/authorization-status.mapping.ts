/** The hub's own verdict on a token, independent of protocol version. */
export type AuthorizationResult = 'accepted' | 'blocked' | 'expired' | 'invalid' | 'unknown' | 'concurrent';

/** 1.6 AuthorizationStatus (§7.2). */
export type AuthorizationStatus16 = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';
/** 2.0.1 / 2.1 AuthorizationStatusEnumType (subset the hub answers with). */
export type AuthorizationStatus2 = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'Unknown' | 'ConcurrentTx';

/** Hub verdict → 1.6 `idTagInfo.status`; 1.6 has no "Unknown", it answers Invalid. */
export function toAuthorizationStatus16(result: AuthorizationResult): AuthorizationStatus16 {
  switch (result) {
    case 'accepted':
      return 'Accepted';
    case 'blocked':
      return 'Blocked';
    case 'expired':
      return 'Expired';
    case 'concurrent':
      return 'ConcurrentTx';
    default:
      return 'Invalid';
  }
}

/** Hub verdict → 2.x `idTokenInfo.status`. */
export function toAuthorizationStatus2(result: AuthorizationResult): AuthorizationStatus2 {
  switch (result) {
    case 'accepted':
      return 'Accepted';
    case 'blocked':
      return 'Blocked';
    case 'expired':
      return 'Expired';
    case 'concurrent':
      return 'ConcurrentTx';
    case 'invalid':
      return 'Invalid';
    default:
      return 'Unknown';
  }
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
    default:
      return 'unknown';
  }
}

/** What the store knows about a token, enough to judge it. */
export interface KnownToken {
  valid: boolean;
  whitelist: string;
}

/** Judges a token from the store rows that carry its uid (none → unknown). */
export function judgeToken(tokens: readonly KnownToken[]): AuthorizationResult {
  if (tokens.length === 0) return 'unknown';
  if (tokens.some((t) => t.valid && t.whitelist !== 'NEVER')) return 'accepted';
  return 'blocked';
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
