import type { NewMeterSample, OutboxMessage, Repositories } from '@chargebridge/store';

const SAMPLE_CHUNK = 2_000;

/**
 * Set-based writes of one batch transaction: handlers add meter samples, transactions whose
 * energy must be recomputed and outbox rows here instead of running a statement each; the
 * batcher writes them all just before commit, in the same transaction (so "ack after commit"
 * still covers them). Per batch that is one multi-row insert per table plus one energy update
 * for every touched transaction — instead of 2–5 statements per message.
 *
 * Nothing in the batch may read what it accumulates before the flush: samples are read only by
 * the energy refresh (which runs after them), outbox rows only by the relay (after commit).
 */
export class BatchWrites {
  private samples: NewMeterSample[] = [];
  private energy = new Set<number>();
  private outboxRows: OutboxMessage[] = [];
  private onCommit: Array<() => void> = [];

  /** Meter samples to append (deduplicated on their business key by the insert). */
  addSamples(rows: readonly NewMeterSample[]): void {
    for (const row of rows) this.samples.push(row);
  }

  /** A transaction whose energy is recomputed once, after this batch's samples are in. */
  refreshEnergy(transactionId: number): void {
    this.energy.add(transactionId);
  }

  /** Runs `fn` once this batch's transaction has committed (never when it rolls back). */
  afterCommit(fn: () => void): void {
    this.onCommit.push(fn);
  }

  /** Called by the batcher right after the commit. */
  committed(): void {
    for (const fn of this.onCommit) fn();
  }

  /** Outbox rows for the bridge, inserted in this batch in the order added. */
  addOutbox(messages: OutboxMessage | readonly OutboxMessage[]): void {
    if (Array.isArray(messages)) for (const m of messages as readonly OutboxMessage[]) this.outboxRows.push(m);
    else this.outboxRows.push(messages as OutboxMessage);
  }

  /** Writes everything accumulated (samples first: the energy refresh reads them). */
  async flush(repos: Repositories): Promise<void> {
    for (let i = 0; i < this.samples.length; i += SAMPLE_CHUNK) {
      await repos.meterSamples.append(this.samples.slice(i, i + SAMPLE_CHUNK));
    }
    if (this.energy.size > 0) await repos.transactions.refreshEnergy([...this.energy], new Date());
    if (this.outboxRows.length > 0) await repos.outbox.add(this.outboxRows);
  }
}
