import type { ErrorObject } from 'ajv';
import type { ErrorCode } from './error-codes.js';
import { OcppError } from './ocpp-error.js';
import type { MessageKind } from './schema-source.js';

/**
 * JSON-schema keyword → RPC error code, from the code descriptions of OCPP-J 1.6 §4.2.3 table 7
 * and 2.0.1/2.1 §4.3 (canonical spelling; 1.6 writes FormationViolation and
 * OccurenceConstraintViolation on the wire):
 * - TypeConstraintViolation: "a field violates data type constraints (e.g. "somestring": 12)".
 * - OccurrenceConstraintViolation: "a field violates occurrence constraints", i.e. cardinality: a
 *   required field missing, too few / too many list entries.
 * - PropertyConstraintViolation: "at least one field contains an invalid value": length, range,
 *   enumeration, format and pattern limits.
 * - FormatViolation: payload "syntactically incorrect" / (1.6) "not conform the PDU structure":
 *   fields the PDU does not define, and anything structural we cannot name more precisely.
 */
export const KEYWORD_ERROR_CODES: Readonly<Record<string, ErrorCode>> = {
  type: 'TypeConstraintViolation',
  required: 'OccurrenceConstraintViolation',
  minItems: 'OccurrenceConstraintViolation',
  maxItems: 'OccurrenceConstraintViolation',
  minProperties: 'OccurrenceConstraintViolation',
  maxProperties: 'OccurrenceConstraintViolation',
  dependencies: 'OccurrenceConstraintViolation',
  dependentRequired: 'OccurrenceConstraintViolation',
  additionalProperties: 'FormatViolation',
  additionalItems: 'FormatViolation',
  unevaluatedProperties: 'FormatViolation',
  enum: 'PropertyConstraintViolation',
  const: 'PropertyConstraintViolation',
  format: 'PropertyConstraintViolation',
  pattern: 'PropertyConstraintViolation',
  minLength: 'PropertyConstraintViolation',
  maxLength: 'PropertyConstraintViolation',
  minimum: 'PropertyConstraintViolation',
  maximum: 'PropertyConstraintViolation',
  exclusiveMinimum: 'PropertyConstraintViolation',
  exclusiveMaximum: 'PropertyConstraintViolation',
  multipleOf: 'PropertyConstraintViolation',
  uniqueItems: 'PropertyConstraintViolation',
};

/** The error code for a failed schema keyword; unknown keywords are FormatViolation. */
export function errorCodeForKeyword(keyword: string): ErrorCode {
  return KEYWORD_ERROR_CODES[keyword] ?? 'FormatViolation';
}

/** One schema violation, as reported in `errorDetails`. */
export interface SchemaViolationDetail {
  readonly path: string;
  readonly keyword: string;
  readonly message: string;
}

/**
 * Turns AJV errors for a payload of `action` into an {@link OcppError}. AJV runs with allErrors
 * off, so the first error decides the code; all are listed in `details.errors`.
 */
export function toValidationError(action: string, kind: MessageKind, errors: readonly ErrorObject[]): OcppError {
  const first = errors[0];
  const code = first === undefined ? 'FormatViolation' : errorCodeForKeyword(first.keyword);
  const list: SchemaViolationDetail[] = errors.map((e) => ({
    path: e.instancePath === '' ? '/' : e.instancePath,
    keyword: e.keyword,
    message: describe(e),
  }));
  const head = list[0];
  const text = head === undefined ? 'invalid payload' : `${head.path} ${head.message}`;
  return new OcppError(code, `${action} ${kind}: ${text}`, { errors: list });
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') {
    return `has unknown property '${String((e.params as { additionalProperty?: unknown }).additionalProperty)}'`;
  }
  if (e.keyword === 'enum') {
    return `must be one of ${((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}`;
  }
  return e.message ?? e.keyword;
}
