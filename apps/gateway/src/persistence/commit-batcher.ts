import { type Database, type Repositories, repositories } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { BatchWrites } from './batch-writes.js';

/**
 * Work run inside a batch transaction: use only the repositories given (never open another
 * transaction). Set-based writes (meter samples, energy refreshes, outbox rows) go to `writes`,
 * written once for the whole batch before commit.
 */
export type BatchWork<T> = (repos: Repositories, writes: BatchWrites) => Promise<T>;

/** Something flushed into every batch transaction (frame log, last-seen times). */
export interface BatchPassenger {
  /** Takes what is buffered now; `undefined` when there is nothing. */
  drain(): unknown[] | undefined;
  /** Writes drained entries inside the transaction. */
  write(repos: Repositories, entries: unknown[]): Promise<void>;
  /** Puts drained entries back after a failed transaction. */
  restore(entries: unknown[]): void;
}

interface Item {
  work: BatchWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/** Options of {@link CommitBatcher}. */
export interface CommitBatcherOptions {
  /** Most messages in one transaction (default 500). */
  maxBatch?: number;
  /**
   * Transactions in flight at once (default 1). PGlite has one connection: keep 1. On PostgreSQL
   * a few overlap the round trips of one batch with the next; a station never has two messages in
   * flight (its serial lane), so its messages cannot land in two concurrent batches.
   */
  concurrency?: number;
  logger: Logger;
}

/**
 * Group commit across stations: inbound messages queue their store work here; one transaction at
 * a time takes everything queued (up to `maxBatch`), runs each item in order, writes the
 * passengers (frame log, last-seen), commits, and only then resolves each item — so the station's
 * CALLRESULT means "durable" (architecture.md "ack after commit"). While a transaction runs the
 * next batch accumulates, which is what makes batches grow with load.
 *
 * If a batch fails, its items are retried one per transaction, so one bad message fails alone.
 * One transaction at a time also suits PGlite's single connection (no nesting, no deadlock).
 */
export class CommitBatcher {
  private queue: Item[] = [];
  private active = 0;
  private scheduled = false;
  private closed = false;
  private idle: Array<() => void> = [];
  private readonly maxBatch: number;
  private readonly concurrency: number;
  private readonly passengers: BatchPassenger[] = [];
  /** Batches committed and items in them (for metrics and tests). */
  readonly stats = { batches: 0, items: 0, retriedBatches: 0 };

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: CommitBatcherOptions,
  ) {
    this.maxBatch = options.maxBatch ?? 500;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
  }

  /** Adds a passenger written in every transaction. */
  carry(passenger: BatchPassenger): void {
    this.passengers.push(passenger);
  }

  /** Runs `work` in the next batch; resolves with its result after the batch committed. */
  run<T>(work: BatchWork<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('commit batcher closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled && this.active < this.concurrency) {
        this.scheduled = true;
        // Let the current tick's messages join the batch.
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Commits the passengers now (e.g. the frame log on a timer) even without messages. */
  flush(): Promise<void> {
    return this.run(async () => undefined);
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      const batch = this.queue.length <= this.maxBatch ? this.queue : this.queue.slice(0, this.maxBatch);
      this.queue = this.queue.length <= this.maxBatch ? [] : this.queue.slice(this.maxBatch);
      this.active++;
      void this.commit(batch).finally(() => {
        this.active--;
        this.pump();
        if (this.active === 0 && this.queue.length === 0) for (const wake of this.idle.splice(0)) wake();
      });
    }
  }

  private async commit(batch: Item[]): Promise<void> {
    const drained = this.passengers.map((p) => p.drain());
    let writes: BatchWrites | undefined;
    try {
      const results = await this.db.transaction().execute(async (trx) => {
        const repos = repositories(trx);
        writes = new BatchWrites();
        const out: unknown[] = [];
        for (const item of batch) out.push(await item.work(repos, writes));
        await writes.flush(repos);
        for (let i = 0; i < this.passengers.length; i++) {
          const entries = drained[i];
          if (entries !== undefined) await this.passengers[i]!.write(repos, entries);
        }
        return out;
      });
      writes?.committed();
      this.stats.batches++;
      this.stats.items += batch.length;
      for (let i = 0; i < batch.length; i++) batch[i]!.resolve(results[i]);
      return;
    } catch (error) {
      for (let i = 0; i < drained.length; i++) {
        const entries = drained[i];
        if (entries !== undefined) this.passengers[i]!.restore(entries);
      }
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      this.stats.retriedBatches++;
      this.options.logger.warn({ err: error, size: batch.length }, 'batch failed; retrying its messages one by one');
    }
    const settled: Array<() => void> = [];
    for (const item of batch) {
      try {
        const writes = new BatchWrites();
        const result = await this.db.transaction().execute(async (trx) => {
          const repos = repositories(trx);
          const value = await item.work(repos, writes);
          await writes.flush(repos);
          return value;
        });
        writes.committed();
        settled.push(() => item.resolve(result));
      } catch (error) {
        settled.push(() => item.reject(error));
      }
    }
    // Work may have put entries in the passengers (e.g. the frame log): commit them before acking.
    await this.commitPassengers().catch((err) =>
      this.options.logger.warn({ err }, 'passenger flush after retry failed'),
    );
    for (const settle of settled) settle();
  }

  private async commitPassengers(): Promise<void> {
    const drained = this.passengers.map((p) => p.drain());
    if (drained.every((d) => d === undefined)) return;
    try {
      await this.db.transaction().execute(async (trx) => {
        const repos = repositories(trx);
        for (let i = 0; i < this.passengers.length; i++) {
          const entries = drained[i];
          if (entries !== undefined) await this.passengers[i]!.write(repos, entries);
        }
      });
    } catch (error) {
      for (let i = 0; i < drained.length; i++) {
        const entries = drained[i];
        if (entries !== undefined) this.passengers[i]!.restore(entries);
      }
      throw error;
    }
  }

  /** Waits for queued work to commit, then refuses new work. */
  private get busy(): boolean {
    return this.active > 0 || this.queue.length > 0 || this.scheduled;
  }

  async close(): Promise<void> {
    if (this.busy) await new Promise<void>((resolve) => this.idle.push(resolve));
    if (
      this.passengers.some((p) => {
        const entries = p.drain();
        if (entries !== undefined) p.restore(entries);
        return entries !== undefined;
      })
    ) {
      await this.flush().catch(() => {});
    }
    this.closed = true;
  }
}
