import type { PartyPowerSeries } from '@chargebridge/store';

/** Buckets newer than this are always recomputed: the current one fills, stations send late. */
const RECENT_MS = 30 * 60_000;
/** How long a computation of the recent buckets is shared by every request. */
const REUSE_MS = 20_000;
/** Closed buckets older than this are forgotten. */
const KEEP_MS = 8 * 86_400_000;

type Party = Pick<PartyPowerSeries, 'country_code' | 'party_id' | 'name'>;

/** kW per party key (`CC*PID`) in one bucket. */
type Bucket = Map<string, number>;

/** What {@link PowerBucketCache.window} answers: every party seen, and kW by bucket start (ms). */
export interface PowerWindow {
  parties: Map<string, Party>;
  buckets: Map<number, Bucket>;
}

/**
 * Power per CPO in fixed buckets, computed from meter samples — which means reading every
 * sample of the window. A closed bucket does not change (bar late samples, which the last
 * 30 minutes absorb), so each API process computes it once and keeps it: after the first
 * request only the recent buckets are read again, and concurrent requests share that read.
 */
export class PowerBucketCache {
  private readonly closed = new Map<number, Bucket>();
  private readonly parties = new Map<string, Party>();
  private readonly inflight = new Map<
    string,
    { at: number; from: number; to: number; result: Promise<PartyPowerSeries[]> }
  >();

  constructor(
    private readonly stepMs: number,
    private readonly compute: (from: Date, to: Date) => Promise<PartyPowerSeries[]>,
    private readonly clock: () => number = Date.now,
  ) {}

  /** kW per party and bucket over [from, to), both aligned to the bucket size. */
  async window(from: Date, to: Date): Promise<PowerWindow> {
    const now = this.clock();
    const recentStart = Math.floor((now - RECENT_MS) / this.stepMs) * this.stepMs;
    const closedEnd = Math.min(to.getTime(), Math.max(from.getTime(), recentStart));
    let computeFrom = from.getTime();
    while (computeFrom < closedEnd && this.closed.has(computeFrom)) computeFrom += this.stepMs;

    const buckets = new Map<number, Bucket>();
    if (computeFrom < to.getTime()) {
      const series = await this.computeShared(computeFrom, to.getTime(), now);
      for (let t = computeFrom; t < to.getTime(); t += this.stepMs) buckets.set(t, new Map());
      for (const s of series) {
        const key = `${s.country_code}*${s.party_id}`;
        this.parties.set(key, { country_code: s.country_code, party_id: s.party_id, name: s.name });
        for (const p of s.points) buckets.get(Date.parse(p.at))?.set(key, p.kw);
      }
      for (const [t, bucket] of buckets) if (t < closedEnd) this.closed.set(t, bucket);
    }
    for (let t = from.getTime(); t < Math.min(computeFrom, to.getTime()); t += this.stepMs) {
      buckets.set(t, this.closed.get(t) ?? new Map());
    }
    this.prune(now);
    const parties = new Map<string, Party>();
    for (const bucket of buckets.values()) {
      for (const key of bucket.keys()) {
        const party = this.parties.get(key);
        if (party) parties.set(key, party);
      }
    }
    return { parties, buckets };
  }

  /** A computation covering [from, to) started in the last 20 s, or a new one. */
  private computeShared(from: number, to: number, now: number): Promise<PartyPowerSeries[]> {
    for (const entry of this.inflight.values()) {
      if (entry.to === to && entry.from <= from && now - entry.at < REUSE_MS) return entry.result;
    }
    const key = `${from}:${to}`;
    const result = this.compute(new Date(from), new Date(to));
    this.inflight.set(key, { at: now, from, to, result });
    result.catch(() => this.inflight.delete(key));
    return result;
  }

  private prune(now: number): void {
    for (const t of this.closed.keys()) if (t < now - KEEP_MS) this.closed.delete(t);
    for (const [key, entry] of this.inflight) if (now - entry.at >= REUSE_MS) this.inflight.delete(key);
  }
}
