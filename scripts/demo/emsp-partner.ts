/**
 * The demo's eMSP: a separate process speaking OCPI 2.2.1 to the hub as a real partner would.
 *
 *   node --import tsx scripts/demo/emsp-partner.ts --versions-url URL --token-a TOKEN --tokens A,B,C [--port N]
 *
 * Serves its versions / version details (credentials SENDER, tokens SENDER for real-time
 * authorization, sessions / CDRs / locations RECEIVER), registers with the hub from token A
 * (credentials §POST), pushes its tokens (mod_tokens, receiver side of the hub), then records what
 * the hub sends. Progress goes to stdout as JSON lines; on SIGTERM it prints `{ "summary": … }`.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

const COUNTRY = 'DE';
const PARTY = 'DMO';
const { values } = parseArgs({
  options: {
    'versions-url': { type: 'string' },
    'token-a': { type: 'string' },
    tokens: { type: 'string' },
    port: { type: 'string' },
  },
});
const versionsUrl = values['versions-url'];
const tokenA = values['token-a'];
if (!versionsUrl || !tokenA) {
  process.stderr.write('usage: emsp-partner.ts --versions-url URL --token-a TOKEN --tokens A,B,C\n');
  process.exit(2);
}
const uids = (values.tokens ?? 'DEMO0001').split(',');
const tokenB = randomBytes(24).toString('hex');
let hubToken = '';
let base = '';

const emit = (event: string, data: Record<string, unknown> = {}) =>
  process.stdout.write(`${JSON.stringify({ event, ...data })}\n`);
const b64 = (token: string) => `Token ${Buffer.from(token).toString('base64')}`;

/** What the hub sent us. */
const received = {
  authorizations: 0,
  sessionPuts: 0,
  sessionPatches: 0,
  sessions: new Map<string, { status: string; kwh: number; total_cost?: unknown }>(),
  cdrs: [] as Array<{ id: string; total_cost: unknown; total_energy: number; currency: string }>,
  locationPushes: 0,
  other: 0,
};

function token(uid: string, whitelist: string) {
  return {
    country_code: COUNTRY,
    party_id: PARTY,
    uid,
    type: 'RFID',
    contract_id: `${COUNTRY}-${PARTY}-C${uid}`,
    issuer: 'Demo eMSP',
    valid: true,
    whitelist,
    last_updated: new Date().toISOString(),
  };
}
/** Every other token is checked in real time (ALLOWED), the rest is ALWAYS allowed. */
const whitelistOf = (uid: string) => (uids.indexOf(uid) % 2 === 0 ? 'ALWAYS' : 'ALLOWED');

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let raw = '';
  for await (const chunk of req) raw += chunk;
  const send = (status: number, data?: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(
      JSON.stringify({
        ...(data !== undefined ? { data } : {}),
        status_code: status < 300 ? 1000 : 2001,
        timestamp: new Date().toISOString(),
      }),
    );
  const auth = req.headers.authorization ?? '';
  if (auth !== b64(tokenB) && auth !== `Token ${tokenB}`) return void send(401);
  const url = new URL(req.url ?? '/', base);
  const path = url.pathname;
  if (path === '/versions') return void send(200, [{ version: '2.2.1', url: `${base}/2.2.1` }]);
  if (path === '/2.2.1') {
    const ep = (identifier: string, role: string) => ({ identifier, role, url: `${base}/2.2.1/${identifier}` });
    return void send(200, {
      version: '2.2.1',
      endpoints: [
        ep('credentials', 'SENDER'),
        ep('tokens', 'SENDER'),
        ep('sessions', 'RECEIVER'),
        ep('cdrs', 'RECEIVER'),
        ep('locations', 'RECEIVER'),
      ],
    });
  }
  const body = raw ? JSON.parse(raw) : undefined;
  const authorize = /^\/2\.2\.1\/tokens\/([^/]+)\/authorize$/.exec(path);
  if (authorize && req.method === 'POST') {
    const uid = decodeURIComponent(authorize[1] as string);
    received.authorizations++;
    emit('authorize', { uid });
    if (!uids.includes(uid)) return void send(404);
    return void send(200, {
      allowed: 'ALLOWED',
      token: token(uid, 'ALLOWED'),
      authorization_reference: `AUTH-${uid}-${received.authorizations}`,
    });
  }
  if (path === '/2.2.1/tokens' && req.method === 'GET')
    return void send(
      200,
      uids.map((u) => token(u, whitelistOf(u))),
    );
  if (path.startsWith('/2.2.1/sessions/')) {
    const id = path.split('/').pop() as string;
    const prev = received.sessions.get(id);
    const next = { ...(prev ?? { status: '', kwh: 0 }), ...(body ?? {}) };
    received.sessions.set(id, { status: next.status, kwh: next.kwh, total_cost: next.total_cost });
    if (req.method === 'PUT') received.sessionPuts++;
    else received.sessionPatches++;
    if (req.method === 'PUT' || body?.status === 'COMPLETED')
      emit(`session ${req.method}`, { id, status: next.status });
    return void send(200);
  }
  if (path.startsWith('/2.2.1/cdrs') && req.method === 'POST') {
    received.cdrs.push({
      id: body.id,
      total_cost: body.total_cost,
      total_energy: body.total_energy,
      currency: body.currency,
    });
    emit('cdr', { id: body.id, total_cost: body.total_cost, total_energy: body.total_energy });
    return void send(201, undefined, { location: `${base}/2.2.1/cdrs/${encodeURIComponent(body.id)}` });
  }
  if (path.startsWith('/2.2.1/locations')) received.locationPushes++;
  else received.other++;
  send(200);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: Error) => {
    emit('error', { message: error.message });
    if (!res.headersSent) res.writeHead(500).end();
  });
});
await new Promise<void>((resolve) => server.listen(Number(values.port ?? 0), '127.0.0.1', resolve));
base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
emit('listening', { url: `${base}/versions` });

