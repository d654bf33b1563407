/**
 * How long a running transaction's session push waits, gathering the meter values and updates
 * that follow into one push (a partner gets at most one update per window and transaction; its
 * start and its end are pushed at once). Without it every meter value costs an outbox row, a
 * BullMQ job and a session rebuild — a station sampling every few seconds made the worker as busy
 * as the gateway (docs/benchmarks.md).
 */
export const SESSION_UPDATE_WINDOW_MS = 2_000;
/** An update this close to the queued push's start queues its own (its commit may come late). */
const MARGIN_MS = 1_000;
/** Forgotten pushes are pruned once this many transactions are remembered. */
const PRUNE_AT = 100_000;

/** Per gateway process: which running transactions have a delayed session push queued, until when. */
export class SessionUpdateWindows {
  private readonly due = new Map<number, number>();

  /**
   * When a session push for this update should run — or undefined when the push already queued
   * will run late enough to read this update too (no outbox row needed).
   */
  nextPush(transactionId: number, now: number): Date | undefined {
    const due = this.due.get(transactionId);
    if (due !== undefined && now < due - MARGIN_MS) return undefined;
    return new Date(now + SESSION_UPDATE_WINDOW_MS);
  }

  /** The push due at `at` is committed to the outbox (call after the commit, never before). */
  queued(transactionId: number, at: Date): void {
    const now = Date.now();
    if (this.due.size >= PRUNE_AT) for (const [id, due] of this.due) if (due < now) this.due.delete(id);
    this.due.set(transactionId, at.getTime());
  }

  /** The transaction's session is pushed now (a start, an authorization, its end). */
  pushedNow(transactionId: number): void {
    this.due.delete(transactionId);
  }
}
