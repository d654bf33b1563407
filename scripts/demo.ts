/**
 * `npm run demo`: the hub on embedded defaults (PGlite in a temporary DATA_DIR, in-process jobs,
 * free ports), a demo CPO with a location and a tariff (admin API), an eMSP partner process that
 * registers over OCPI from token A and pushes its tokens, and 20 simulated stations charging for a
 * short while; then the sessions and CDRs from the admin API and a summary. Ends by itself in
 * about 1.5 minutes, or on Ctrl-C; everything it started is stopped and the temp dir removed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(import.meta.dirname, '..');
const cli = resolve(root, 'apps/hub/bin/chargebridge.js');
const STATIONS = 20;
const RUN_S = Number(process.env.DEMO_SECONDS ?? 45);
const ADMIN_TOKEN = `demo-admin-${process.pid}-0123456789`;
const CPO = { cc: 'NL', pid: 'DEM' };
const TOKENS = Array.from({ length: 6 }, (_, i) => `DEMO${String(i + 1).padStart(4, '0')}`);

const children: ChildProcess[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'chargebridge-demo-'));
const say = (text: string) => process.stdout.write(`${text}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

function start(args: string[], env: Record<string, string>, name: string): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let tail = '';
  child.stderr?.on('data', (d: Buffer) => {
    tail = (tail + d.toString()).slice(-2000);
  });
  child.on('exit', (code, signal) => {
    if (!stopping && code !== 0)
      say(`  ! ${name} exited (${code ?? signal}): ${tail.trim().split('\n').slice(-3).join(' | ')}`);
  });
  return child;
}

let stopping = false;
async function stopAll(): Promise<void> {
  stopping = true;
  for (const child of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await once(child, 'exit');
    clearTimeout(timer);
  }
  rmSync(dataDir, { recursive: true, force: true });
}

process.on('SIGINT', () => {
  say('\ninterrupted — stopping the demo');
  void stopAll().then(() => process.exit(130));
});

async function until<T>(check: () => Promise<T | undefined> | T | undefined, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(250);
  }
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const [port, ocppPort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${port}`;
  say(`chargebridge demo — hub on embedded defaults (DATA_DIR ${dataDir})`);
  start([cli, 'start'], { DATA_DIR: dataDir, PORT: String(port), OCPP_PORT: String(ocppPort), ADMIN_TOKEN }, 'hub');
  await until(
    () =>
      fetch(`${base}/health/ready`).then(
        (r) => r.ok || undefined,
        () => undefined,
      ),
    90_000,
    'hub ready',
  );
  say(`  hub ready in ${((Date.now() - t0) / 1000).toFixed(1)} s: API ${base}, OCPP ws://127.0.0.1:${ocppPort}/ocpp`);

  const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
  const admin = async (method: string, path: string, body?: object) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json().catch(() => ({}))) as any;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  // A demo CPO with a location and a tariff (0.50 start fee, 0.35/kWh, 2.00/h parking; 21 % VAT).
  await admin('PUT', `/parties/${CPO.cc}/${CPO.pid}`, { name: 'Demo CPO', roles: ['CPO'] });
  const now = new Date().toISOString();
  await admin('PUT', `/tariffs/${CPO.cc}/${CPO.pid}/DEMO-AC`, {
    country_code: CPO.cc,
    party_id: CPO.pid,
    id: 'DEMO-AC',
    currency: 'EUR',
    elements: [
      {
        price_components: [
          { type: 'FLAT', price: 0.5, vat: 21, step_size: 1 },
          { type: 'ENERGY', price: 0.35, vat: 21, step_size: 1 },
          { type: 'PARKING_TIME', price: 2, vat: 21, step_size: 60 },
        ],
      },
    ],
    last_updated: now,
  });
  await admin('PUT', `/locations/${CPO.cc}/${CPO.pid}/DEMO-LOC`, {
    country_code: CPO.cc,
    party_id: CPO.pid,
    id: 'DEMO-LOC',
    publish: true,
    name: 'Demo charging plaza',
    address: 'Stationsplein 1',
    city: 'Utrecht',
    postal_code: '3511ED',
    country: 'NLD',
    coordinates: { latitude: '52.08950', longitude: '5.11010' },
    time_zone: 'Europe/Amsterdam',
    parking_type: 'PARKING_LOT',
    last_updated: now,
  });
  const identities = Array.from({ length: STATIONS }, (_, i) => `DEMO${String(i + 1).padStart(5, '0')}`);
  for (const identity of identities) {
    await admin('PUT', `/stations/${identity}`, {
      country_code: CPO.cc,
      party_id: CPO.pid,
      location_id: 'DEMO-LOC',
      security_profile: 0,
      tariff_ids: ['DEMO-AC'],
    });
  }
  say(`  demo CPO ${CPO.cc}-${CPO.pid}: location DEMO-LOC, tariff DEMO-AC, ${STATIONS} stations provisioned`);

  // The eMSP registers with us from token A, as a real partner would, and pushes its tokens.
  const invite = await admin('POST', '/partners', { name: 'Demo eMSP' });
  const emsp = start(
    [
      '--import',
      'tsx',
      'scripts/demo/emsp-partner.ts',
      '--versions-url',
      invite.versions_url,
      '--token-a',
      invite.token_a,
      '--tokens',
      TOKENS.join(','),
    ],
    {},
    'eMSP',
  );
  const events: Array<Record<string, any>> = [];
  let summary: Record<string, any> | undefined;
  createInterface({ input: emsp.stdout! }).on('line', (line) => {
    try {
      const value = JSON.parse(line);
      if (value.summary) summary = value.summary;
      else events.push(value);
    } catch {}
  });
  const pushed = await until(() => events.find((e) => e.event === 'tokens'), 60_000, 'eMSP registered, tokens pushed');
  const partner = await admin('GET', `/partners/${invite.id}`);
  say(
    `  eMSP DE-DMO registered over OCPI (${partner.status}, ${partner.endpoints?.length ?? 0} endpoints), ` +
      `pushed ${pushed.pushed}/${pushed.of} tokens (${TOKENS.join(', ')}; odd ones ALWAYS, even ones real-time)`,
  );

  // 20 stations of mixed protocol versions, charging with the eMSP's tokens for RUN_S seconds.
  say(`  starting ${STATIONS} simulated stations (OCPP 1.6 / 2.0.1 / 2.1) for ${RUN_S} s …`);
  const sim = start(
    [
      cli,
      'simulate',
      '--url',
      `ws://127.0.0.1:${ocppPort}/ocpp`,
      '--stations',
      String(STATIONS),
      '--protocol',
      'mix',
      '--id-prefix',
      'DEMO',
      '--connectors',
      '1',
      '--ramp',
      '10',
      '--tokens',
      TOKENS.join(','),
      '--session',
      '8-15',
      '--idle',
      '2-6',
      '--meter-interval',
      '3',
      '--duration',
      String(RUN_S),
      '--drain',
      '15',
    ],
    {},
    'simulator',
  );
  let simOut = '';
  sim.stdout?.on('data', (d: Buffer) => {
    simOut += d.toString();
  });
  const online = await until(
    async () => {
      const list = await admin('GET', '/stations?limit=100');
      const n = (list.items as Array<{ online: boolean }>).filter((s) => s.online).length;
      return n >= STATIONS ? n : undefined;
    },
    60_000,
    'stations online',
  ).catch(() => undefined);
  say(`  stations online: ${online ?? 'not all'} of ${STATIONS}`);
  await once(sim, 'exit');
  const simSummary = (() => {
    const at = simOut.indexOf('{');
    try {
      return at >= 0 ? JSON.parse(simOut.slice(at)) : undefined;
    } catch {
      return undefined;
    }
  })();

  // CDRs are written when transactions end (after their last meter values): give the worker a moment.
  const transactions = await admin('GET', '/transactions?limit=1');
  const completed = await admin('GET', '/transactions?status=completed&limit=1');
  await until(
    async () => ((await admin('GET', '/cdrs?limit=1')).total >= completed.total ? true : undefined),
    20_000,
    'CDRs',
  ).catch(() => undefined);
  const sessions = await admin('GET', '/sessions?limit=1000');
  const cdrs = await admin('GET', '/cdrs?limit=1000');
  await sleep(2000);
  emsp.kill('SIGTERM');
  await once(emsp, 'exit');

  const totals = new Map<string, { excl: number; incl: number; kwh: number; n: number }>();
  for (const c of cdrs.items as Array<Record<string, any>>) {
    const t = totals.get(c.currency) ?? { excl: 0, incl: 0, kwh: 0, n: 0 };
    t.n++;
    t.excl += c.total_cost?.excl_vat ?? 0;
    t.incl += c.total_cost?.incl_vat ?? 0;
    t.kwh += c.total_energy ?? 0;
    totals.set(c.currency, t);
  }
  const byStatus = (items: Array<{ status: string }>) =>
    Object.entries(
      items.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s.status]: (acc[s.status] ?? 0) + 1 }), {}),
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(', ') || 'none';

  say('\n== summary');
  say(`stations online:      ${online ?? 'not all'} of ${STATIONS}`);
  if (simSummary) {
    say(
      `simulator:            ${simSummary.messages?.sent ?? '?'} OCPP messages, ${simSummary.transactions?.started ?? '?'} transactions started, ` +
        `${simSummary.transactions?.stopped ?? '?'} stopped, ${simSummary.errors?.total ?? '?'} errors`,
    );
  }
  say(
    `transactions (hub):   ${transactions.total} (${completed.total} completed, ${transactions.total - completed.total} still open when the simulator stopped)`,
  );
  say(`OCPI sessions (hub):  ${sessions.total} (${byStatus(sessions.items)})`);
  say(
    `CDRs (hub):           ${cdrs.total}${[...totals.entries()]
      .map(
        ([cur, t]) =>
          `; ${cur} ${t.excl.toFixed(2)} excl. VAT / ${t.incl.toFixed(2)} incl. VAT for ${t.kwh.toFixed(2)} kWh`,
      )
      .join('')}`,
  );
  if (summary) {
    const cdrSum = (summary.cdrs as Array<{ total_cost?: { incl_vat?: number } }>).reduce(
      (a, c) => a + (c.total_cost?.incl_vat ?? 0),
      0,
    );
    say(
      `eMSP received:        ${summary.authorizations} real-time authorizations, ${summary.sessions} sessions ` +
        `(${summary.sessionPuts} PUT, ${summary.sessionPatches} PATCH, ${summary.sessionsCompleted} COMPLETED), ` +
        `${summary.cdrs.length} CDRs (${cdrSum.toFixed(2)} incl. VAT), ${summary.locationPushes} location updates`,
    );
  } else say('eMSP received:        (no summary from the partner process)');
  say(`admin API:            GET ${base}/api/v1/sessions, /cdrs, /cdrs/export (Bearer ${ADMIN_TOKEN}) — while it ran`);
  say(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

try {
  await main();
  await stopAll();
} catch (error) {
  say(`demo failed: ${(error as Error).message}`);
  await stopAll();
  process.exit(1);
}
