import type { OcpiPartyRef, RoutingHeaders, TokenEncoding } from '@chargebridge/ocpi';
import type { PartnerRow } from '@chargebridge/store';

/**
 * Who is calling, as the Authorization header says:
 * - `registration`: a token A (credentials §Registration) — versions and credentials only;
 * - `handshake`: the token B we gave a partner while we register with it — same limits;
 * - `partner`: a registered partner's current token (C, or B when it registered with us).
 */
export interface OcpiCaller {
  kind: 'registration' | 'handshake' | 'partner';
  partner: PartnerRow;
  /** How the partner wrote the token (remembered for our calls to it). */
  encoding: TokenEncoding;
}

/** Per-request OCPI context set by the auth hook and the routing check. */
export interface OcpiRequestContext {
  caller: OcpiCaller;
  routing: RoutingHeaders;
  /** The caller's parties this request acts for (its `from`, or all its roles). */
  callerParties: OcpiPartyRef[];
  requestId: string | undefined;
  correlationId: string | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    ocpi: OcpiRequestContext;
  }
  interface FastifyContextConfig {
    /** `configuration`: reachable with token A (versions, credentials); default: registered only. */
    ocpiAccess?: 'configuration';
  }
}
