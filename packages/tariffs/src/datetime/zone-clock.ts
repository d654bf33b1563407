/**
 * Local wall-clock arithmetic for a Location's IANA `time_zone` (mod_locations "Location Object"),
 * which is what TariffRestrictions time and date fields are expressed in (mod_tariffs
 * "TariffRestrictions class": "Start time of day in local time, the time zone is defined in the
 * time_zone field of the Location").
 *
 * Offsets come from luxon's `IANAZone` (tzdata via Intl), memoised per 15-minute bucket: a bucket
 * whose two ends have the same offset is assumed to contain no transition (true for all of tzdata
 * since 1970); buckets containing a transition are never cached.
 */
import { IANAZone } from 'luxon';

/** Milliseconds per day. */
export const DAY_MS = 86_400_000;
const BUCKET_MS = 900_000;
const MAX_CACHE_ENTRIES = 20_000;

/** Wall-clock fields of an instant in a zone. */
export interface LocalParts {
  /** Local calendar day as days since 1970-01-01. */
  day: number;
  /** Milliseconds since local midnight (0 ≤ msOfDay < 86 400 000). */
  msOfDay: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/** A stretch of time, starting at `from` (epoch ms), during which the zone's UTC offset is `offsetMs`. */
export interface OffsetSegment {
  from: number;
  offsetMs: number;
}

/** Local wall-clock fields of instant `t` given the UTC offset in effect at `t`. */
export function localPartsAt(t: number, offsetMs: number): LocalParts {
  const local = t + offsetMs;
  const day = Math.floor(local / DAY_MS);
  // 1970-01-01 (day 0) was a Thursday (ISO weekday 4).
  const weekday = ((((day + 3) % 7) + 7) % 7) + 1;
  return { day, msOfDay: local - day * DAY_MS, weekday };
}

/** Offset in effect at `t` according to `segments` (as returned by {@link ZoneClock.offsetSegments}). */
export function offsetIn(segments: readonly OffsetSegment[], t: number): number {
  let offset = segments[0].offsetMs;
  for (let i = 1; i < segments.length && segments[i].from <= t; i++) offset = segments[i].offsetMs;
  return offset;
}

const clocks = new Map<string, ZoneClock>();

/** UTC-offset oracle for one IANA zone. Obtain instances with {@link ZoneClock.of}. */
export class ZoneClock {
  private readonly cache = new Map<number, number>();

  private constructor(
    /** The IANA zone name as given. */
    readonly name: string,
    private readonly zone: IANAZone | null,
  ) {}

  /** Returns the clock for an IANA zone name, or `undefined` when the name is not a known zone. */
  static of(name: string): ZoneClock | undefined {
    const known = clocks.get(name);
    if (known !== undefined) return known;
    if (typeof name !== 'string' || name.length === 0) return undefined;
    let clock: ZoneClock;
    if (name === 'UTC' || name === 'Etc/UTC') clock = new ZoneClock(name, null);
    else if (IANAZone.isValidZone(name)) clock = new ZoneClock(name, IANAZone.create(name));
    else return undefined;
    clocks.set(name, clock);
    return clock;
  }

  /** UTC offset in milliseconds in effect at instant `t` (epoch ms). */
  offsetMs(t: number): number {
    if (this.zone === null) return 0;
    const bucket = Math.floor(t / BUCKET_MS);
    const cached = this.cache.get(bucket);
    if (cached !== undefined) return cached;
    const start = bucket * BUCKET_MS;
    const first = this.rawOffset(start);
    if (first !== this.rawOffset(start + BUCKET_MS - 1)) return this.rawOffset(t);
    if (this.cache.size >= MAX_CACHE_ENTRIES) this.cache.clear();
    this.cache.set(bucket, first);
    return first;
  }

  /**
   * The offsets in effect during `[a, b]`: the first segment starts at `a`, each following one at
   * an exact offset transition (found by bisection, to the millisecond).
   */
  offsetSegments(a: number, b: number): OffsetSegment[] {
    const segments: OffsetSegment[] = [{ from: a, offsetMs: this.offsetMs(a) }];
    if (this.zone === null) return segments;
    let t0 = a;
    let o0 = segments[0].offsetMs;
    while (t0 < b) {
      const t1 = Math.min(t0 + DAY_MS, b);
      const o1 = this.offsetMs(t1);
      if (o1 !== o0) {
        let lo = t0;
        let hi = t1;
        while (hi - lo > 1) {
          const mid = Math.floor((lo + hi) / 2);
          if (this.offsetMs(mid) === o0) lo = mid;
          else hi = mid;
        }
        segments.push({ from: hi, offsetMs: this.offsetMs(hi) });
        o0 = this.offsetMs(hi);
        t0 = hi;
        continue;
      }
      t0 = t1;
    }
    return segments;
  }

  /**
   * Every instant strictly inside `(a, b)` at which the local time of day equals one of
   * `msOfDayList`, plus every offset transition inside `(a, b)` (where local time jumps, possibly
   * over a boundary). Returned sorted and de-duplicated. A superset of the instants where any
   * time-of-day, date or weekday restriction can change truth value.
   */
  localBoundaries(a: number, b: number, segments: readonly OffsetSegment[], msOfDayList: readonly number[]): number[] {
    const out = new Set<number>();
    for (let i = 1; i < segments.length; i++)
      if (segments[i].from > a && segments[i].from < b) out.add(segments[i].from);
    for (const { offsetMs } of uniqueOffsets(segments)) {
      const firstDay = Math.floor((a + offsetMs) / DAY_MS);
      const lastDay = Math.floor((b + offsetMs) / DAY_MS);
      for (let day = firstDay; day <= lastDay; day++) {
        for (const msOfDay of msOfDayList) {
          const instant = day * DAY_MS + msOfDay - offsetMs;
          // Only keep crossings that really happen under this offset (or harmless extras).
          if (instant > a && instant < b) out.add(instant);
        }
      }
    }
    return [...out].sort((x, y) => x - y);
  }

  private rawOffset(t: number): number {
    return (this.zone as IANAZone).offset(t) * 60_000;
  }
}

function uniqueOffsets(segments: readonly OffsetSegment[]): OffsetSegment[] {
  const out: OffsetSegment[] = [];
  for (const s of segments) if (!out.some((o) => o.offsetMs === s.offsetMs)) out.push(s);
  return out;
}
