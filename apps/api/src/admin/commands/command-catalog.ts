import { getSchema, type JsonSchema, knownActions, type OcppVersion, validatePayload } from '@chargebridge/ocpp';
import { COMMON_ACTIONS, csmsActions } from './command-actions.js';
import { commandExample } from './command-examples.js';

/** A top-level field of a request, for a simple form (objects and arrays are edited as JSON). */
export interface CommandField {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';
  required: boolean;
  enum: string[] | null;
  format: string | null;
  description: string | null;
}

/** One command the hub can send to a station of some version. */
export interface CatalogEntry {
  action: string;
  /** One of the everyday commands (listed first). */
  common: boolean;
  /** The versions (of those asked for) that define it. */
  versions: OcppVersion[];
  fields: CommandField[];
  /** A request to start from: hand-written for the common ones, a skeleton of the required fields otherwise. */
  example: Record<string, unknown>;
  /** The official OCA request schema (of the newest listed version). */
  schema: JsonSchema;
}

const VERSIONS: readonly OcppVersion[] = ['1.6', '2.0.1', '2.1'];

/** Follows a local `$ref` (`#/definitions/X`) of an OCA schema. */
function resolve(root: JsonSchema, node: JsonSchema): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) target = (target as Record<string, unknown> | undefined)?.[part];
  return (target as JsonSchema | undefined) ?? node;
}

/** The first line of an OCA description, without the "urn:x-oca" noise. */
function shortDescription(node: JsonSchema): string | null {
  if (typeof node.description !== 'string') return null;
  const lines = node.description
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('urn:'));
  const text = lines.at(-1);
  if (!text) return null;
  // OCA descriptions carry HTML entities and AsciiDoc cross-references (&lt;&lt;x,Label&gt;&gt;).
  const plain = text
    .replace(/&lt;&lt;[^&]*?,\s*([^&]*?)&gt;&gt;/g, '$1')
    .replace(/&lt;&lt;([^&]*?)&gt;&gt;/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\b_([^_]+)_\b/g, '$1');
  return plain.length > 200 ? `${plain.slice(0, 197)}…` : plain;
}

/** The request's top-level fields (vendor `customData` left out). */
export function commandFields(schema: JsonSchema): CommandField[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(properties)
    .filter(([name]) => name !== 'customData')
    .map(([name, raw]) => {
      const node = resolve(schema, raw);
      const type = typeof node.type === 'string' ? node.type : 'object';
      return {
        name,
        type: (['string', 'integer', 'number', 'boolean', 'object', 'array'].includes(type)
          ? type
          : 'object') as CommandField['type'],
        required: required.has(name),
        enum: Array.isArray(node.enum) ? node.enum.map(String) : null,
        format: typeof node.format === 'string' ? node.format : null,
        description: shortDescription(node) ?? shortDescription(raw),
      };
    });
}

/** A skeleton of the required fields: enum → first value, number → 0, string → "", objects recursively. */
export function skeleton(root: JsonSchema, node: JsonSchema = root, depth = 0): unknown {
  const n = resolve(root, node);
  if (Array.isArray(n.enum)) return n.enum[0];
  switch (n.type) {
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'string':
      return n.format === 'date-time' ? new Date().toISOString() : '';
    case 'array': {
      const items = n.items as JsonSchema | undefined;
      const min = typeof n.minItems === 'number' ? n.minItems : 0;
      return items && min > 0 && depth < 6 ? [skeleton(root, items, depth + 1)] : [];
    }
    default: {
      const properties = (n.properties ?? {}) as Record<string, JsonSchema>;
      const required = (n.required as string[] | undefined) ?? [];
      if (depth >= 6) return {};
      return Object.fromEntries(required.map((k) => [k, skeleton(root, properties[k] ?? {}, depth + 1)]));
    }
  }
}

/**
 * The commands for a station speaking `version`, common ones first then alphabetical. Without a
 * known version (never connected) the union of all versions, each entry naming its versions.
 */
export function commandCatalog(version: OcppVersion | null, now = new Date()): CatalogEntry[] {
  const versions = version ? [version] : VERSIONS;
  const entries = new Map<string, CatalogEntry>();
  for (const v of versions) {
    const known = new Set(knownActions(v));
    for (const action of csmsActions(v)) {
      const schema = getSchema(v, action, 'request');
      if (!known.has(action) || !schema) continue;
      const common = COMMON_ACTIONS[v].includes(action);
      const previous = entries.get(action);
      entries.set(action, {
        action,
        common: common || (previous?.common ?? false),
        versions: [...(previous?.versions ?? []), v],
        fields: commandFields(schema),
        example: commandExample(v, action, now) ?? (skeleton(schema) as Record<string, unknown>),
        schema,
      });
    }
  }
  const commonOrder = (a: string) => {
    for (const v of [...versions].reverse()) {
      const i = COMMON_ACTIONS[v].indexOf(a);
      if (i >= 0) return i;
    }
    return Number.MAX_SAFE_INTEGER;
  };
  return [...entries.values()].sort(
    (a, b) => commonOrder(a.action) - commonOrder(b.action) || a.action.localeCompare(b.action),
  );
}

/** Why a command is not valid for the station, or undefined when it is (checked before queueing). */
export function commandProblem(version: OcppVersion | null, action: string, payload: unknown): string | undefined {
  const versions = version ? [version] : VERSIONS;
  const candidates = versions.filter((v) => csmsActions(v).includes(action) && getSchema(v, action, 'request'));
  if (candidates.length === 0) {
    return version
      ? `${action} is not an OCPP ${version} command the hub can send`
      : `${action} is not an OCPP command the hub can send`;
  }
  const problems: string[] = [];
  for (const v of candidates) {
    const check = validatePayload(v, action, 'request', payload);
    if (check.ok) return undefined;
    problems.push(
      `payload is not a valid OCPP ${v} ${action} request${check.error ? `: ${check.error.description}` : ''}`,
    );
  }
  return problems.join('; ');
}
