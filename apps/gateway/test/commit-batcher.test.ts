/**
 * The group-commit batcher on PGlite (embedded mode: one connection): batches grow under load, each
 * item resolves only after its batch committed, a bad item fails alone, passengers are restored.
 */
import { migrateToLatest, openStore, type Repositories, type Store } from '@chargebridge/store';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatchPassenger, CommitBatcher } from '../src/persistence/commit-batcher.js';

let store: Store;
let stationId: number;

beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await migrateToLatest(store.db);
  const row = await store.db
    .insertInto('stations')
    .values({ identity: 'B1', country_code: 'NL', party_id: 'TST' })
    .returning('id')
    .executeTakeFirstOrThrow();
  stationId = row.id;
}, 60_000);

afterAll(async () => {
  await store?.close();
});

const event = (kind: string) => (repos: Repositories) =>
  repos.stationActivity.addEvents([{ stationId, kind, payload: {}, occurredAt: new Date() }]);

async function countEvents(kind: string): Promise<number> {
  const rows = await store.db.selectFrom('station_events').select('id').where('kind', '=', kind).execute();
  return rows.length;
}

describe('CommitBatcher on PGlite', () => {
  it('groups concurrent work into few transactions and resolves each after commit', async () => {
    const batcher = new CommitBatcher(store.db, { maxBatch: 100, logger: pino({ level: 'silent' }) });
    const results = await Promise.all(
      Array.from({ length: 250 }, (_, i) =>
        batcher.run(async (repos) => {
          await event('grouped')(repos);
          return i;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(await countEvents('grouped')).toBe(250);
    expect(batcher.stats.items).toBe(250);
    expect(batcher.stats.batches).toBeLessThanOrEqual(4);
    await batcher.close();
  });

  it('retries a failed batch per message: one bad message fails alone, the rest commit', async () => {
    const batcher = new CommitBatcher(store.db, { logger: pino({ level: 'silent' }) });
    const outcomes = await Promise.allSettled([
      batcher.run(event('retry-ok')),
      batcher.run(async (repos) => {
        await event('retry-bad')(repos);
        // Violates the foreign key: the whole first transaction rolls back.
        await repos.stationActivity.addEvents([
          { stationId: 999_999, kind: 'retry-bad', payload: {}, occurredAt: new Date() },
        ]);
      }),
      batcher.run(event('retry-ok')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await countEvents('retry-ok')).toBe(2);
    expect(await countEvents('retry-bad')).toBe(0);
    expect(batcher.stats.retriedBatches).toBe(1);
    await batcher.close();
  });

  it('writes passengers inside the batch and restores them when a transaction fails', async () => {
    let buffered = ['p1', 'p2'];
    const written: string[] = [];
    let failNext = true;
    const passenger: BatchPassenger = {
      drain: () => {
        if (buffered.length === 0) return undefined;
        const out = buffered;
        buffered = [];
        return out;
      },
      write: async (_repos, entries) => {
        if (failNext) {
          failNext = false;
          throw new Error('store hiccup');
        }
        written.push(...(entries as string[]));
      },
      restore: (entries) => {
        buffered = (entries as string[]).concat(buffered);
      },
    };
    const batcher = new CommitBatcher(store.db, { logger: pino({ level: 'silent' }) });
    batcher.carry(passenger);
    await expect(batcher.flush()).rejects.toThrow('store hiccup');
    expect(buffered).toEqual(['p1', 'p2']);
    await batcher.flush();
    expect(written).toEqual(['p1', 'p2']);
    await batcher.close();
    await expect(batcher.run(event('late'))).rejects.toThrow('closed');
  });
});
