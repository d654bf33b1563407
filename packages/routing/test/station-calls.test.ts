/**
 * The station-call service across two "nodes" sharing the test Redis: registry ownership with TTL,
 * calls forwarded over pub/sub, typed errors rebuilt on the caller, eviction of an older socket.
 */
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { testRedis } from '../../../test/support/database.js';
import {
  createStationCalls,
  type LocalStations,
  MemoryStationRegistry,
  StationCallInvalidError,
  StationCalls,
  StationCallTimeoutError,
  StationOfflineError,
  stationCommands,
} from '../src/index.js';

const { url, prefix } = testRedis();
const opened: StationCalls[] = [];
afterAll(async () => {
  for (const c of opened) await c.close();
});

function node(id: string): StationCalls {
  const calls = createStationCalls({
    nodeId: id,
    redisUrl: url,
    prefix: `${prefix}:`,
    defaultTimeoutMs: 500,
    registryTtlMs: 1_000,
  });
  opened.push(calls);
  return calls;
}

function fakeGateway(identities: string[], evicted: string[] = []): LocalStations {
  return {
    has: (identity) => identities.includes(identity),
    call: async (identity, action, payload, timeoutMs) => {
      if (action === 'Silent') throw new StationCallTimeoutError(identity, action, timeoutMs);
      if (action === 'Bad') throw new StationCallInvalidError('not in this version', { version: '1.6' });
      return { identity, action, payload };
    },
    evict: (identity) => evicted.push(identity),
  };
}

describe('StationCalls over Redis', () => {
  it('routes a call to the owning node and returns its response', async () => {
    const a = node('node-a');
    const b = node('node-b');
    await b.attach(fakeGateway(['ST-1']));
    expect(await b.registry.claim('ST-1', 'node-b')).toBeUndefined();
    expect(await a.call('ST-1', 'Reset', { type: 'Soft' })).toEqual({
      identity: 'ST-1',
      action: 'Reset',
      payload: { type: 'Soft' },
    });
  });

  it('rebuilds typed errors on the caller and reports an unowned station offline', async () => {
    const a = node('node-c');
    const b = node('node-d');
    await b.attach(fakeGateway(['ST-2']));
    await b.registry.claim('ST-2', 'node-d');
    await expect(a.call('ST-2', 'Silent', {})).rejects.toBeInstanceOf(StationCallTimeoutError);
    await expect(a.call('ST-2', 'Bad', {})).rejects.toMatchObject({
      code: 'call_invalid',
      details: { version: '1.6' },
    });
    await expect(a.call('ST-NOBODY', 'Reset', {})).rejects.toBeInstanceOf(StationOfflineError);
  });

  it('times out a call whose owner died (registered but silent)', async () => {
    const a = node('node-e');
    await a.registry.claim('ST-3', 'node-gone');
    await expect(a.call('ST-3', 'Reset', {}, { timeoutMs: 100 })).rejects.toBeInstanceOf(StationCallTimeoutError);
  });

  it('claims report the previous owner, which is told to evict; entries expire unless refreshed', async () => {
    const evicted: string[] = [];
    const old = node('node-f');
    const fresh = node('node-g');
    await old.attach(fakeGateway(['ST-4'], evicted));
    await old.registry.claim('ST-4', 'node-f');
    const previous = await fresh.registry.claim('ST-4', 'node-g');
    expect(previous).toBe('node-f');
    await fresh.evictElsewhere('ST-4', previous!);
    await expect.poll(() => evicted).toEqual(['ST-4']);
    await old.registry.release('ST-4', 'node-f'); // not the owner any more: no effect
    expect(await fresh.registry.owner('ST-4')).toBe('node-g');
    const redis = new Redis(url);
    expect(await redis.pttl(`${prefix}:station:ST-4`)).toBeGreaterThan(0);
    await fresh.registry.refresh(['ST-4'], 'node-g');
    expect(await redis.pttl(`${prefix}:station:ST-4`)).toBeGreaterThan(900);
    await redis.quit();
  });
});

describe('embedded mode', () => {
  it('calls this node only; anything else is offline', async () => {
    const calls = new StationCalls({ nodeId: 'solo', registry: new MemoryStationRegistry(), defaultTimeoutMs: 100 });
    await calls.attach(fakeGateway(['ME']));
    expect(await calls.call('ME', 'Reset', {})).toMatchObject({ identity: 'ME' });
    await expect(calls.call('YOU', 'Reset', {})).rejects.toBeInstanceOf(StationOfflineError);
  });
});

describe('typed command builders', () => {
  it('build the version-specific CALL', () => {
    const token = { idToken: 'CARD-1234567890-ABCDEFGHIJ', type: 'ISO14443' };
    expect(stationCommands.remoteStart('1.6', { evseId: 2, idToken: token, remoteStartId: 9 })).toEqual({
      action: 'RemoteStartTransaction',
      payload: { connectorId: 2, idTag: 'CARD-1234567890-ABCD' },
    });
    expect(stationCommands.remoteStart('2.0.1', { evseId: 2, idToken: token, remoteStartId: 9 })).toEqual({
      action: 'RequestStartTransaction',
      payload: { evseId: 2, idToken: token, remoteStartId: 9 },
    });
    expect(stationCommands.remoteStop('1.6', { transactionUid: '17' }).payload).toEqual({ transactionId: 17 });
    expect(stationCommands.reset('2.1', { hard: true }).payload).toEqual({ type: 'Immediate' });
    expect(stationCommands.changeAvailability('2.0.1', { evseId: 1, operative: false }).payload).toEqual({
      operationalStatus: 'Inoperative',
      evse: { id: 1 },
    });
    expect(() => stationCommands.getVariables('1.6', { items: [] })).toThrow(StationCallInvalidError);
    expect(() => stationCommands.getConfiguration('2.1')).toThrow(StationCallInvalidError);
  });
});
