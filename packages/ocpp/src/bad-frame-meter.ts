/**
 * Counts bad frames in a sliding time window, so a connection can close itself when a peer floods
 * it with garbage while a station that sends the odd broken frame over days is left alone.
 */
export class BadFrameMeter {
  private readonly stamps: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one bad frame; returns how many fall in the current window (this one included). */
  record(): number {
    const t = this.now();
    this.stamps.push(t);
    while (this.stamps.length > 0 && this.stamps[0] <= t - this.windowMs) this.stamps.shift();
    // Past the limit the connection closes; never keep more than limit + 1 stamps.
    if (this.stamps.length > this.limit + 1) this.stamps.splice(0, this.stamps.length - this.limit - 1);
    return this.stamps.length;
  }

  /** Whether `count` (as returned by {@link record}) is over the limit. */
  exceeded(count: number): boolean {
    return count > this.limit;
  }

  /** Bad frames currently in the window. */
  get count(): number {
    const t = this.now();
    return this.stamps.filter((s) => s > t - this.windowMs).length;
  }
}
