import {
  ciEquals,
  OcpiError,
  type OcpiPartyRef,
  parseAuthorizationHeader,
  parseRequestIds,
  parseRoutingHeaders,
} from '@chargebridge/ocpi';
import type { PartnersRepository } from '@chargebridge/store';
import type { FastifyRequest } from 'fastify';
import { hashToken } from './credentials-token.js';
import type { OcpiCaller } from './ocpi-caller.js';

/**
 * Resolves the Authorization header to a caller (transport_and_format §Authorization header).
 * Base64 per 2.2.1, plain accepted (2.1-era partners); an ambiguous value is tried both ways.
 * Unknown → 401.
 */
export async function authenticate(partners: PartnersRepository, header: string | undefined): Promise<OcpiCaller> {
  const parsed = parseAuthorizationHeader(header);
  if (!parsed) throw OcpiError.unauthorized('Missing or malformed Authorization header');
  const candidates = parsed.encoding === 'base64' ? [parsed.token, parsed.raw] : [parsed.token];
  for (const [i, token] of candidates.entries()) {
    const encoding = i === 0 ? parsed.encoding : 'plain';
    const hash = hashToken(token);
    const partner = await partners.findByIncomingTokenHash(hash);
    if (partner && partner.status !== 'unregistered') {
      return { kind: partner.status === 'registered' ? 'partner' : 'handshake', partner, encoding };
    }
    const pending = await partners.findByRegistrationTokenHash(hash);
    if (pending) return { kind: 'registration', partner: pending, encoding };
  }
  throw OcpiError.unauthorized('Unknown credentials token');
}

/**
 * Fills `request.ocpi`: the caller, its routing headers checked against the parties it
 * registered (transport_and_format §Message Routing Headers), and the parties it acts for.
 * Token A and a handshake token reach only the configuration modules (versions, credentials).
 */
export async function ocpiAuthHook(partners: PartnersRepository, request: FastifyRequest): Promise<void> {
  const caller = await authenticate(partners, request.headers.authorization);
  const configuration = request.routeOptions.config?.ocpiAccess === 'configuration';
  if (caller.kind !== 'partner' && !configuration) {
    throw OcpiError.unauthorized('This token is only valid for the versions and credentials modules');
  }
  const ids = parseRequestIds(request.headers);
  request.ocpi = { caller, routing: {}, callerParties: [], ...ids };
  if (configuration) return;
  const routing = parseRoutingHeaders(request.headers);
  const roles: OcpiPartyRef[] = caller.partner.roles.map((r) => ({
    country_code: r.country_code,
    party_id: r.party_id,
  }));
  let callerParties = roles;
  if (routing.from) {
    const from = routing.from;
    const own = roles.filter((r) => ciEquals(r.country_code, from.country_code) && ciEquals(r.party_id, from.party_id));
    if (own.length === 0) {
      throw OcpiError.invalidParameters(
        `OCPI-from-country-code/OCPI-from-party-id ${from.country_code}/${from.party_id} is not a party registered with these credentials`,
      );
    }
    callerParties = own.slice(0, 1);
  }
  request.ocpi = { caller, routing, callerParties, ...ids };
}
