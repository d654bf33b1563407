import type { ChangeFeedRepository, ChangeKey, ChangePosition, ChangeSource } from '@chargebridge/store';

export interface FollowerOptions {
  /** How far back each poll re-reads (µs): rows committed late with an older timestamp. */
  overlapUs: number;
  /** Rows per query. */
  batchSize: number;
  /** Queries per poll; past that the next poll continues where this one stopped. */
  maxPages: number;
}

/**
 * Follows one table by its change timestamp. A writer's timestamp is taken before its commit,
 * so a row can become visible after newer ones were read: each poll therefore re-reads the last
 * `overlapUs` and drops rows already emitted at the same version (their exact µs timestamp).
 * A poll reads at most `maxPages × batchSize` rows; a backlog continues from where it stopped,
 * so progress never depends on the overlap window holding fewer rows than one poll.
 */
export class SourceFollower {
  private high = 0;
  private resume: ChangePosition | null = null;
  /** Row id → the version emitted last, for rows inside the re-read window. */
  private readonly seen = new Map<number | string, number>();

  constructor(
    readonly source: ChangeSource,
    private readonly options: FollowerOptions,
  ) {}

  /** Starts following from `highUs` (changes at or before it are taken as seen). */
  reset(highUs: number): void {
    this.high = highUs;
    this.resume = null;
    this.seen.clear();
  }

  /** Everything changed after this (µs) is still to come; the cursor's value for this source. */
  get position(): number {
    return this.resume ? this.resume.us : this.high;
  }

  /** The rows changed since the last poll, oldest first, each once per version. */
  async poll(repo: ChangeFeedRepository): Promise<ChangeKey[]> {
    const { batchSize, maxPages, overlapUs } = this.options;
    let from: ChangePosition = this.resume ?? { us: this.high - overlapUs, id: null };
    this.resume = null;
    const out: ChangeKey[] = [];
    for (let page = 0; page < maxPages; page++) {
      const keys = await repo.changedSince(this.source, from, batchSize);
      for (const key of keys) {
        if (this.seen.get(key.id) === key.us) continue;
        this.seen.set(key.id, key.us);
        out.push(key);
      }
      const last = keys.at(-1);
      if (!last) break;
      from = { us: last.us, id: last.id };
      this.high = Math.max(this.high, last.us);
      if (keys.length < batchSize) break;
      if (page === maxPages - 1) this.resume = from;
    }
    this.prune();
    return out;
  }

  /** Forgets versions older than anything a later poll can re-read. */
  private prune(): void {
    const floor = this.position - 2 * this.options.overlapUs;
    for (const [id, us] of this.seen) if (us < floor) this.seen.delete(id);
  }
}
