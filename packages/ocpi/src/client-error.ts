/**
 * The error raised by {@link OcpiPartnerClient} for any request that did not end in HTTP 2xx
 * with an OCPI success status (1xxx).
 */
import type { OcpiEnvelope } from './envelope.js';

/**
 * What went wrong:
 * - `timeout`: no complete response within the client's timeout;
 * - `aborted`: the caller's AbortSignal fired;
 * - `network`: no HTTP response (DNS, refused connection, TLS, reset);
 * - `http`: an HTTP status other than 2xx (the envelope, if the body had one, is attached);
 * - `protocol`: HTTP 2xx but the body is not an OCPI envelope, or `data` fails its schema;
 * - `ocpi`: a well-formed envelope with a non-success `status_code` (2xxx, 3xxx, 4xxx).
 */
export type OcpiClientErrorKind = 'timeout' | 'aborted' | 'network' | 'http' | 'protocol' | 'ocpi';

/** Details of an {@link OcpiClientError}. */
export interface OcpiClientErrorDetails {
  kind: OcpiClientErrorKind;
  method: string;
  url: string;
  httpStatus?: number;
  statusCode?: number;
  statusMessage?: string;
  envelope?: OcpiEnvelope;
  headers?: Headers;
  bodyExcerpt?: string;
  requestId?: string;
  correlationId?: string;
  cause?: unknown;
}

/** Longest body excerpt kept on an error. */
export const BODY_EXCERPT_LENGTH = 500;

/** A failed request to a partner. */
export class OcpiClientError extends Error {
  readonly kind: OcpiClientErrorKind;
  readonly method: string;
  readonly url: string;
  /** HTTP status, when a response arrived. */
  readonly httpStatus: number | undefined;
  /** OCPI `status_code` of the response envelope, when there was one. */
  readonly statusCode: number | undefined;
  /** OCPI `status_message` of the response envelope, when there was one. */
  readonly statusMessage: string | undefined;
  /** The parsed envelope, when the body was one (a Hub relays it to the original client). */
  readonly envelope: OcpiEnvelope | undefined;
  /** Response headers, when a response arrived. */
  readonly headers: Headers | undefined;
  /** Start of the response body, for logs. */
  readonly bodyExcerpt: string | undefined;
  /** X-Request-ID we sent. */
  readonly requestId: string | undefined;
  /** X-Correlation-ID we sent. */
  readonly correlationId: string | undefined;

  constructor(message: string, details: OcpiClientErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'OcpiClientError';
    this.kind = details.kind;
    this.method = details.method;
    this.url = details.url;
    this.httpStatus = details.httpStatus;
    this.statusCode = details.statusCode;
    this.statusMessage = details.statusMessage;
    this.envelope = details.envelope;
    this.headers = details.headers;
    this.bodyExcerpt = details.bodyExcerpt;
    this.requestId = details.requestId;
    this.correlationId = details.correlationId;
  }
}

/** Shortens a response body for an error. */
export function excerpt(body: string): string {
  return body.length > BODY_EXCERPT_LENGTH ? `${body.slice(0, BODY_EXCERPT_LENGTH)}...` : body;
}
