/**
 * OCPI HTTP headers other than Authorization: message routing headers
 * (transport_and_format §Message Routing Headers) and unique message ids
 * (transport_and_format §Unique message IDs). Header names are case-insensitive.
 */
import { randomUUID } from 'node:crypto';
import { OcpiError } from './ocpi-error.js';

/** `OCPI-from-country-code`: country code of the party the message is sent from. */
export const OCPI_FROM_COUNTRY_CODE = 'OCPI-from-country-code';
/** `OCPI-from-party-id`: party id of the party the message is sent from. */
export const OCPI_FROM_PARTY_ID = 'OCPI-from-party-id';
/** `OCPI-to-country-code`: country code of the party the message is sent to. */
export const OCPI_TO_COUNTRY_CODE = 'OCPI-to-country-code';
/** `OCPI-to-party-id`: party id of the party the message is sent to. */
export const OCPI_TO_PARTY_ID = 'OCPI-to-party-id';
/** `X-Request-ID`: unique per request; a Hub forwarding a request uses a new one. */
export const X_REQUEST_ID = 'X-Request-ID';
/** `X-Correlation-ID`: unique per request chain; a Hub forwarding a request keeps it. */
export const X_CORRELATION_ID = 'X-Correlation-ID';
/** `X-Total-Count`: total number of objects matching a paginated query. */
export const X_TOTAL_COUNT = 'X-Total-Count';
/** `X-Limit`: the most objects the server returns per page. */
export const X_LIMIT = 'X-Limit';

/** A party on an OCPI platform: `country_code` CiString(2), `party_id` CiString(3). */
export interface OcpiPartyRef {
  country_code: string;
  party_id: string;
}

/** The routing headers of one message. Both are absent for Configuration Modules. */
export interface RoutingHeaders {
  from?: OcpiPartyRef;
  to?: OcpiPartyRef;
}

/** Incoming headers: a fetch `Headers` or a Node-style record (as in fastify's `request.headers`). */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** Reads one header case-insensitively; a repeated header yields its first value. */
export function getHeader(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

const CI = /^[\x20-\x7E]*$/;

function readParty(headers: HeaderSource, countryHeader: string, partyHeader: string): OcpiPartyRef | undefined {
  const country = getHeader(headers, countryHeader)?.trim();
  const party = getHeader(headers, partyHeader)?.trim();
  if (!country && !party) return undefined;
  if (!country || !party) {
    const missing = country ? partyHeader : countryHeader;
    throw OcpiError.invalidParameters(`Missing header ${missing}`);
  }
  if (country.length !== 2 || !CI.test(country)) {
    throw OcpiError.invalidParameters(`Header ${countryHeader} must be a 2-letter country code`);
  }
  if (party.length !== 3 || !CI.test(party)) {
    throw OcpiError.invalidParameters(`Header ${partyHeader} must be a 3-character party id`);
  }
  return { country_code: country, party_id: party };
}

/**
 * Reads the routing headers of a request or response. A pair that is only half present, or
 * malformed, throws {@link OcpiError} 2001. A missing pair is allowed: `to` is omitted in an
 * Open Routing Request (transport_and_format §Open Routing Request).
 */
export function parseRoutingHeaders(headers: HeaderSource): RoutingHeaders {
  const result: RoutingHeaders = {};
  const from = readParty(headers, OCPI_FROM_COUNTRY_CODE, OCPI_FROM_PARTY_ID);
  const to = readParty(headers, OCPI_TO_COUNTRY_CODE, OCPI_TO_PARTY_ID);
  if (from) result.from = from;
  if (to) result.to = to;
  return result;
}

/** Builds routing headers for an outgoing message. */
export function routingHeaders(routing: RoutingHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  if (routing.from) {
    out[OCPI_FROM_COUNTRY_CODE] = routing.from.country_code;
    out[OCPI_FROM_PARTY_ID] = routing.from.party_id;
  }
  if (routing.to) {
    out[OCPI_TO_COUNTRY_CODE] = routing.to.country_code;
    out[OCPI_TO_PARTY_ID] = routing.to.party_id;
  }
  return out;
}

/**
 * Routing headers of the response to a request: from and to swapped
 * (transport_and_format §Party to Party, "Direct response").
 */
export function responseRoutingHeaders(request: RoutingHeaders): Record<string, string> {
  const swapped: RoutingHeaders = {};
  if (request.to) swapped.from = request.to;
  if (request.from) swapped.to = request.from;
  return routingHeaders(swapped);
}

/** A new unique message id (the spec advises UUIDs). */
export function newRequestId(): string {
  return randomUUID();
}

/** The message-id headers of an incoming request; missing ones are reported as `undefined`. */
export function parseRequestIds(headers: HeaderSource): {
  requestId: string | undefined;
  correlationId: string | undefined;
} {
  return {
    requestId: getHeader(headers, X_REQUEST_ID),
    correlationId: getHeader(headers, X_CORRELATION_ID),
  };
}

/**
 * Message-id headers for an outgoing request: always a new X-Request-ID; the given
 * X-Correlation-ID is kept (forwarding), or a new one starts a chain.
 */
export function requestIdHeaders(correlationId?: string): Record<string, string> {
  return { [X_REQUEST_ID]: newRequestId(), [X_CORRELATION_ID]: correlationId ?? newRequestId() };
}

/** Message-id headers of a response: the same X-Request-ID and X-Correlation-ID as the request. */
export function responseIdHeaders(request: {
  requestId?: string | undefined;
  correlationId?: string | undefined;
}): Record<string, string> {
  const out: Record<string, string> = {};
  if (request.requestId) out[X_REQUEST_ID] = request.requestId;
  if (request.correlationId) out[X_CORRELATION_ID] = request.correlationId;
  return out;
}
