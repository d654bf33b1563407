/**
 * Runs async jobs one at a time in push order. The gateway relies on incoming CALLs of one
 * connection being handled serially (a StopTransaction is never handled before the MeterValues
 * that preceded it).
 */
export class SerialLane<T extends object> {
  private readonly queue: T[] = [];
  private running = false;
  private stopped = false;

  constructor(
    private readonly run: (item: T) => Promise<void>,
    private readonly onError: (error: unknown, item: T) => void,
  ) {}

  /** Queues an item; starts draining if idle. */
  push(item: T): void {
    if (this.stopped) return;
    this.queue.push(item);
    if (!this.running) void this.drain();
  }

  /** Items waiting (not counting the one running). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Drops waiting items and refuses new ones; the running job finishes on its own. */
  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      for (let item = this.queue.shift(); item !== undefined; item = this.queue.shift()) {
        try {
          await this.run(item);
        } catch (error) {
          this.onError(error, item);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
