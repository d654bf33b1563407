/**
 * Done-when 3 of issue 3: two gateway processes and one API process (`chargebridge start --role …`)
 * share one PostgreSQL and Redis; a command through the admin API reaches a station connected to
 * either gateway and its response comes back; a reconnect on the other node replaces the socket.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../../apps/hub/test/run-cli.js';
import { createTestDatabase, type TestDatabase, testRedis } from '../support/database.js';
import { freePort } from '../support/free-port.js';
import { aStation, seedParty } from './helpers/gateway-harness.js';
import { ocppStation } from './helpers/ocpp-station.js';

const TOKEN = 'multi-gateway-admin-token';
let db: TestDatabase;
const children: ChildProcess[] = [];
const clients: RPCClient[] = [];
let ocppPorts: number[] = [];
let apiPort = 0;
const run = `mg${process.pid}`;

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Polls until `check` is true (expect.poll is not available in hooks). */
async function waitFor(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('hub processes did not start in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedParty(db.store);
  await aStation(db.store, { identity: `${run}-A`, password: 'multi-node-pw' });
  await aStation(db.store, { identity: `${run}-B`, password: 'multi-node-pw' });
  const { url: redis, prefix: redisPrefix } = testRedis();
  ocppPorts = [await freePort(), await freePort()];
  apiPort = await freePort();
  const common = {
    DATABASE_URL: db.url,
    REDIS_URL: redis,
    REDIS_PREFIX: redisPrefix,
    ADMIN_TOKEN: TOKEN,
    OCPP_CALL_TIMEOUT_MS: '5000',
    LOG_LEVEL: 'warn',
  };
  for (const [i, port] of ocppPorts.entries()) {
    children.push(
      spawnCli(['start', '--role', 'gateway'], {
        ...common,
        OCPP_PORT: String(port),
        PORT: String(await freePort()),
        NODE_ID: `${run}-gw${i + 1}`,
      }),
    );
  }
  children.push(
    spawnCli(['start', '--role', 'api'], {
      ...common,
      PORT: String(apiPort),
      OCPP_PORT: String(await freePort()),
      NODE_ID: `${run}-api`,
    }),
  );
  for (const child of children) child.stderr?.on('data', () => {});
  for (const port of ocppPorts) await waitFor(() => portOpen(port));
  await waitFor(() =>
    fetch(`http://127.0.0.1:${apiPort}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    ),
  );
}, 120_000);

afterAll(async () => {
  for (const c of clients) await c.close({ force: true }).catch(() => {});
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }
  await db?.drop();
});

async function station(identity: string, port: number): Promise<RPCClient> {
  const client = ocppStation({
    url: `ws://127.0.0.1:${port}/ocpp`,
    identity,
    version: '1.6',
    password: 'multi-node-pw',
  });
  clients.push(client);
  client.handle('GetConfiguration', async () => ({
    configurationKey: [{ key: 'Node', readonly: true, value: String(port) }],
  }));
  await client.connect();
  await client.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
  return client;
}

async function callThroughApi(identity: string) {
  const res = await fetch(`http://127.0.0.1:${apiPort}/api/v1/stations/${identity}/calls`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'GetConfiguration', payload: {} }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { response?: { configurationKey: Array<{ value: string }> }; error?: string },
  };
}

describe('two gateway processes, one API process, shared PostgreSQL and Redis', () => {
  it('routes an admin command to the station on each gateway and returns its response', async () => {
    await station(`${run}-A`, ocppPorts[0]!);
    await station(`${run}-B`, ocppPorts[1]!);
    const a = await callThroughApi(`${run}-A`);
    expect(a.status).toBe(200);
    expect(a.body.response?.configurationKey[0]?.value).toBe(String(ocppPorts[0]));
    const b = await callThroughApi(`${run}-B`);
    expect(b.body.response?.configurationKey[0]?.value).toBe(String(ocppPorts[1]));
  });

  it('a reconnect on the other gateway replaces the older socket, and commands follow the station', async () => {
    const first = clients[0]!;
    const closed = once(first, 'close');
    await station(`${run}-A`, ocppPorts[1]!);
    await closed; // gateway 1 closed its older socket when told by gateway 2
    await expect
      .poll(async () => (await callThroughApi(`${run}-A`)).body.response?.configurationKey[0]?.value, {
        timeout: 10_000,
      })
      .toBe(String(ocppPorts[1]));
  });

  it('409 for a provisioned station connected nowhere', async () => {
    await aStation(db.store, { identity: `${run}-C`, password: 'multi-node-pw' });
    const c = await callThroughApi(`${run}-C`);
    expect([c.status, c.body.error]).toEqual([409, 'station_offline']);
  });
});
