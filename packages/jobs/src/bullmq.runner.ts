import { type Job, type JobsOptions, type MinimalJob, Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import {
  type AddJobOptions,
  backoffDelay,
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  type FinalFailureListener,
  type JobHandler,
  type JobRunner,
  normalizeJobId,
  type ProcessOptions,
  UnrecoverableJobError,
} from './job-runner.js';
import { type JobName, type JobPayloads, jobNames } from './job-types.js';

export interface BullmqRunnerOptions {
  redisUrl: string;
  /** Key prefix (tests give each run its own). */
  prefix?: string;
}

/** The server-mode runner: one BullMQ queue per job name on Redis. */
export class BullmqJobRunner implements JobRunner {
  readonly kind = 'bullmq' as const;
  private readonly connection: Redis;
  private readonly queues = new Map<JobName, Queue>();
  private readonly workers: Worker[] = [];
  private readonly failureListeners: FinalFailureListener[] = [];
  private readonly prefix: string;

  constructor(options: BullmqRunnerOptions) {
    this.prefix = options.prefix ?? 'chargebridge';
    this.connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    this.connection.on('error', () => {});
  }

  private queue(name: JobName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      queue.on('error', () => {});
      this.queues.set(name, queue);
    }
    return queue;
  }

  async add<N extends JobName>(name: N, payload: JobPayloads[N], options: AddJobOptions = {}): Promise<void> {
    const opts: JobsOptions = {
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoff: { type: 'chargebridge', delay: options.backoffMs ?? DEFAULT_BACKOFF_MS },
      delay: options.delayMs,
      // Completed jobs are removed at once so a later job with the same id runs again;
      // failed ones stay (bounded) for inspection.
      removeOnComplete: true,
      removeOnFail: { count: 1000 },
    };
    if (options.jobId) opts.jobId = normalizeJobId(options.jobId);
    await this.queue(name).add(name, payload, opts);
  }

  process<N extends JobName>(name: N, handler: JobHandler<N>, options: ProcessOptions = {}): void {
    const worker = new Worker(
      name,
      async (job: Job) => {
        try {
          await handler(job.data as JobPayloads[N], {
            jobId: job.id ?? '',
            attempt: job.attemptsMade + 1,
            maxAttempts: job.opts.attempts ?? 1,
          });
        } catch (err) {
          if (err instanceof UnrecoverableJobError) throw new UnrecoverableError(err.message);
          throw err;
        }
      },
      {
        // BullMQ duplicates the shared connection for the worker's blocking reads.
        connection: this.connection,
        prefix: this.prefix,
        concurrency: options.concurrency ?? 1,
        settings: {
          backoffStrategy: (attemptsMade: number, _type?: string, _err?: Error, job?: MinimalJob) =>
            backoffDelay(
              (job?.opts.backoff as { delay?: number } | undefined)?.delay ?? DEFAULT_BACKOFF_MS,
              attemptsMade,
            ),
        },
      },
    );
    worker.on('error', () => {});
    worker.on('failed', (job, error) => {
      if (!job) return;
      const final =
        error instanceof UnrecoverableError ||
        error.name === 'UnrecoverableError' ||
        job.attemptsMade >= (job.opts.attempts ?? 1);
      if (!final) return;
      for (const listener of this.failureListeners) {
        listener(name, job.data, error, {
          jobId: job.id ?? '',
          attempt: job.attemptsMade,
          maxAttempts: job.opts.attempts ?? 1,
        });
      }
    });
    this.workers.push(worker);
  }

  onFinalFailure(listener: FinalFailureListener): void {
    this.failureListeners.push(listener);
  }

  async counts(): Promise<Record<string, { waiting: number; active: number; delayed: number; failed: number }>> {
    const result: Record<string, { waiting: number; active: number; delayed: number; failed: number }> = {};
    for (const name of jobNames) {
      const c = await this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed');
      result[name] = { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
    }
    return result;
  }

  async close(): Promise<void> {
    if (this.connection.status !== 'ready') {
      // Never connected (or lost): nothing to drain, and quit() would wait for a server forever.
      this.connection.disconnect();
      return;
    }
    await Promise.all(this.workers.map((worker) => worker.close()));
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await this.connection.quit().catch(() => this.connection.disconnect());
  }

  /** Redis reachable (for /health/ready). */
  async ping(): Promise<boolean> {
    try {
      return (await this.connection.ping()) === 'PONG';
    } catch {
      return false;
    }
  }
}