// Registration from token A (credentials §Registration): versions → details → POST credentials.
const get = async (url: string, tok: string) =>
  (await (await fetch(url, { headers: { authorization: b64(tok) } })).json()) as any;
const versions = await get(versionsUrl, tokenA);
const details = await get(versions.data.find((v: { version: string }) => v.version === '2.2.1').url, tokenA);
const endpoints = details.data.endpoints as Array<{ identifier: string; role: string; url: string }>;
const credentialsUrl = endpoints.find((e) => e.identifier === 'credentials')?.url as string;
const registered = (await (
  await fetch(credentialsUrl, {
    method: 'POST',
    headers: { authorization: b64(tokenA), 'content-type': 'application/json' },
    body: JSON.stringify({
      token: tokenB,
      url: `${base}/versions`,
      roles: [{ role: 'EMSP', country_code: COUNTRY, party_id: PARTY, business_details: { name: 'Demo eMSP' } }],
    }),
  })
).json()) as any;
if (registered.status_code !== 1000) {
  emit('error', { message: `registration failed: ${JSON.stringify(registered)}` });
  process.exit(1);
}
hubToken = registered.data.token;
emit('registered', { hub: registered.data.roles?.map((r: { party_id: string }) => r.party_id) });

// Push our tokens to the hub's tokens RECEIVER (mod_tokens §PUT), found in the hub's version details.
const hubDetails = await get(versions.data.find((v: { version: string }) => v.version === '2.2.1').url, hubToken);
const tokensUrl = (hubDetails.data.endpoints as typeof endpoints).find(
  (e) => e.identifier === 'tokens' && e.role === 'RECEIVER',
)?.url;
let pushed = 0;
for (const uid of uids) {
  const response = await fetch(`${tokensUrl}/${COUNTRY}/${PARTY}/${uid}`, {
    method: 'PUT',
    headers: { authorization: b64(hubToken), 'content-type': 'application/json' },
    body: JSON.stringify(token(uid, whitelistOf(uid))),
  });
  if (response.ok) pushed++;
}
emit('tokens', { pushed, of: uids.length });

process.on('SIGTERM', () => {
  const completed = [...received.sessions.values()].filter((s) => s.status === 'COMPLETED').length;
  process.stdout.write(
    `${JSON.stringify({
      summary: {
        authorizations: received.authorizations,
        sessions: received.sessions.size,
        sessionsCompleted: completed,
        sessionPuts: received.sessionPuts,
        sessionPatches: received.sessionPatches,
        cdrs: received.cdrs,
        locationPushes: received.locationPushes,
        other: received.other,
      },
    })}\n`,
  );
  server.close();
  process.exit(0);
});
