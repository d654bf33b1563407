/**
 * Gateway heartbeats across processes: two `--role gateway` processes and one `--role api`
 * process share PostgreSQL and Redis. Both gateways show on `/system/nodes` with no station; a
 * SIGTERM removes a node at once; a SIGKILLed node with a station still marked online on it
 * turns alive: false once its heartbeat expires.
 */
import { once } from 'node:events';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testRedis } from '../support/database.js';
import { aStation, seedParty } from './helpers/gateway-harness.js';
import { type HubCluster, startCluster, stopCluster } from './helpers/hub-cluster.js';
import { ocppStation } from './helpers/ocpp-station.js';

const TOKEN = 'node-heartbeat-admin-token';
const INTERVAL_MS = 2_000;
const TTL_MS = 3 * INTERVAL_MS;
const run = `hb${process.pid}`;
const gw1 = `${run}-gw1`;
const gw2 = `${run}-gw2`;
let db: TestDatabase;
let cluster: HubCluster | undefined;
const clients: RPCClient[] = [];
let ocppPorts: number[] = [];
let apiPort = 0;

interface NodeRow {
  node: string;
  alive: boolean;
  connections: number;
  live_connections: number | null;
  roles: string[];
  version: string | null;
  last_heartbeat: string | null;
}

async function nodes(): Promise<Map<string, NodeRow>> {
  const res = await fetch(`http://127.0.0.1:${apiPort}/api/v1/system/nodes`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { nodes: NodeRow[] };
  return new Map(body.nodes.map((n) => [n.node, n]));
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedParty(db.store);
  await aStation(db.store, { identity: `${run}-A`, password: 'heartbeat-node-pw' });
  const { url: redis, prefix: redisPrefix } = testRedis();
  const common = {
    DATABASE_URL: db.url,
    REDIS_URL: redis,
    REDIS_PREFIX: redisPrefix,
    ADMIN_TOKEN: TOKEN,
    NODE_HEARTBEAT_INTERVAL_MS: String(INTERVAL_MS),
    LOG_LEVEL: 'warn',
  };
  cluster = await startCluster(common, [gw1, gw2], `${run}-api`);
  ({ ocppPorts, apiPort } = cluster);
}, 120_000);

afterAll(async () => {
  for (const c of clients) await c.close({ force: true }).catch(() => {});
  await stopCluster(cluster);
  await db?.drop();
});

describe('gateway node heartbeats across processes', () => {
  it('lists both gateway nodes as alive while no station is connected', async () => {
    await expect
      .poll(async () => {
        const listed = await nodes();
        return [listed.get(gw1), listed.get(gw2)];
      })
      .toEqual([gw1, gw2].map((node) => expect.objectContaining({ node, alive: true, connections: 0 })));
    const listed = await nodes();
    expect(listed.get(gw1)).toMatchObject({ roles: ['gateway'], live_connections: 0, version: '0.1.0' });
    // The API process itself is no gateway: it publishes no heartbeat.
    expect(listed.has(`${run}-api`)).toBe(false);
  });

  it('removes a node at once when its process stops cleanly', async () => {
    const beforeStop = Date.parse((await nodes()).get(gw2)?.last_heartbeat ?? '');
    const child = cluster!.gateways[1]!;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
    expect((await nodes()).has(gw2)).toBe(false);
    // Gone before the entry could have expired on its own.
    expect(Date.now() - beforeStop).toBeLessThan(TTL_MS);
  });

  it('reports a killed node that still has a station marked online as not alive', async () => {
    const client = ocppStation({
      url: `ws://127.0.0.1:${ocppPorts[0]}/ocpp`,
      identity: `${run}-A`,
      version: '1.6',
      password: 'heartbeat-node-pw',
    });
    clients.push(client);
    await client.connect();
    await client.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    await expect
      .poll(async () => (await nodes()).get(gw1), { timeout: 10_000 })
      .toMatchObject({ alive: true, connections: 1, live_connections: 1 });

    const child = cluster!.gateways[0]!;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
    await expect
      .poll(async () => (await nodes()).get(gw1), { timeout: TTL_MS + 5_000, interval: 500 })
      .toMatchObject({ alive: false, connections: 1, live_connections: null, last_heartbeat: null });
  });
});
