import type { PartyPowerSeries } from '@chargebridge/store';
import { describe, expect, it } from 'vitest';
import { PowerBucketCache } from '../src/admin/overview/power-buckets.cache.js';

const STEP = 15 * 60_000;
const HOUR = 3_600_000;

/** A compute that records its ranges and answers 1 kW × (bucket index of the day) for party NL*AAA. */
function recordingCompute() {
  const calls: Array<[number, number]> = [];
  const compute = async (from: Date, to: Date): Promise<PartyPowerSeries[]> => {
    calls.push([from.getTime(), to.getTime()]);
    const points = [];
    for (let t = from.getTime(); t < to.getTime(); t += STEP) {
      points.push({ at: new Date(t).toISOString(), kw: (t % 86_400_000) / STEP });
    }
    return [{ country_code: 'NL', party_id: 'AAA', name: 'CPO A', points }];
  };
  return { calls, compute };
}

describe('PowerBucketCache', () => {
  const day = Date.UTC(2030, 0, 1);

  it('computes a window once, then only its last 30 minutes', async () => {
    let now = day + 24 * HOUR - 5 * 60_000;
    const { calls, compute } = recordingCompute();
    const cache = new PowerBucketCache(STEP, compute, () => now);
    const from = new Date(day);
    const to = new Date(day + 24 * HOUR);

    const first = await cache.window(from, to);
    expect(calls).toEqual([[day, day + 24 * HOUR]]);
    expect(first.buckets.size).toBe(96);
    expect(first.parties.get('NL*AAA')).toEqual({ country_code: 'NL', party_id: 'AAA', name: 'CPO A' });
    expect(first.buckets.get(day + 10 * STEP)?.get('NL*AAA')).toBe(10);

    now += 60_000;
    const second = await cache.window(from, to);
    // Recent = the buckets from floor(now − 30 min); the rest comes from the cache.
    const recentStart = Math.floor((now - 30 * 60_000) / STEP) * STEP;
    expect(calls[1]).toEqual([recentStart, day + 24 * HOUR]);
    expect(second.buckets.size).toBe(96);
    expect(second.buckets.get(day + 10 * STEP)?.get('NL*AAA')).toBe(10);
    expect(second.buckets.get(day + 95 * STEP)?.get('NL*AAA')).toBe(95);
  });

  it('shares one computation between concurrent and quick repeated requests', async () => {
    const now = day + 12 * HOUR;
    const { calls, compute } = recordingCompute();
    const cache = new PowerBucketCache(STEP, compute, () => now);
    const from = new Date(day + 11 * HOUR);
    const to = new Date(day + 12 * HOUR + STEP);
    await Promise.all([cache.window(from, to), cache.window(from, to)]);
    await cache.window(from, to);
    expect(calls).toHaveLength(1);
  });

  it('keeps empty closed buckets as computed (no re-read of quiet hours)', async () => {
    let now = day + 6 * HOUR;
    const calls: number[] = [];
    const cache = new PowerBucketCache(
      STEP,
      async (from) => {
        calls.push(from.getTime());
        return [];
      },
      () => now,
    );
    const from = new Date(day);
    const to = new Date(day + 6 * HOUR);
    expect((await cache.window(from, to)).parties.size).toBe(0);
    now += 60_000;
    await cache.window(from, to);
    expect(calls).toEqual([day, Math.floor((now - 30 * 60_000) / STEP) * STEP]);
  });
});
