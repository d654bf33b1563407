/** A scheduled task; `cancel()` makes it a no-op (lazy deletion from the heap). */
export interface ScheduledTask {
  cancel(): void;
}

class Entry implements ScheduledTask {
  constructor(
    readonly at: number,
    readonly seq: number,
    public fn: (() => void) | undefined,
  ) {}

  cancel(): void {
    this.fn = undefined;
  }
}

function less(a: Entry, b: Entry): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/**
 * One timer for a whole fleet: a binary min-heap of due times drained by a single `setTimeout`.
 * 50,000 stations each with heartbeat, meter and cycle timers would otherwise hold hundreds of
 * thousands of Node timers; here each pending task is one small object in an array.
 */
export class Scheduler {
  private readonly heap: Entry[] = [];
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  /** Tasks waiting (including cancelled ones not yet drained). */
  get size(): number {
    return this.heap.length;
  }

  /** Runs `fn` after `delayMs` milliseconds (clamped at 0). */
  after(delayMs: number, fn: () => void): ScheduledTask {
    const entry = new Entry(this.now() + Math.max(0, delayMs), this.seq++, fn);
    if (this.stopped) return entry;
    this.push(entry);
    this.arm();
    return entry;
  }

  /** Drops every task and the timer; later `after` calls are ignored. */
  stop(): void {
    this.stopped = true;
    this.heap.length = 0;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private arm(): void {
    const head = this.heap[0];
    if (head === undefined || head.at >= this.timerAt) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timerAt = head.at;
    this.timer = setTimeout(() => this.drain(), Math.max(0, head.at - this.now()));
  }

  private drain(): void {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    const now = this.now();
    // Bounded batch so a burst of due tasks cannot starve socket I/O.
    let budget = 20_000;
    while (this.heap.length > 0 && this.heap[0]!.at <= now && budget-- > 0 && !this.stopped) {
      const entry = this.pop()!;
      const fn = entry.fn;
      entry.fn = undefined;
      if (fn === undefined) continue;
      try {
        fn();
      } catch (err) {
        this.onError(err);
      }
    }
    if (this.stopped) return;
    if (this.heap.length > 0 && this.heap[0]!.at <= now) {
      this.timerAt = now;
      this.timer = setTimeout(() => this.drain(), 0);
      return;
    }
    this.arm();
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!less(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): Entry | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    const n = heap.length;
    if (n === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && less(heap[r]!, heap[l]!) ? r : l;
      if (!less(heap[c]!, last)) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
    return top;
  }
}
