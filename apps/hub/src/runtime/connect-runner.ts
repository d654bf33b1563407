import type { Config } from '@chargebridge/config';
import { BullmqJobRunner, createJobRunner, type JobRunner } from '@chargebridge/jobs';
import { CliError } from '../cli/cli-error.js';
import { redactUrl } from './connect-store.js';

/** BullMQ when REDIS_URL is set (proved reachable), else the in-process runner. */
export async function connectRunner(config: Config, prefix?: string): Promise<JobRunner> {
  const runner = createJobRunner({ redisUrl: config.redisUrl, prefix });
  if (runner instanceof BullmqJobRunner) {
    const reachable = await Promise.race([
      runner.ping(),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000).unref()),
    ]);
    if (!reachable) {
      await runner.close().catch(() => undefined);
      throw new CliError(`cannot reach Redis at REDIS_URL ${redactUrl(config.redisUrl ?? '')}`);
    }
  }
  return runner;
}
