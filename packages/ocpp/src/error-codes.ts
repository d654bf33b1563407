import type { OcppVersion } from './ocpp-version.js';

/**
 * RPC framework error codes, in their canonical (OCPP-J 2.x, §4.3 table 8) spelling. Code in this
 * package always works with these; the per-version wire spelling is applied only when a frame is
 * written ({@link toWireErrorCode}) and undone when one is read ({@link fromWireErrorCode}).
 */
export type ErrorCode =
  | 'FormatViolation'
  | 'GenericError'
  | 'InternalError'
  | 'MessageTypeNotSupported'
  | 'NotImplemented'
  | 'NotSupported'
  | 'OccurrenceConstraintViolation'
  | 'PropertyConstraintViolation'
  | 'ProtocolError'
  | 'RpcFrameworkError'
  | 'SecurityError'
  | 'TypeConstraintViolation';

/** Every canonical error code. */
export const ERROR_CODES: readonly ErrorCode[] = [
  'FormatViolation',
  'GenericError',
  'InternalError',
  'MessageTypeNotSupported',
  'NotImplemented',
  'NotSupported',
  'OccurrenceConstraintViolation',
  'PropertyConstraintViolation',
  'ProtocolError',
  'RpcFrameworkError',
  'SecurityError',
  'TypeConstraintViolation',
];

/**
 * The error codes valid on the wire per version.
 * OCPP-J 1.6 §4.2.3 table 7 spells two codes differently, and its errata (§5.1, §5.2) keep the
 * misspellings on purpose ("Do not fix, this is a message level change"); it also has no
 * RpcFrameworkError or MessageTypeNotSupported. 2.0.1 and 2.1 share table 8/9 of part 4 §4.3.
 */
export const WIRE_ERROR_CODES: Readonly<Record<OcppVersion, readonly string[]>> = {
  '1.6': [
    'NotImplemented',
    'NotSupported',
    'InternalError',
    'ProtocolError',
    'SecurityError',
    'FormationViolation',
    'PropertyConstraintViolation',
    'OccurenceConstraintViolation',
    'TypeConstraintViolation',
    'GenericError',
  ],
  '2.0.1': ERROR_CODES,
  '2.1': ERROR_CODES,
};

// Codes 1.6 lacks have to be sent as something that exists there. RpcFrameworkError describes a
// message that is not a valid RPC frame, which 1.6 calls "not conform the PDU structure"
// (FormationViolation). MessageTypeNotSupported is never sent in 1.6 (§4.1.3: unknown message
// types are ignored), but keep the mapping total.
const WIRE_1_6: Readonly<Record<ErrorCode, string>> = {
  FormatViolation: 'FormationViolation',
  GenericError: 'GenericError',
  InternalError: 'InternalError',
  MessageTypeNotSupported: 'GenericError',
  NotImplemented: 'NotImplemented',
  NotSupported: 'NotSupported',
  OccurrenceConstraintViolation: 'OccurenceConstraintViolation',
  PropertyConstraintViolation: 'PropertyConstraintViolation',
  ProtocolError: 'ProtocolError',
  RpcFrameworkError: 'FormationViolation',
  SecurityError: 'SecurityError',
  TypeConstraintViolation: 'TypeConstraintViolation',
};

// Both spellings are accepted from any peer: stations mix them up in the field, and being liberal
// on input costs nothing here.
const CANONICAL_BY_WIRE: ReadonlyMap<string, ErrorCode> = new Map<string, ErrorCode>([
  ...ERROR_CODES.map((c): [string, ErrorCode] => [c, c]),
  ['FormationViolation', 'FormatViolation'],
  ['OccurenceConstraintViolation', 'OccurrenceConstraintViolation'],
]);

/** Type guard for canonical {@link ErrorCode}s. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Spells a canonical code the way `version` writes it on the wire. */
export function toWireErrorCode(version: OcppVersion, code: ErrorCode): string {
  return version === '1.6' ? WIRE_1_6[code] : code;
}

/**
 * Reads a wire error code into its canonical form. Unknown codes come back as `GenericError`
 * with `known: false`, so the caller can keep the original text for logs.
 */
export function fromWireErrorCode(wire: string): { code: ErrorCode; known: boolean } {
  const code = CANONICAL_BY_WIRE.get(wire);
  return code === undefined ? { code: 'GenericError', known: false } : { code, known: true };
}

/** Whether `wire` is a code listed for `version` (exact spelling). */
export function isWireErrorCode(version: OcppVersion, wire: string): boolean {
  return WIRE_ERROR_CODES[version].includes(wire);
}
