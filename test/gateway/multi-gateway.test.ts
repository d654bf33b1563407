/**
 * Done-when 3 of issue 3: two gateway processes and one API process (`chargebridge start --role …`)
 * share one PostgreSQL and Redis; a command through the admin API reaches a station connected to
 * either gateway and its response comes back; a reconnect on the other node replaces the socket.
 */
import { once } from 'node:events';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testRedis } from '../support/database.js';
import { aStation, seedParty } from './helpers/gateway-harness.js';
import { type HubCluster, startCluster, stopCluster } from './helpers/hub-cluster.js';
import { ocppStation } from './helpers/ocpp-station.js';

const TOKEN = 'multi-gateway-admin-token';
let db: TestDatabase;
let cluster: HubCluster | undefined;
const clients: RPCClient[] = [];
let ocppPorts: number[] = [];
let apiPort = 0;
const run = `mg${process.pid}`;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedParty(db.store);
  await aStation(db.store, { identity: `${run}-A`, password: 'multi-node-pw' });
  await aStation(db.store, { identity: `${run}-B`, password: 'multi-node-pw' });
  const { url: redis, prefix: redisPrefix } = testRedis();
  const common = {
    DATABASE_URL: db.url,
    REDIS_URL: redis,
    REDIS_PREFIX: redisPrefix,
    ADMIN_TOKEN: TOKEN,
    OCPP_CALL_TIMEOUT_MS: '5000',
    LOG_LEVEL: 'warn',
  };
  cluster = await startCluster(common, [`${run}-gw1`, `${run}-gw2`], `${run}-api`);
  ({ ocppPorts, apiPort } = cluster);
}, 120_000);

afterAll(async () => {
  for (const c of clients) await c.close({ force: true }).catch(() => {});
  await stopCluster(cluster);
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
