import type { OcppVersion } from './ocpp-version.js';

/** One correction applied to a schema as shipped by the npm package. */
export interface SchemaPatch {
  readonly version: OcppVersion;
  /** Schema name as in the official OCA file set, e.g. `MeterValues` (1.6 request) or `XResponse`. */
  readonly schema: string;
  /** Property path from the schema root, e.g. `['properties', 'meterValue', 'minItems']`. */
  readonly path: readonly string[];
  /** `set` writes the keyword; `append` adds a value to the array at `path`. */
  readonly op: 'set' | 'append';
  readonly value: unknown;
  /** Where the official content says so. */
  readonly why: string;
}

const SAMPLED_VALUE = ['properties', 'meterValue', 'items', 'properties', 'sampledValue'];

/**
 * Where the schemas shipped in `ocpp-rpc` differ from the official OCA JSON schemas in
 * validation-relevant content (found by diffing against the OCA file set, see
 * test/schema-source.test.ts). Everything else (titles, ids, `$schema`, descriptions,
 * `additionalProperties` on string enums) is a validation no-op and is left alone.
 */
export const SCHEMA_PATCHES: readonly SchemaPatch[] = [
  {
    version: '1.6',
    schema: 'MeterValues',
    path: ['properties', 'meterValue', 'minItems'],
    op: 'set',
    value: 1,
    why: 'OCPP 1.6 ed.2 §6.31 MeterValues.req: meterValue is 1..*',
  },
  {
    version: '1.6',
    schema: 'MeterValues',
    path: [...SAMPLED_VALUE, 'minItems'],
    op: 'set',
    value: 1,
    why: 'OCPP 1.6 ed.2 §7.33 MeterValue: sampledValue is 1..*',
  },
  {
    version: '1.6',
    schema: 'MeterValues',
    path: [...SAMPLED_VALUE, 'items', 'properties', 'unit', 'enum'],
    op: 'append',
    value: 'Hertz',
    why: 'OCPP 1.6 errata §3.84 (spec §7.45): the UnitOfMeasure of measurand Frequency is Hertz',
  },
  {
    version: '2.0.1',
    schema: 'Get15118EVCertificateResponse',
    path: ['properties', 'exiResponse', 'maxLength'],
    op: 'set',
    value: 7500,
    why: 'OCA 2.0.1 JSON schemas (current release): exiResponse is string[7500]',
  },
];

/** Applies the patches of `version` to `schema` (named as in {@link SchemaPatch.schema}) in place. */
export function applySchemaPatches(version: OcppVersion, name: string, schema: Record<string, unknown>): void {
  for (const patch of SCHEMA_PATCHES) {
    if (patch.version !== version || patch.schema !== name) continue;
    let node: Record<string, unknown> = schema;
    for (const key of patch.path.slice(0, -1)) {
      const next = node[key];
      if (typeof next !== 'object' || next === null) throw new Error(`schema patch path missing: ${name} ${key}`);
      node = next as Record<string, unknown>;
    }
    const last = patch.path[patch.path.length - 1];
    if (patch.op === 'set') {
      node[last] = patch.value;
    } else {
      const list = node[last];
      if (!Array.isArray(list)) throw new Error(`schema patch target is not an array: ${name} ${last}`);
      if (!list.includes(patch.value)) list.push(patch.value);
    }
  }
}
