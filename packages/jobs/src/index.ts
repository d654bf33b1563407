export { BullmqJobRunner, type BullmqRunnerOptions } from './bullmq.runner.js';
export { InProcessJobRunner } from './in-process.runner.js';
export {
  type AddJobOptions,
  assertEveryJobHasOneProcessor,
  backoffDelay,
  type FinalFailureListener,
  type JobContext,
  type JobHandler,
  type JobRunner,
  normalizeJobId,
  type ProcessOptions,
  UnrecoverableJobError,
} from './job-runner.js';
export { isJobName, type JobName, type JobPayloads, jobNames } from './job-types.js';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay.js';

import { BullmqJobRunner } from './bullmq.runner.js';
import { InProcessJobRunner } from './in-process.runner.js';
import type { JobRunner } from './job-runner.js';

/** BullMQ when a Redis URL is given, otherwise the in-process runner. */
export function createJobRunner(options: { redisUrl?: string; prefix?: string }): JobRunner {
  return options.redisUrl
    ? new BullmqJobRunner({ redisUrl: options.redisUrl, prefix: options.prefix })
    : new InProcessJobRunner();
}
