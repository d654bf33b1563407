import { type ErrorCode, fromWireErrorCode, toWireErrorCode } from './error-codes.js';
import type { OcppVersion } from './ocpp-version.js';

/** JSON object carried as CALLERROR `errorDetails`. */
export type ErrorDetails = Record<string, unknown>;

/** OCPP-J 2.0.1 §4.2.3 table 7: ErrorDescription is string[255]. */
export const MAX_ERROR_DESCRIPTION_LENGTH = 255;

/**
 * A protocol-level OCPP RPC error: what travels in a CALLERROR / CALLRESULTERROR. Callers branch
 * on `code` (canonical spelling, see {@link ErrorCode}), never on the message text.
 *
 * Thrown by a call handler to answer with a CALLERROR of that code; rejected from
 * `RpcConnection.call` when the peer answers with a CALLERROR or its response fails validation.
 */
export class OcppError extends Error {
  /** Canonical error code. */
  readonly code: ErrorCode;
  /** Human-readable description (CALLERROR `errorDescription`). */
  readonly description: string;
  /** CALLERROR `errorDetails`; always an object. */
  readonly details: ErrorDetails;
  /** The code exactly as received, when this error was read from a peer's frame. */
  readonly wireCode: string | undefined;

  constructor(
    code: ErrorCode,
    description = '',
    details: ErrorDetails = {},
    options: { cause?: unknown; wireCode?: string } = {},
  ) {
    super(description === '' ? code : `${code}: ${description}`, { cause: options.cause });
    this.name = 'OcppError';
    this.code = code;
    this.description = description;
    this.details = details;
    this.wireCode = options.wireCode;
  }

  /** Builds an error from a received CALLERROR / CALLRESULTERROR, normalising the code spelling. */
  static fromWire(wireCode: string, description: string, details: ErrorDetails): OcppError {
    const { code } = fromWireErrorCode(wireCode);
    return new OcppError(code, description, details, { wireCode });
  }

  /** The three CALLERROR fields as `version` writes them (code spelling, description cap). */
  toWire(version: OcppVersion): { code: string; description: string; details: ErrorDetails } {
    return {
      code: toWireErrorCode(version, this.code),
      description: truncateDescription(this.description),
      details: this.details,
    };
  }
}

/** Type guard for {@link OcppError}. */
export function isOcppError(value: unknown): value is OcppError {
  return value instanceof OcppError;
}

/** Cuts a description to the 255 characters OCPP-J allows (2.0.1 §4.2.3 table 7). */
export function truncateDescription(text: string): string {
  return text.length <= MAX_ERROR_DESCRIPTION_LENGTH ? text : `${text.slice(0, MAX_ERROR_DESCRIPTION_LENGTH - 1)}…`;
}
