/**
 * Turns a partner's HTTP response into an {@link OcpiClientResponse} or an
 * {@link OcpiClientError}: HTTP 2xx and an OCPI 1xxx status are success
 * (status_codes.asciidoc §Status codes); `data` is checked when a schema is given.
 */
import type { Static, TSchema } from 'typebox';
import { excerpt, type OcpiClientError, type OcpiClientErrorKind } from './client-error.js';
import type { OcpiEnvelope } from './envelope.js';
import { parseOcpi } from './parse.js';
import { isSuccessStatus } from './status-codes.js';

/** A successful response. */
export interface OcpiClientResponse<T> {
  httpStatus: number;
  headers: Headers;
  envelope: OcpiEnvelope<T>;
  /** `envelope.data`. */
  data: T | undefined;
  /** The `Location` header, e.g. of a CDR POST (cdrs §POST Method, Response Headers). */
  location: string | undefined;
  requestId: string;
  correlationId: string;
}

/** Request context needed to interpret a response. */
export interface ResponseContext {
  requestId: string;
  correlationId: string;
  fail: (kind: OcpiClientErrorKind, message: string, extra?: object) => OcpiClientError;
}

/** True for an object with an integer `status_code`; other envelope fields are not required. */
export function isEnvelope(value: unknown): value is OcpiEnvelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Number.isInteger((value as { status_code?: unknown }).status_code)
  );
}

function statusText(envelope: OcpiEnvelope): string {
  const message = envelope.status_message ? `: ${envelope.status_message}` : '';
  return `${envelope.status_code}${message}`;
}

/** Checks status, body and envelope; throws the classified error. */
export function interpretResponse<T extends TSchema>(
  response: Response,
  text: string,
  schema: T | undefined,
  context: ResponseContext,
): OcpiClientResponse<Static<T>> {
  const { fail } = context;
  const httpStatus = response.status;
  const ok = httpStatus >= 200 && httpStatus < 300;
  const seen = { httpStatus, headers: response.headers, bodyExcerpt: excerpt(text) };
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw ok ? fail('protocol', 'response body is not JSON', seen) : fail('http', `HTTP ${httpStatus}`, seen);
  }
  const envelope = isEnvelope(json) ? json : undefined;
  if (!ok) {
    const detail = envelope ? ` (OCPI ${statusText(envelope)})` : '';
    throw fail('http', `HTTP ${httpStatus}${detail}`, { ...seen, ...fields(envelope) });
  }
  if (!envelope) throw fail('protocol', 'response body is not an OCPI envelope', seen);
  if (!isSuccessStatus(envelope.status_code)) {
    throw fail('ocpi', `OCPI status ${statusText(envelope)}`, { ...seen, ...fields(envelope) });
  }
  if (schema) {
    const parsed = parseOcpi(schema, envelope.data, { rootPath: '$.data' });
    if (!parsed.ok) {
      throw fail('protocol', `invalid data: ${parsed.message}`, { ...seen, ...fields(envelope) });
    }
  }
  return {
    httpStatus,
    headers: response.headers,
    envelope: envelope as OcpiEnvelope<Static<T>>,
    data: envelope.data as Static<T> | undefined,
    location: response.headers.get('Location') ?? undefined,
    requestId: context.requestId,
    correlationId: context.correlationId,
  };
}

function fields(envelope: OcpiEnvelope | undefined): object {
  if (!envelope) return {};
  return { envelope, statusCode: envelope.status_code, statusMessage: envelope.status_message };
}
