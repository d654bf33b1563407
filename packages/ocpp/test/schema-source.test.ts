/**
 * The schemas we validate with (npm package content + our documented corrections) must say the same
 * as the official OCA JSON schemas kept in shared/specs. Only validation-relevant content is
 * compared: ids, titles, `$schema`, descriptions and `additionalProperties` on non-object
 * nodes (a no-op) differ between the distributions and are ignored.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  knownActions,
  loadVersionSchemas,
  type OcppVersion,
  officialSchemaName,
  SCHEMA_FILES,
  SCHEMA_PATCHES,
} from '../src/index.js';

const require = createRequire(import.meta.url);

const SPECS =
  process.env.OCPP_SPEC_DIR ?? fileURLToPath(new URL('../../../../shared/specs/ocpp/schemas/', import.meta.url));
const DIRS: Record<OcppVersion, string> = { '1.6': 'v16', '2.0.1': 'v201', '2.1': 'v21' };
const IGNORED = new Set(['$schema', '$id', '$comment', 'comment', 'title', 'description', 'javaType']);
const haveSpecs = existsSync(SPECS);

function normalise(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalise);
  if (typeof node !== 'object' || node === null) return node;
  const o = node as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Sorted keys: the distributions order keywords differently.
  for (const [k, v] of Object.entries(o).sort(([a], [b]) => a.localeCompare(b))) {
    if (IGNORED.has(k)) continue;
    // Property names live under properties/definitions and must survive even if they look like keywords.
    out[k] =
      k === 'properties' || k === 'definitions'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([n, s]) => [n, normalise(s)]),
          )
        : normalise(v);
  }
  const isObjectSchema = o.type === 'object' || 'properties' in o;
  if (!isObjectSchema) delete out.additionalProperties;
  if (!Array.isArray(o.items)) delete out.additionalItems;
  return out;
}

describe.skipIf(!haveSpecs)('schema content matches the official OCA schemas', () => {
  for (const version of ['1.6', '2.0.1', '2.1'] as const) {
    it(`OCPP ${version}: same message set, same validation content`, () => {
      const dir = join(SPECS, DIRS[version]);
      const official = readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.slice(0, -5))
        .sort();
      const set = loadVersionSchemas(version);
      const ours = new Map<string, unknown>();
      for (const action of knownActions(version)) {
        ours.set(officialSchemaName(version, action, 'request'), set.requests.get(action));
        const response = set.responses.get(action);
        if (response !== undefined) ours.set(officialSchemaName(version, action, 'response'), response);
      }
      expect([...ours.keys()].sort()).toEqual(official);
      const differing = official.filter((name) => {
        const theirs = JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as unknown;
        return JSON.stringify(normalise(theirs)) !== JSON.stringify(normalise(ours.get(name)));
      });
      expect(differing).toEqual([]);
    });
  }

  it('every correction matches the official schema and is still needed', () => {
    const at = (root: unknown, path: readonly string[]) =>
      path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
    for (const patch of SCHEMA_PATCHES) {
      const official = JSON.parse(readFileSync(join(SPECS, DIRS[patch.version], `${patch.schema}.json`), 'utf8'));
      const shipped = shippedSchema(patch.version, patch.schema);
      if (patch.op === 'set') {
        expect(at(official, patch.path), patch.why).toEqual(patch.value);
        // If ocpp-rpc fixes its schemas, the patch is a no-op and should go.
        expect(at(shipped, patch.path), patch.why).not.toEqual(patch.value);
      } else {
        expect(at(official, patch.path), patch.why).toContain(patch.value);
        expect(at(shipped, patch.path), patch.why).not.toContain(patch.value);
      }
    }
  });
});

/** A schema exactly as ocpp-rpc ships it, found by its rewritten `$id`. */
function shippedSchema(version: OcppVersion, officialName: string): unknown {
  const list = JSON.parse(readFileSync(require.resolve(SCHEMA_FILES[version]), 'utf8')) as Array<{ $id: string }>;
  const base = officialName.replace(/(Request|Response)$/, '');
  const id =
    version === '2.1' ? `urn:${officialName}` : `urn:${base}.${officialName.endsWith('Response') ? 'conf' : 'req'}`;
  return list.find((s) => s.$id === id);
}

if (!haveSpecs) {
  // CI without shared/: say so in the report instead of silently passing.
  it.skip('skipped: no shared specs', () => {});
}
