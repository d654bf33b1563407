import { describe, expect, it } from 'vitest';
import { LatencyHistogram, Scheduler } from '../src/index.js';

describe('Scheduler', () => {
  it('runs tasks in due order, ties in insertion order, and skips cancelled ones', async () => {
    const scheduler = new Scheduler();
    const ran: string[] = [];
    scheduler.after(30, () => ran.push('c'));
    scheduler.after(10, () => ran.push('a'));
    scheduler.after(10, () => ran.push('b'));
    const cancelled = scheduler.after(20, () => ran.push('x'));
    cancelled.cancel();
    scheduler.after(0, () => scheduler.after(60, () => ran.push('nested')));
    await expect.poll(() => ran.length).toBe(4);
    expect(ran).toEqual(['a', 'b', 'c', 'nested']);
    scheduler.stop();
  });

  it('holds 100,000 tasks in one heap and drains them in due order', async () => {
    // A clock frozen while the tasks are queued, so each due time is exactly its delay.
    let clock = 0;
    const scheduler = new Scheduler(() => clock);
    const ran: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const at = (i * 7919) % 5000;
      scheduler.after(at, () => ran.push(at));
    }
    expect(scheduler.size).toBe(100_000);
    clock = 10_000;
    scheduler.after(0, () => {});
    await expect.poll(() => ran.length, { timeout: 3_000 }).toBe(100_000);
    expect(ran.every((at, i) => i === 0 || ran[i - 1]! <= at)).toBe(true);
    scheduler.stop();
  });
});

describe('LatencyHistogram', () => {
  it('reports percentiles within a bucket (4 %)', () => {
    const h = new LatencyHistogram();
    for (let i = 1; i <= 1000; i++) h.record(i / 10); // 0.1 … 100 ms
    const s = h.summary();
    expect(s.count).toBe(1000);
    expect(s.p50).toBeGreaterThanOrEqual(50);
    expect(s.p50).toBeLessThanOrEqual(52.1);
    expect(s.p99).toBeGreaterThanOrEqual(99);
    expect(s.p99).toBeLessThanOrEqual(100);
    expect(s.max).toBe(100);
  });
});
