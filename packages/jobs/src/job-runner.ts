import type { JobName, JobPayloads } from './job-types.js';

export interface AddJobOptions {
  /**
   * Deterministic id: while a job with this id is waiting, delayed or running, adding it again
   * is a no-op. That makes relays idempotent and coalesces bursts — so a processor must read the
   * latest state when it runs, not trust the payload to be the newest.
   */
  jobId?: string;
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** Total attempts including the first (default 8). */
  attempts?: number;
  /** Base of the exponential backoff between attempts (default 1000 ms: 1 s, 2 s, 4 s, …). */
  backoffMs?: number;
}

export interface JobContext {
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], context: JobContext) => Promise<void>;

export interface ProcessOptions {
  concurrency?: number;
}

/** Called once a job has used its last attempt (or threw an `UnrecoverableJobError`). */
export type FinalFailureListener = (name: JobName, payload: unknown, error: Error, context: JobContext) => void;

/**
 * One contract, two runners: BullMQ on Redis (server mode) and in-process (embedded mode).
 */
export interface JobRunner {
  readonly kind: 'bullmq' | 'in-process';
  add<N extends JobName>(name: N, payload: JobPayloads[N], options?: AddJobOptions): Promise<void>;
  process<N extends JobName>(name: N, handler: JobHandler<N>, options?: ProcessOptions): void;
  onFinalFailure(listener: FinalFailureListener): void;
  /** Jobs waiting or delayed per name (for /metrics and the admin API). */
  counts(): Promise<Record<string, { waiting: number; active: number; delayed: number; failed: number }>>;
  /** Stops taking jobs, waits for running ones, releases connections. */
  close(): Promise<void>;
}

/** Throw from a processor for what retrying cannot fix: no further attempts. */
export class UnrecoverableJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UnrecoverableJobError';
  }
}

export const DEFAULT_ATTEMPTS = 8;
export const DEFAULT_BACKOFF_MS = 1000;

/** Exponential backoff: base · 2^(attempt−1), the same rule in both runners. */
export function backoffDelay(baseMs: number, attemptsMade: number): number {
  return baseMs * 2 ** Math.max(0, attemptsMade - 1);
}

/** Startup check: every job name has exactly one processor. */
export function assertEveryJobHasOneProcessor(registered: readonly JobName[], all: readonly JobName[]): void {
  const missing = all.filter((name) => !registered.includes(name));
  const doubled = registered.filter((name, i) => registered.indexOf(name) !== i);
  if (missing.length > 0 || doubled.length > 0) {
    throw new Error(
      `job processors misconfigured: missing ${missing.join(', ') || 'none'}; registered twice ${doubled.join(', ') || 'none'}`,
    );
  }
}

/** BullMQ refuses integer ids and ':' in ids; both runners normalize ids the same way. */
export function normalizeJobId(id: string): string {
  const safe = id.replaceAll(':', '|');
  return /^\d+$/.test(safe) ? `id-${safe}` : safe;
}
