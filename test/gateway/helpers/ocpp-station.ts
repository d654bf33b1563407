import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createValidator, RPCClient } from 'ocpp-rpc';

type ClientOptions = ConstructorParameters<typeof RPCClient>[0];
type Json = Record<string, unknown>;
const require = createRequire(import.meta.url);

/** Drops `additionalProperties` from string schemas (makes ocpp-rpc's AJV warn otherwise). */
function quiet(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(quiet);
  if (typeof node !== 'object' || node === null) return node;
  const o = node as Json;
  const out = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, quiet(v)]));
  if (o.type === 'string') delete out.additionalProperties;
  return out;
}

let validator21: ReturnType<typeof createValidator> | undefined;
/** ocpp-rpc 2.2.1 looks up `urn:X.req` but ships 2.1 schemas as `urn:XRequest` (toolchain-notes.md): remap. */
function ocpp21Validator() {
  if (validator21) return validator21;
  const list = JSON.parse(readFileSync(require.resolve('ocpp-rpc/lib/schemas/ocpp2_1.json'), 'utf8')) as Json[];
  validator21 = createValidator(
    'ocpp2.1',
    list.map((s) => ({
      ...(quiet(s) as Json),
      $id: String(s.$id)
        .replace(/^urn:(.*)Request$/, 'urn:$1.req')
        .replace(/^urn:(.*)Response$/, 'urn:$1.conf'),
    })),
  );
  return validator21;
}

export type StationVersion = '1.6' | '2.0.1' | '2.1';

/** An independent OCPP station client (ocpp-rpc) in strict mode: it validates what we send it. */
export function ocppStation(options: {
  url: string;
  identity: string;
  version: StationVersion;
  password?: string;
  extra?: Partial<ClientOptions>;
}): RPCClient {
  const client: Partial<ClientOptions> = {
    endpoint: options.url,
    identity: options.identity,
    protocols: [`ocpp${options.version}`],
    strictMode: true,
    strictModeValidators: options.version === '2.1' ? [ocpp21Validator()] : [],
    reconnect: false,
    callTimeoutMs: 10_000,
    ...(options.password ? { password: options.password } : {}),
    ...options.extra,
  };
  return new RPCClient(client as ClientOptions);
}
