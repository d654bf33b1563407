import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OcppError } from './ocpp-error.js';
import type { OcppVersion } from './ocpp-version.js';
import { toValidationError } from './schema-error-codes.js';
import { type JsonSchema, loadVersionSchemas, type MessageKind } from './schema-source.js';

/** A compiled payload validator (AJV); after a `false` result, `errors` says why. */
export type PayloadValidator = ValidateFunction;

/** Result of {@link validatePayload}. */
export type PayloadCheck =
  | { ok: true }
  | { ok: false; unknownAction: true; error?: undefined }
  | { ok: false; unknownAction: false; error: OcppError };

const ajvByVersion = new Map<OcppVersion, Ajv>();
const validators = new Map<string, PayloadValidator>();

function ajvFor(version: OcppVersion): Ajv {
  let ajv = ajvByVersion.get(version);
  if (ajv === undefined) {
    ajv = new Ajv({
      // The OCA schemas carry non-standard keywords (javaType, comment): strict mode off.
      strict: false,
      allErrors: false,
      coerceTypes: false,
      useDefaults: false,
      removeAdditional: false,
      // 1.6 SetChargingProfile uses multipleOf 0.1; without a precision 16.3 fails (float error).
      multipleOfPrecision: 9,
      validateSchema: false,
    });
    addFormats(ajv);
    ajvByVersion.set(version, ajv);
  }
  return ajv;
}

function schemaFor(version: OcppVersion, action: string, kind: MessageKind): JsonSchema | undefined {
  const set = loadVersionSchemas(version);
  return (kind === 'request' ? set.requests : set.responses).get(action);
}

/**
 * The validator for one message, compiled on first use and cached per (version, action, kind).
 * `undefined` when the version has no such message (unknown action, or `response` of a SEND).
 */
export function getValidator(version: OcppVersion, action: string, kind: MessageKind): PayloadValidator | undefined {
  const key = `${version}\u0000${kind}\u0000${action}`;
  const hit = validators.get(key);
  if (hit !== undefined) return hit;
  const schema = schemaFor(version, action, kind);
  if (schema === undefined) return undefined;
  const validator = ajvFor(version).compile(schema);
  validators.set(key, validator);
  return validator;
}

/** The raw (patched) JSON schema of one message, for tooling. */
export function getSchema(version: OcppVersion, action: string, kind: MessageKind): JsonSchema | undefined {
  return schemaFor(version, action, kind);
}

/** Every action `version` defines (CALL actions, and in 2.1 the SEND-only ones), sorted. */
export function knownActions(version: OcppVersion): readonly string[] {
  return [...loadVersionSchemas(version).requests.keys()].sort();
}

/** Whether `action` is a CALL action of `version` (has request and response schemas). */
export function isCallAction(version: OcppVersion, action: string): boolean {
  const set = loadVersionSchemas(version);
  return set.requests.has(action) && set.responses.has(action);
}

/** Whether `action` is a 2.1 SEND (unconfirmed) message, e.g. NotifyPeriodicEventStream. */
export function isSendAction(version: OcppVersion, action: string): boolean {
  return loadVersionSchemas(version).sendActions.has(action);
}

/**
 * Validates a payload against the official schema, returning the OCPP error it earns
 * (see {@link toValidationError}) or `unknownAction` when the version has no such message.
 */
export function validatePayload(
  version: OcppVersion,
  action: string,
  kind: MessageKind,
  payload: unknown,
): PayloadCheck {
  const validate = getValidator(version, action, kind);
  if (validate === undefined) return { ok: false, unknownAction: true };
  if (validate(payload)) return { ok: true };
  return { ok: false, unknownAction: false, error: toValidationError(action, kind, validate.errors ?? []) };
}

/**
 * Compiles every validator of the given versions now instead of on first use (e.g. at gateway
 * start). Returns how many validators exist and how long it took.
 */
export function precompileValidators(versions: readonly OcppVersion[]): { count: number; ms: number } {
  const start = performance.now();
  let count = 0;
  for (const version of versions) {
    const set = loadVersionSchemas(version);
    for (const action of set.requests.keys()) if (getValidator(version, action, 'request')) count++;
    for (const action of set.responses.keys()) if (getValidator(version, action, 'response')) count++;
  }
  return { count, ms: performance.now() - start };
}
