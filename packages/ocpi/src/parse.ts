/**
 * Validation of OCPI payloads against the schemas, with messages that name the JSON path of
 * the offending field. A failed parse of a request body is what an OCPI server answers with
 * status 2001 (status_codes §2xxx).
 */
import type { Static, TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import type { TLocalizedValidationError } from 'typebox/error';
import { OcpiError } from './ocpi-error.js';
import { DATE_TIME_PATTERN } from './schemas/types.schema.js';

/** Result of {@link parseOcpi}. */
export type OcpiParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Options of {@link parseOcpi}. */
export interface ParseOcpiOptions {
  /**
   * Treat `null` object properties as absent (a copy is returned). Off by default: the spec
   * has no `null` values, but some partners send them for optional fields.
   */
  nullAsAbsent?: boolean;
  /** Maximum number of problems listed in the message; default 3. */
  maxProblems?: number;
  /** JSON path naming the value itself in messages; default `$`. */
  rootPath?: string;
}

const validators = new WeakMap<TSchema, Validator>();

function validatorFor(schema: TSchema): Validator {
  let validator = validators.get(schema);
  if (validator === undefined) {
    validator = Compile(schema) as unknown as Validator;
    validators.set(schema, validator);
  }
  return validator;
}

/**
 * Validates `value` against `schema`. Unknown fields are accepted and kept; the value is
 * returned as is (not copied) unless `nullAsAbsent` is set.
 */
export function parseOcpi<T extends TSchema>(
  schema: T,
  value: unknown,
  options: ParseOcpiOptions = {},
): OcpiParseResult<Static<T>> {
  const input = options.nullAsAbsent ? dropNulls(value) : value;
  const validator = validatorFor(schema);
  if (validator.Check(input)) return { ok: true, value: input as Static<T> };
  const problems = describeErrors(schema, input, validator.Errors(input), options.rootPath ?? '$');
  const max = options.maxProblems ?? 3;
  const shown = problems.slice(0, max);
  const more = problems.length > max ? ` (and ${problems.length - max} more)` : '';
  return { ok: false, message: `${shown.join('; ')}${more}` };
}

/** Like {@link parseOcpi} but throws {@link OcpiError} 2001 (HTTP 200) with the message. */
export function parseOcpiOrThrow<T extends TSchema>(schema: T, value: unknown, options?: ParseOcpiOptions): Static<T> {
  const result = parseOcpi(schema, value, options);
  if (!result.ok) throw OcpiError.invalidParameters(`Invalid or missing parameters: ${result.message}`);
  return result.value;
}

/** Formats a JSON pointer (`/evses/0/uid`) as a JSON path (`$.evses[0].uid`). */
export function jsonPath(pointer: string, root = '$'): string {
  if (pointer === '') return root;
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, key) =>
        /^[0-9]+$/.test(key)
          ? `${path}[${key}]`
          : /^[A-Za-z_][A-Za-z0-9_]*$/.test(key)
            ? `${path}.${key}`
            : `${path}[${JSON.stringify(key)}]`,
      root,
    );
}

function childPath(pointer: string, key: string, root: string): string {
  return jsonPath(`${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, root);
}

function dropNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null) out[key] = dropNulls(item);
  }
  return out;
}

function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '#') return root;
  let node: unknown = root;
  for (const raw of pointer.replace(/^#/, '').split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

const patternNames: Record<string, string> = {
  [DATE_TIME_PATTERN]: 'an OCPI DateTime in UTC such as 2015-06-29T20:39:09Z',
  '^[\\x20-\\x7E]*$': 'printable ASCII only (CiString)',
  '^[\\x21-\\x7E]+$': 'printable ASCII without spaces',
  '^([0-1][0-9]|2[0-3]):[0-5][0-9]$': 'a time of day HH:MM',
  '^-?[0-9]{1,2}\\.[0-9]{5,7}$': 'a latitude with 5 to 7 decimals, e.g. 51.047599',
  '^-?[0-9]{1,3}\\.[0-9]{5,7}$': 'a longitude with 5 to 7 decimals, e.g. 3.729944',
};

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function listValues(values: readonly unknown[]): string {
  const listed = values.slice(0, 12).map(String).join(', ');
  return values.length > 12 ? `${listed}, ...` : listed;
}

function describeErrors(schema: TSchema, value: unknown, errors: TLocalizedValidationError[], root: string): string[] {
  // Sub-errors of an anyOf branch are summarised by the anyOf error itself.
  const relevant = errors.filter((e) => !/\/anyOf\/[0-9]+/.test(e.schemaPath));
  const messages = relevant.flatMap((error) => describeError(schema, value, error, root));
  return [...new Set(messages)];
}

function describeError(
  schema: TSchema,
  value: unknown,
  error: TLocalizedValidationError,
  root: string,
): string | string[] {
  const at = jsonPath(error.instancePath, root);
  const actual = resolvePointer(value, error.instancePath);
  switch (error.keyword) {
    case 'required':
      return error.params.requiredProperties.map(
        (key) => `${childPath(error.instancePath, key, root)}: missing required field`,
      );
    case 'type':
      return `${at}: must be ${String(error.params.type)}, got ${typeOf(actual)}`;
    case 'enum':
      return `${at}: must be one of ${listValues(error.params.allowedValues)}, got ${shown(actual)}`;
    case 'const':
      return `${at}: must be ${JSON.stringify(error.params.allowedValue)}`;
    case 'maxLength':
      return `${at}: must be at most ${error.params.limit} characters`;
    case 'minLength':
      return `${at}: must be at least ${error.params.limit} characters`;
    case 'pattern': {
      const pattern = String(error.params.pattern);
      const expected = patternNames[pattern] ?? `a string matching ${pattern}`;
      // Credentials tokens are secrets: never echo them into messages (and logs).
      return at.endsWith('.token') ? `${at}: must be ${expected}` : `${at}: must be ${expected}, got ${shown(actual)}`;
    }
    case 'minItems':
      return `${at}: must have at least ${error.params.limit} item(s)`;
    case 'maxItems':
      return `${at}: must have at most ${error.params.limit} item(s)`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${at}: must be ${error.params.comparison} ${String(error.params.limit)}`;
    case 'dependencies':
    case 'dependentRequired':
      return `${at}: ${error.params.dependencies.join(', ')} required when ${error.params.property} is set`;
    case 'anyOf':
      return `${at}: ${describeAnyOf(resolvePointer(schema, error.schemaPath))}`;
    case 'if':
      return `${at}: ${describeConditional(resolvePointer(schema, error.schemaPath))}`;
    default:
      return `${at}: ${error.message}`;
  }
}

function describeAnyOf(schema: unknown): string {
  const branches = (schema as { anyOf?: unknown[] } | undefined)?.anyOf ?? [];
  const required = branches.map((b) => (b as { required?: string[] }).required);
  if (required.length > 0 && required.every((r) => Array.isArray(r) && r.length === 1)) {
    return `must contain at least one of ${required.map((r) => r?.[0]).join(', ')}`;
  }
  return 'does not match any of the allowed forms';
}

function describeConditional(schema: unknown): string {
  const node = schema as
    | { if?: { properties?: Record<string, { const?: unknown }> }; then?: { required?: string[] } }
    | undefined;
  const condition = Object.entries(node?.if?.properties ?? {})
    .map(([key, rule]) => `${key} is ${JSON.stringify(rule.const)}`)
    .join(' and ');
  const required = node?.then?.required ?? [];
  if (required.length > 0 && condition !== '') {
    return `${required.join(', ')} must be present and non-empty when ${condition}`;
  }
  return 'does not satisfy a conditional rule';
}
