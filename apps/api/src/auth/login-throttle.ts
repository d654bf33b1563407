/**
 * Counts failed sign-ins per key (username or admin token, plus client IP) in memory:
 * after `limit` failures within `windowMs`, the key is refused until the oldest one ages out.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 5 * 60 * 1000,
    private readonly maxKeys = 10_000,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < this.limit) return 0;
    return (recent[recent.length - this.limit] ?? now) + this.windowMs - now;
  }

  fail(key: string, now = Date.now()): void {
    if (this.failures.size >= this.maxKeys && !this.failures.has(key)) this.sweep(now);
    this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((at) => at > now - this.windowMs);
  }

  /** Forgets keys without recent failures; if still full, the oldest keys. */
  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) {
      if (this.recent(key, now).length === 0) this.failures.delete(key);
    }
    for (const key of this.failures.keys()) {
      if (this.failures.size < this.maxKeys) break;
      this.failures.delete(key);
    }
  }
}
