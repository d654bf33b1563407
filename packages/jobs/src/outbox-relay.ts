import type { Database } from '@chargebridge/store';
import { OutboxRepository } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import type { JobRunner } from './job-runner.js';
import { isJobName } from './job-types.js';

export interface OutboxRelayOptions {
  db: Kysely<Database>;
  runner: JobRunner;
  /** How often to look for rows nobody nudged us about (default 500 ms). */
  intervalMs?: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
}

/**
 * Moves committed outbox rows into the job runner. Rows are claimed `for update skip locked`,
 * enqueued under their deterministic job id, then marked relayed in the same transaction: a crash
 * after enqueue but before commit relays the row again, and the job id makes that a no-op.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private again = false;
  private stopped = false;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.timer = setTimeout(async () => {
        await this.relayNow().catch((error) => this.options.onError?.(error));
        tick();
      }, this.options.intervalMs ?? 500);
      this.timer.unref?.();
    };
    tick();
  }

  /** Relay soon: called after a commit that wrote outbox rows, for low latency. */
  nudge(): void {
    if (this.stopped) return;
    void this.relayNow().catch((error) => this.options.onError?.(error));
  }

  /** Relays until the outbox is empty; returns how many rows moved. Concurrent calls coalesce. */
  async relayNow(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain();
    try {
      return await this.running;
    } finally {
      this.running = undefined;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.relayNow().catch((error) => this.options.onError?.(error));
      }
    }
  }

  private async drain(): Promise<number> {
    const batchSize = this.options.batchSize ?? 500;
    let total = 0;
    for (;;) {
      const moved = await this.options.db.transaction().execute(async (trx) => {
        const outbox = new OutboxRepository(trx);
        const rows = await outbox.claimBatch(batchSize);
        const now = Date.now();
        // One add per job id and batch: the later rows of a key would be no-ops (a round trip each).
        const added = new Set<string>();
        for (const row of rows) {
          if (!isJobName(row.topic)) continue; // an unknown topic stays visible as relayed-but-unhandled
          if (added.has(row.job_key)) continue;
          added.add(row.job_key);
          await this.options.runner.add(row.topic, row.payload as never, {
            jobId: row.job_key,
            delayMs: Math.max(0, row.available_at.getTime() - now),
          });
        }
        await outbox.markRelayed(
          rows.map((row) => row.id),
          new Date(),
        );
        return rows.length;
      });
      total += moved;
      if (moved < batchSize) return total;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
