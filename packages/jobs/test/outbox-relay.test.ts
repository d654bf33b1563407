import { repositories } from '@chargebridge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testRedis } from '../../../test/support/database.js';
import { BullmqJobRunner, InProcessJobRunner, type JobRunner, OutboxRelay } from '../src/index.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const runners: Array<[string, () => JobRunner]> = [
  ['in-process', () => new InProcessJobRunner()],
  ['BullMQ', () => new BullmqJobRunner({ redisUrl: testRedis().url, prefix: testRedis().prefix })],
];

describe.each(runners)('outbox relay into %s', (_name, makeRunner) => {
  it('moves committed rows into jobs exactly once, even when relayed twice', async () => {
    const runner = makeRunner();
    const seen: number[] = [];
    runner.process('session.push', async (payload) => {
      seen.push(payload.transactionId);
    });
    const { db } = database.store;
    await db.transaction().execute(async (trx) => {
      await repositories(trx).outbox.add([
        { topic: 'session.push', jobKey: `session:${_name}:1`, payload: { transactionId: 1 } },
        { topic: 'session.push', jobKey: `session:${_name}:2`, payload: { transactionId: 2 } },
      ]);
    });
    const relay = new OutboxRelay({ db, runner, intervalMs: 50 });
    // Two relays racing over the same rows: skip-locked claiming hands each row to one of them.
    const other = new OutboxRelay({ db, runner });
    const [a, b] = await Promise.all([relay.relayNow(), other.relayNow()]);
    expect(a + b).toBe(2);
    await expect.poll(() => seen.slice().sort(), { timeout: 5000 }).toEqual([1, 2]);
    expect(await repositories(db).outbox.pendingCount()).toBe(0);
    await relay.stop();
    await other.stop();
    await runner.close();
  });

  it('does not relay rows of a rolled-back transaction', async () => {
    const { db } = database.store;
    const before = await repositories(db).outbox.pendingCount();
    await db
      .transaction()
      .execute(async (trx) => {
        await repositories(trx).outbox.add({
          topic: 'cdr.create',
          jobKey: `cdr:${_name}`,
          payload: { transactionId: 1 },
        });
        throw new Error('handler failed');
      })
      .catch(() => undefined);
    expect(await repositories(db).outbox.pendingCount()).toBe(before);
  });
});
