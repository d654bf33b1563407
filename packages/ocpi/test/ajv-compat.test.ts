/**
 * The api app hands these schemas to fastify, whose validator is Ajv (draft-07). Every exported
 * schema must compile in Ajv's strict mode and agree with parseOcpi on the conditional rules.
 * Ajv is not a dependency of this package; the test is skipped when it cannot be loaded.
 */
import { describe, expect, it } from 'vitest';
import * as ocpi from '../src/index.js';
import { cdr, location } from './builders.js';

type AjvInstance = { compile(schema: object): unknown; validate(schema: object, data: unknown): boolean };
type AjvClass = new (options: object) => AjvInstance;

async function loadAjv(): Promise<AjvClass | undefined> {
  const specifier = 'ajv';
  try {
    const module = (await import(specifier)) as { default: AjvClass | { default: AjvClass } };
    return 'default' in module.default ? module.default.default : module.default;
  } catch {
    return undefined;
  }
}

const Ajv = await loadAjv();

describe.skipIf(Ajv === undefined)('Ajv compatibility', () => {
  it('every exported schema compiles in strict mode', () => {
    const ajv = new (Ajv as AjvClass)({ strict: true, allErrors: true });
    const schemas = Object.entries(ocpi).filter(
      ([, value]) => typeof value === 'object' && value !== null && ('type' in value || 'enum' in value),
    );
    expect(schemas.length).toBeGreaterThan(60);
    for (const [name, schema] of schemas) {
      expect(() => ajv.compile(schema as object), name).not.toThrow();
    }
  });

  it('enforces the same conditional rules', () => {
    const ajv = new (Ajv as AjvClass)({ strict: true });
    expect(ajv.validate(ocpi.Location, location())).toBe(true);
    expect(ajv.validate(ocpi.CDR, cdr({ credit: true }))).toBe(false);
    expect(ajv.validate(ocpi.CDR, cdr({ credit: true, credit_reference_id: 'CDR-0' }))).toBe(true);
    expect(ajv.validate(ocpi.PublishTokenType, { issuer: 'x' })).toBe(false);
    expect(ajv.validate(ocpi.PublishTokenType, { uid: 'x' })).toBe(false);
    expect(ajv.validate(ocpi.Hours, { twentyfourseven: false, regular_hours: [] })).toBe(false);
    expect(ajv.validate(ocpi.TokenPatch, { valid: false })).toBe(false);
  });
});
