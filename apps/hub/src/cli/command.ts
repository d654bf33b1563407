/** One `chargebridge` sub-command. `run` resolves to the exit code (long-running ones never resolve before shutdown). */
export interface CliCommand {
  /** Words that select it, e.g. `['tariff', 'price']`. */
  readonly path: readonly string[];
  readonly summary: string;
  readonly usage: string;
  run(args: string[]): Promise<number>;
}
