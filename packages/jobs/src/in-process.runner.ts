import { randomUUID } from 'node:crypto';
import {
  type AddJobOptions,
  backoffDelay,
  DEFAULT_ATTEMPTS,
  DEFAULT_BACKOFF_MS,
  type FinalFailureListener,
  type JobContext,
  type JobHandler,
  type JobRunner,
  normalizeJobId,
  type ProcessOptions,
  UnrecoverableJobError,
} from './job-runner.js';
import type { JobName, JobPayloads } from './job-types.js';

interface PendingJob {
  id: string;
  name: JobName;
  payload: unknown;
  attemptsMade: number;
  maxAttempts: number;
  backoffMs: number;
  state: 'waiting' | 'delayed' | 'active';
  timer?: NodeJS.Timeout;
}

interface Lane {
  handler: JobHandler<JobName>;
  concurrency: number;
  running: number;
  queue: PendingJob[];
}

/**
 * The embedded-mode runner: the same contract as BullMQ, in memory. Jobs live only as long as
 * the process; the outbox (re-relayed on start) is what makes that safe.
 */
export class InProcessJobRunner implements JobRunner {
  readonly kind = 'in-process' as const;
  private readonly jobs = new Map<string, PendingJob>();
  private readonly lanes = new Map<JobName, Lane>();
  private readonly unprocessed = new Map<JobName, PendingJob[]>();
  private readonly failureListeners: FinalFailureListener[] = [];
  private readonly failedCounts = new Map<JobName, number>();
  private readonly idle = new Set<() => void>();
  private closing = false;

  async add<N extends JobName>(name: N, payload: JobPayloads[N], options: AddJobOptions = {}): Promise<void> {
    if (this.closing) throw new Error('job runner is closing');
    const id = options.jobId ? normalizeJobId(options.jobId) : randomUUID();
    if (this.jobs.has(id)) return;
    const job: PendingJob = {
      id,
      name,
      payload: structuredClone(payload),
      attemptsMade: 0,
      maxAttempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
      state: 'waiting',
    };
    this.jobs.set(id, job);
    this.schedule(job, options.delayMs ?? 0);
  }

  process<N extends JobName>(name: N, handler: JobHandler<N>, options: ProcessOptions = {}): void {
    if (this.lanes.has(name)) throw new Error(`a processor for ${name} is already registered`);
    const lane: Lane = {
      handler: handler as JobHandler<JobName>,
      concurrency: options.concurrency ?? 1,
      running: 0,
      queue: [],
    };
    this.lanes.set(name, lane);
    for (const job of this.unprocessed.get(name) ?? []) lane.queue.push(job);
    this.unprocessed.delete(name);
    this.drain(lane);
  }

  onFinalFailure(listener: FinalFailureListener): void {
    this.failureListeners.push(listener);
  }

  async counts(): Promise<Record<string, { waiting: number; active: number; delayed: number; failed: number }>> {
    const result: Record<string, { waiting: number; active: number; delayed: number; failed: number }> = {};
    for (const job of this.jobs.values()) {
      result[job.name] ??= { waiting: 0, active: 0, delayed: 0, failed: this.failedCounts.get(job.name) ?? 0 };
      result[job.name][job.state] += 1;
    }
    for (const [name, failed] of this.failedCounts) result[name] ??= { waiting: 0, active: 0, delayed: 0, failed };
    return result;
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const job of this.jobs.values()) {
      if (job.timer) clearTimeout(job.timer);
    }
    const active = () => [...this.lanes.values()].some((lane) => lane.running > 0);
    if (active()) await new Promise<void>((resolve) => this.idle.add(resolve));
  }

  private schedule(job: PendingJob, delayMs: number): void {
    if (delayMs > 0) {
      job.state = 'delayed';
      job.timer = setTimeout(() => {
        job.timer = undefined;
        this.enqueue(job);
      }, delayMs);
      job.timer.unref?.();
      return;
    }
    this.enqueue(job);
  }

  private enqueue(job: PendingJob): void {
    if (this.closing) return;
    job.state = 'waiting';
    const lane = this.lanes.get(job.name);
    if (!lane) {
      const list = this.unprocessed.get(job.name) ?? [];
      list.push(job);
      this.unprocessed.set(job.name, list);
      return;
    }
    lane.queue.push(job);
    this.drain(lane);
  }

  private drain(lane: Lane): void {
    while (!this.closing && lane.running < lane.concurrency && lane.queue.length > 0) {
      const job = lane.queue.shift()!;
      lane.running += 1;
      void this.run(lane, job).finally(() => {
        lane.running -= 1;
        if (this.closing && ![...this.lanes.values()].some((l) => l.running > 0)) {
          for (const resolve of this.idle) resolve();
          this.idle.clear();
        }
        this.drain(lane);
      });
    }
  }

  private async run(lane: Lane, job: PendingJob): Promise<void> {
    job.state = 'active';
    job.attemptsMade += 1;
    const context: JobContext = { jobId: job.id, attempt: job.attemptsMade, maxAttempts: job.maxAttempts };
    try {
      await lane.handler(job.payload as never, context);
      this.jobs.delete(job.id);
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      const final = error instanceof UnrecoverableJobError || job.attemptsMade >= job.maxAttempts;
      if (final || this.closing) {
        this.jobs.delete(job.id);
        if (final) {
          this.failedCounts.set(job.name, (this.failedCounts.get(job.name) ?? 0) + 1);
          for (const listener of this.failureListeners) listener(job.name, job.payload, error, context);
        }
        return;
      }
      this.schedule(job, backoffDelay(job.backoffMs, job.attemptsMade));
    }
  }
}
