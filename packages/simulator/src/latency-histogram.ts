const GROWTH = 1.04;
const LOG_GROWTH = Math.log(GROWTH);
/** Values below this (ms) share bucket 0. */
const FLOOR_MS = 0.05;
const BUCKETS = 400; // 0.05 ms · 1.04^400 ≈ 330 s

/**
 * Latency histogram with logarithmic buckets (4 % wide): constant memory whatever the message
 * count, percentiles accurate to a bucket. Good enough for p50/p95/p99 of a load run.
 */
export class LatencyHistogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;
  private max = 0;
  private sum = 0;

  /** Records one latency in milliseconds. */
  record(ms: number): void {
    const index = ms <= FLOOR_MS ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log(ms / FLOOR_MS) / LOG_GROWTH));
    this.counts[index]! += 1;
    this.total++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  /** Number of recorded values. */
  get count(): number {
    return this.total;
  }

  /** The value at quantile `q` (0..1), as the upper bound of its bucket, in ms; 0 when empty. */
  percentile(q: number): number {
    if (this.total === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(this.max, FLOOR_MS * GROWTH ** i);
    }
    return this.max;
  }

  /** p50/p95/p99/max/mean, rounded to 0.01 ms. */
  summary(): { count: number; p50: number; p95: number; p99: number; max: number; mean: number } {
    const r = (v: number) => Math.round(v * 100) / 100;
    return {
      count: this.total,
      p50: r(this.percentile(0.5)),
      p95: r(this.percentile(0.95)),
      p99: r(this.percentile(0.99)),
      max: r(this.max),
      mean: r(this.total === 0 ? 0 : this.sum / this.total),
    };
  }

  /** Forgets everything (e.g. after warm-up). */
  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.max = 0;
    this.sum = 0;
  }
}
