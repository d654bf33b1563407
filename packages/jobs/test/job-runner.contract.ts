import { afterEach, describe, expect, it } from 'vitest';
import { type JobRunner, UnrecoverableJobError } from '../src/index.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** The behaviour both runners promise, asserted on whichever `makeRunner` builds. */
export function describeJobRunnerContract(name: string, makeRunner: () => JobRunner): void {
  describe(`job runner contract: ${name}`, () => {
    let runner: JobRunner;
    afterEach(async () => {
      await runner?.close();
    });

    it('runs a job with its typed payload', async () => {
      runner = makeRunner();
      const seen = deferred<number>();
      runner.process('session.push', async (payload) => seen.resolve(payload.transactionId));
      await runner.add('session.push', { transactionId: 42 });
      expect(await seen.promise).toBe(42);
    });

    it('runs a job added before its processor registered, once per deterministic id', async () => {
      runner = makeRunner();
      const runs: number[] = [];
      const done = deferred();
      await runner.add('cdr.create', { transactionId: 1 }, { jobId: 'cdr:1', delayMs: 200 });
      await runner.add('cdr.create', { transactionId: 2 }, { jobId: 'cdr:1' });
      runner.process('cdr.create', async (payload) => {
        runs.push(payload.transactionId);
        done.resolve();
      });
      await done.promise;
      await new Promise((r) => setTimeout(r, 300));
      expect(runs).toEqual([1]);
    });

    it('delays a job', async () => {
      runner = makeRunner();
      const started = Date.now();
      const ran = deferred<number>();
      runner.process('tariff.push', async () => ran.resolve(Date.now() - started));
      await runner.add('tariff.push', { tariffId: 1 }, { delayMs: 400 });
      expect(await ran.promise).toBeGreaterThanOrEqual(350);
    });

    it('retries with exponential backoff, then succeeds', async () => {
      runner = makeRunner();
      const times: number[] = [];
      const done = deferred();
      runner.process('cdr.push', async () => {
        times.push(Date.now());
        if (times.length < 3) throw new Error('partner down');
        done.resolve();
      });
      await runner.add('cdr.push', { cdrId: 7 }, { attempts: 5, backoffMs: 100 });
      await done.promise;
      expect(times).toHaveLength(3);
      const gaps = [times[1] - times[0], times[2] - times[1]];
      expect(gaps[0]).toBeGreaterThanOrEqual(90);
      expect(gaps[1]).toBeGreaterThanOrEqual(190);
    });

    it('reports a final failure after the last attempt, and none to retry an unrecoverable error', async () => {
      runner = makeRunner();
      const failures: Array<{ name: string; attempt: number; message: string }> = [];
      const twoFailures = deferred();
      runner.onFinalFailure((jobName, _payload, error, context) => {
        failures.push({ name: jobName, attempt: context.attempt, message: error.message });
        if (failures.length === 2) twoFailures.resolve();
      });
      let unrecoverableRuns = 0;
      runner.process('command.result', async () => {
        throw new Error('still down');
      });
      runner.process('command.execute', async () => {
        unrecoverableRuns += 1;
        throw new UnrecoverableJobError('station unknown');
      });
      await runner.add('command.result', { commandId: 'a' }, { attempts: 2, backoffMs: 50 });
      await runner.add('command.execute', { commandId: 'b' }, { attempts: 5, backoffMs: 50 });
      await twoFailures.promise;
      expect(unrecoverableRuns).toBe(1);
      expect(failures.find((f) => f.name === 'command.result')).toMatchObject({ attempt: 2, message: 'still down' });
      expect(failures.find((f) => f.name === 'command.execute')?.message).toBe('station unknown');
    });

    it('waits for a running job on close', async () => {
      runner = makeRunner();
      const started = deferred();
      let finished = false;
      runner.process('reconcile.run', async () => {
        started.resolve();
        await new Promise((r) => setTimeout(r, 300));
        finished = true;
      });
      await runner.add('reconcile.run', { reason: 'manual' });
      await started.promise;
      await runner.close();
      expect(finished).toBe(true);
    });
  });
}
