/** A one-line progress bar on a terminal stream (redrawn in place, at most 10 times a second). */
export class ProgressBar {
  private readonly started = performance.now();
  private drawnAt = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly total: number,
    private readonly unit: string,
  ) {}

  update(current: number): void {
    const now = performance.now();
    if (now - this.drawnAt < 100 && current < this.total) return;
    this.drawnAt = now;
    const width = 30;
    const ratio = this.total > 0 ? Math.min(1, current / this.total) : 1;
    const filled = Math.round(ratio * width);
    const rate = current / Math.max(0.001, (now - this.started) / 1000);
    this.stream.write(
      `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ` +
        `${current.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} ${this.unit} ` +
        `${Math.round(rate).toLocaleString('en-US')}/s`,
    );
  }

  /** Ends the bar's line. */
  done(): void {
    this.update(this.total);
    this.stream.write('\n');
  }
}
