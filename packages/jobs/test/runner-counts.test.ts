import { afterEach, describe, expect, it } from 'vitest';
import { testRedis } from '../../../test/support/database.js';
import { BullmqJobRunner, InProcessJobRunner, type JobRunner, UnrecoverableJobError } from '../src/index.js';

/** `counts()` (the System screen's queue depths) on both runners: waiting, active, delayed, failed. */
for (const [name, make] of [
  ['in-process', () => new InProcessJobRunner()],
  [
    'BullMQ',
    () => {
      const { url, prefix } = testRedis();
      return new BullmqJobRunner({ redisUrl: url, prefix });
    },
  ],
] as Array<[string, () => JobRunner]>) {
  describe(`job queue depths: ${name}`, () => {
    let runner: JobRunner;
    let release: () => void = () => undefined;
    afterEach(async () => {
      release();
      await runner.close();
    });

    it('counts waiting, active, delayed and failed jobs per queue', async () => {
      runner = make();
      const blocked = new Promise<void>((r) => {
        release = r;
      });
      let started!: () => void;
      const running = new Promise<void>((r) => {
        started = r;
      });
      // No processor for tariff.push: its jobs wait.
      await runner.add('tariff.push', { tariffId: 1 });
      await runner.add('tariff.push', { tariffId: 2 });
      await runner.add('location.push', { locationId: 1 }, { delayMs: 60_000 });
      runner.process('session.push', async () => {
        started();
        await blocked;
      });
      await runner.add('session.push', { transactionId: 1 });
      let failed!: () => void;
      const failedOnce = new Promise<void>((r) => {
        failed = r;
      });
      runner.onFinalFailure(() => failed());
      runner.process('cdr.push', async () => {
        throw new UnrecoverableJobError('bad CDR');
      });
      await runner.add('cdr.push', { cdrId: 1 });
      await running;
      await failedOnce;

      const deadline = Date.now() + 3000;
      let counts = await runner.counts();
      while (counts['cdr.push']?.failed !== 1 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        counts = await runner.counts();
      }
      expect(counts['tariff.push']).toMatchObject({ waiting: 2, active: 0 });
      expect(counts['location.push']).toMatchObject({ delayed: 1, waiting: 0 });
      expect(counts['session.push']).toMatchObject({ active: 1, waiting: 0 });
      expect(counts['cdr.push']).toMatchObject({ failed: 1, active: 0 });
    });
  });
}
