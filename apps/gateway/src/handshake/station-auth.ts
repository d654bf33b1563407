import { verifyStationPassword } from '@chargebridge/domain';
import type { StationRow } from '@chargebridge/store';

/** What the handshake knows about the transport and credentials. */
export interface HandshakeCredentials {
  identity: string;
  /** The `Authorization` header, if any. */
  authorization: string | undefined;
  /** Whether the socket arrived on the TLS port. */
  secure: boolean;
  /** TLS: whether the client certificate chained to `TLS_CA`. */
  clientCertAuthorized: boolean;
  /** TLS: the client certificate's subject CN. */
  clientCertCn: string | undefined;
}

/** Outcome of {@link authenticateStation}. */
export type AuthDecision = { ok: true } | { ok: false; status: 401 | 403; reason: string; challenge: boolean };

/** Reads `Basic base64(user:password)` (RFC 7617); the password may contain `:`. */
export function parseBasicAuth(header: string | undefined): { user: string; password: string } | undefined {
  if (!header) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/**
 * Holds a station to its configured security profile (OCPP 1.6 security whitepaper §2, 2.0.1
 * part 2 A00): a lower profile is refused.
 * - 0: no authentication (labs only).
 * - 1: HTTP basic auth, username = identity, password checked against the scrypt hash.
 * - 2: TLS (the `OCPP_TLS_PORT`) + basic auth.
 * - 3: TLS with a client certificate chained to `TLS_CA` whose subject CN is the identity.
 */
export async function authenticateStation(station: StationRow, c: HandshakeCredentials): Promise<AuthDecision> {
  const profile = station.security_profile;
  if (profile >= 2 && !c.secure) {
    return { ok: false, status: 403, reason: `security profile ${profile} requires TLS`, challenge: false };
  }
  if (profile === 3) {
    if (!c.clientCertAuthorized) {
      return {
        ok: false,
        status: 403,
        reason: 'profile 3 requires a client certificate signed by the hub CA',
        challenge: false,
      };
    }
    if (c.clientCertCn !== c.identity) {
      return {
        ok: false,
        status: 403,
        reason: 'client certificate CN does not match the station identity',
        challenge: false,
      };
    }
    return { ok: true };
  }
  if (profile === 0) return { ok: true };
  const credentials = parseBasicAuth(c.authorization);
  if (!credentials || !station.password_hash) {
    return { ok: false, status: 401, reason: 'basic authentication required', challenge: true };
  }
  if (credentials.user !== c.identity || !(await verifyStationPassword(credentials.password, station.password_hash))) {
    return { ok: false, status: 401, reason: 'invalid credentials', challenge: true };
  }
  return { ok: true };
}
