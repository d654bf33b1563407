/**
 * The OCPI response format (transport_and_format §Response format): every response body is an
 * envelope `{ data?, status_code, status_message?, timestamp }`.
 */
import { type Static, type TSchema, Type } from 'typebox';
import { DateTime, toOcpiDateTime } from './schemas/types.schema.js';
import { describeStatus, OcpiStatus } from './status-codes.js';

/** The envelope of a response whose `data` is described by `data`. */
export function OcpiResponse<T extends TSchema>(data: T) {
  return Type.Object({
    data: Type.Optional(data),
    status_code: Type.Integer({ minimum: 1000, maximum: 4999 }),
    status_message: Type.Optional(Type.String()),
    timestamp: DateTime,
  });
}

/** Envelope with unvalidated `data`, as received before the payload is checked. */
export const OcpiResponseEnvelope = OcpiResponse(Type.Unknown());

/** A response envelope with `data` of type `T`. */
export interface OcpiEnvelope<T = unknown> {
  data?: T;
  status_code: number;
  status_message?: string;
  timestamp: string;
}

/** Static type of {@link OcpiResponseEnvelope}. */
export type OcpiResponseEnvelope = Static<typeof OcpiResponseEnvelope>;

/**
 * A success envelope (status 1000). Pass no `data` where the spec leaves `data` unspecified,
 * e.g. the response to a Session PUT (transport_and_format §Response format, note).
 */
export function ocpiSuccess<T>(data?: T, message?: string): OcpiEnvelope<T> {
  const envelope: OcpiEnvelope<T> = {
    status_code: OcpiStatus.SUCCESS,
    timestamp: toOcpiDateTime(),
  };
  if (data !== undefined) envelope.data = data;
  if (message !== undefined) envelope.status_message = message;
  return envelope;
}

/**
 * An error envelope. The spec leaves `data` unspecified on errors and shows it omitted
 * (transport_and_format §Example: Response with an error), so it is omitted unless given.
 */
export function ocpiError(code: number, message?: string, data?: unknown): OcpiEnvelope {
  const envelope: OcpiEnvelope = {
    status_code: code,
    status_message: message ?? describeStatus(code),
    timestamp: toOcpiDateTime(),
  };
  if (data !== undefined) envelope.data = data;
  return envelope;
}
