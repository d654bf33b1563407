import type { Repositories } from '@chargebridge/store';
import type { BatchPassenger } from './commit-batcher.js';

/**
 * Last-seen times kept in memory (heartbeats never touch the database on their own) and flushed
 * with `touchMany` in one statement per batch.
 */
export class LastSeenBuffer implements BatchPassenger {
  private seen = new Map<number, Date>();

  /** Notes that a station was heard from. */
  mark(stationId: number, at: Date): void {
    this.seen.set(stationId, at);
  }

  drain(): Array<{ id: number; at: Date }> | undefined {
    if (this.seen.size === 0) return undefined;
    // Sorted by id: concurrent batches then lock station rows in the same order (no deadlock).
    const out = [...this.seen].map(([id, at]) => ({ id, at })).sort((a, b) => a.id - b.id);
    this.seen = new Map();
    return out;
  }

  async write(repos: Repositories, entries: unknown[]): Promise<void> {
    await repos.stations.touchMany(entries as Array<{ id: number; at: Date }>);
  }

  restore(entries: unknown[]): void {
    for (const e of entries as Array<{ id: number; at: Date }>) if (!this.seen.has(e.id)) this.seen.set(e.id, e.at);
  }
}
