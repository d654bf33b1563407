/**
 * `GET /api/v1/system/nodes` against a real database and the Redis node registry: heartbeating
 * nodes appear with no station, nodes only stale station rows name are reported not alive, and a
 * node that stops beating turns from alive to not alive once its entry expires.
 */
import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import {
  createNodeRegistry,
  type NodeHeartbeatPublisher,
  type NodeRegistry,
  startNodeHeartbeat,
} from '@chargebridge/routing';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testRedis } from '../../../test/support/database.js';
import { build } from '../src/index.js';

const adminToken = 'test-admin-token-system-nodes';
const headers = { authorization: `Bearer ${adminToken}` };
const TTL_MS = 1_500;
let database: TestDatabase;
let registry: NodeRegistry;
let app: FastifyInstance;
const publishers: NodeHeartbeatPublisher[] = [];

async function onlineStation(identity: string, node: string): Promise<void> {
  await database.store.db
    .insertInto('stations')
    .values({
      identity,
      country_code: 'NL',
      party_id: 'AAA',
      protocol: '1.6',
      online: true,
      connected_node: node,
      last_seen_at: new Date(),
    })
    .execute();
}

/** A node heartbeating every 100 ms (well inside the TTL) until the test ends or it stops. */
async function beating(nodeId: string, sockets: number): Promise<NodeHeartbeatPublisher> {
  const publisher = await startNodeHeartbeat({
    registry,
    nodeId,
    roles: ['gateway'],
    intervalMs: 100,
    connections: () => sockets,
    version: '1.2.3',
  });
  publishers.push(publisher);
  return publisher;
}

async function nodes() {
  const response = await app.inject({ url: '/api/v1/system/nodes', headers });
  expect(response.statusCode).toBe(200);
  return response.json();
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { url, prefix } = testRedis();
  registry = createNodeRegistry({ redisUrl: url, prefix: `${prefix}:`, ttlMs: TTL_MS });
  app = await build({
    config: loadConfig({ DATABASE_URL: database.url }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken,
    nodeRegistry: registry,
  });
  // The first request compiles the routes' serializers and blocks the event loop for a while,
  // which would starve the 100 ms heartbeats below: get it out of the way before they start.
  expect((await nodes()).nodes).toEqual([]);
});

afterAll(async () => {
  for (const publisher of publishers) await publisher.stop();
  await app?.close();
  await registry?.close();
  await database?.drop();
});

describe('GET /system/nodes', () => {
  it('lists heartbeating nodes without stations as alive and DB-only nodes as not alive', async () => {
    await onlineStation('SN-1', 'gw-both');
    await onlineStation('SN-2', 'gw-gone');
    await onlineStation('SN-3', 'gw-gone');
    await beating('gw-both', 1);
    await beating('gw-empty', 0);

    const body = await nodes();
    expect(body.total_connections).toBe(3);
    expect(body.nodes).toEqual([
      {
        node: 'gw-both',
        connections: 1,
        last_seen: expect.any(String),
        alive: true,
        roles: ['gateway'],
        started_at: expect.any(String),
        last_heartbeat: expect.any(String),
        live_connections: 1,
        version: '1.2.3',
      },
      {
        node: 'gw-empty',
        connections: 0,
        last_seen: null,
        alive: true,
        roles: ['gateway'],
        started_at: expect.any(String),
        last_heartbeat: expect.any(String),
        live_connections: 0,
        version: '1.2.3',
      },
      {
        node: 'gw-gone',
        connections: 2,
        last_seen: expect.any(String),
        alive: false,
        roles: [],
        started_at: null,
        last_heartbeat: null,
        live_connections: null,
        version: null,
      },
    ]);
    const empty = body.nodes[1];
    expect(Date.now() - Date.parse(empty.last_heartbeat)).toBeLessThan(TTL_MS);
  });

  it('drops a cleanly stopped node at once, and marks a crashed node not alive after the TTL', async () => {
    const leaving = await beating('gw-leaving', 0);
    await onlineStation('SN-4', 'gw-crashing');
    await registry.beat({
      node_id: 'gw-crashing',
      roles: ['gateway', 'api', 'worker'],
      started_at: new Date().toISOString(),
      last_heartbeat: new Date().toISOString(),
      connections: 1,
      version: '1.2.3',
    });
    const before = await nodes();
    const byNode = (body: { nodes: Array<{ node: string; alive: boolean }> }, node: string) =>
      body.nodes.find((n) => n.node === node);
    expect(byNode(before, 'gw-leaving')).toMatchObject({ alive: true });
    expect(byNode(before, 'gw-crashing')).toMatchObject({ alive: true, roles: ['gateway', 'api', 'worker'] });

    await leaving.stop();
    expect(byNode(await nodes(), 'gw-leaving')).toBeUndefined();

    // gw-crashing never beats again; its station row still says online.
    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 200));
    const after = await nodes();
    expect(byNode(after, 'gw-crashing')).toMatchObject({ alive: false, connections: 1, last_heartbeat: null });
    expect(byNode(after, 'gw-empty')).toMatchObject({ alive: true });
  });
});
