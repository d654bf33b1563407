/**
 * The node registry contract, run against the memory registry and against Redis (the test
 * Redis): heartbeats listed, kept alive by beating, expired after the TTL, removed at once.
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testRedis } from '../../../test/support/database.js';
import {
  createNodeRegistry,
  MemoryNodeRegistry,
  type NodeHeartbeat,
  type NodeRegistry,
  startNodeHeartbeat,
} from '../src/index.js';

const { url, prefix } = testRedis();
const opened: NodeRegistry[] = [];
let run = 0;
afterAll(async () => {
  for (const registry of opened) await registry.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function heartbeat(nodeId: string, connections = 0): NodeHeartbeat {
  const now = new Date().toISOString();
  return {
    node_id: nodeId,
    roles: ['gateway'],
    started_at: now,
    last_heartbeat: now,
    connections,
    version: '0.1.0',
  };
}

/** A key prefix no other test in this file shares (each test sees only its own nodes). */
const freshPrefix = () => `${prefix}:${++run}:`;

const implementations: Array<[string, (ttlMs: number) => NodeRegistry]> = [
  ['memory', (ttlMs) => new MemoryNodeRegistry({ ttlMs })],
  ['redis', (ttlMs) => createNodeRegistry({ redisUrl: url, prefix: freshPrefix(), ttlMs })],
];

describe.each(implementations)('%s node registry', (_name, make) => {
  const registry = (ttlMs = 60_000) => {
    const r = make(ttlMs);
    opened.push(r);
    return r;
  };

  it('lists every beating node by node id, each with its latest heartbeat', async () => {
    const nodes = registry();
    expect(await nodes.list()).toEqual([]);
    await nodes.beat(heartbeat('gw-b', 3));
    await nodes.beat(heartbeat('gw-a', 0));
    await nodes.beat(heartbeat('gw-b', 7));
    expect(await nodes.list()).toEqual([heartbeat('gw-a', 0), heartbeat('gw-b', 7)].map(withAnyTimes));
    const [, b] = await nodes.list();
    expect(b).toMatchObject({ node_id: 'gw-b', connections: 7, roles: ['gateway'], version: '0.1.0' });
  });

  it('forgets a node that stops beating once the TTL passes; beating again restarts the TTL', async () => {
    const nodes = registry(600);
    await nodes.beat(heartbeat('gw-quiet'));
    await nodes.beat(heartbeat('gw-beating'));
    await sleep(350);
    await nodes.beat(heartbeat('gw-beating'));
    await sleep(350);
    // 700 ms after the first beats: the quiet node is gone, the other one beat 350 ms ago.
    expect((await nodes.list()).map((n) => n.node_id)).toEqual(['gw-beating']);
    await sleep(650);
    expect(await nodes.list()).toEqual([]);
  });

  it('removes a node at once on a clean shutdown, leaving the others', async () => {
    const nodes = registry();
    await nodes.beat(heartbeat('gw-1'));
    await nodes.beat(heartbeat('gw-2'));
    await nodes.remove('gw-1');
    expect((await nodes.list()).map((n) => n.node_id)).toEqual(['gw-2']);
  });

  it('publishes a heartbeat now and every interval, and stop() removes the entry', async () => {
    const nodes = registry(2_000);
    let sockets = 2;
    const publisher = await startNodeHeartbeat({
      registry: nodes,
      nodeId: 'gw-live',
      roles: ['gateway', 'api'],
      intervalMs: 50,
      connections: () => sockets,
      version: '9.9.9',
    });
    const [first] = await nodes.list();
    expect(first).toMatchObject({ node_id: 'gw-live', roles: ['gateway', 'api'], connections: 2, version: '9.9.9' });
    sockets = 5;
    await sleep(150);
    const [later] = await nodes.list();
    expect(later?.connections).toBe(5);
    expect(later?.started_at).toBe(first?.started_at);
    expect(Date.parse(later?.last_heartbeat ?? '')).toBeGreaterThan(Date.parse(first?.last_heartbeat ?? ''));
    await publisher.stop();
    expect(await nodes.list()).toEqual([]);
    await sleep(120);
    expect(await nodes.list()).toEqual([]);
  });
});

describe('redis node registry keys', () => {
  it('lives under the prefix with a TTL, lists past one SCAN batch and ignores other keys', async () => {
    const keyPrefix = freshPrefix();
    const nodes = createNodeRegistry({ redisUrl: url, prefix: keyPrefix, ttlMs: 15_000 });
    opened.push(nodes);
    const redis = new Redis(url);
    try {
      await nodes.beat(heartbeat('gw-0'));
      expect(JSON.parse((await redis.get(`${keyPrefix}node:gw-0`)) ?? 'null')).toMatchObject({ node_id: 'gw-0' });
      const ttl = await redis.pttl(`${keyPrefix}node:gw-0`);
      expect(ttl).toBeGreaterThan(10_000);
      expect(ttl).toBeLessThanOrEqual(15_000);
      // Neighbours that must not show up: station registry keys and another hub's nodes.
      await redis.set(`${keyPrefix}station:ST-1`, 'gw-0');
      await redis.set(`${keyPrefix}x:node:gw-other`, JSON.stringify(heartbeat('gw-other')));
      for (let i = 1; i < 450; i++) await nodes.beat(heartbeat(`gw-${i}`));
      const listed = await nodes.list();
      expect(listed).toHaveLength(450);
      expect(new Set(listed.map((n) => n.node_id)).size).toBe(450);
      expect(listed.some((n) => n.node_id === 'gw-other')).toBe(false);
    } finally {
      await redis.quit();
    }
  });
});

function withAnyTimes(h: NodeHeartbeat) {
  return { ...h, started_at: expect.any(String), last_heartbeat: expect.any(String) };
}
