import { writeFileSync } from 'node:fs';
import { Simulator } from '../simulator.js';
import { startLiveDisplay } from './live-display.js';
import { parseSimulateArgs } from './simulate-args.js';

export { SIMULATE_USAGE } from './simulate-args.js';

/**
 * `chargebridge simulate …`: runs a fleet until `--duration` elapses or SIGINT/SIGTERM, then
 * prints the JSON summary on stdout. SIGUSR2 drops every connection (reconnect storm).
 * Resolves to the exit code: 0, or 1 when no station ever booted.
 */
export async function runSimulateCli(args: string[]): Promise<number> {
  const run = parseSimulateArgs(args);
  const simulator = new Simulator(run.options);
  const mode = process.stderr.isTTY ? 'tty' : run.progress ? 'progress' : 'none';
  const stopDisplay = startLiveDisplay(simulator.stats, simulator.options.stations, mode, () =>
    simulator.queuedTransactionMessages(),
  );
  simulator.start();
  await new Promise<void>((resolve) => {
    const timer = run.durationS === undefined ? undefined : setTimeout(resolve, run.durationS * 1000);
    const done = () => {
      if (timer !== undefined) clearTimeout(timer);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    process.on('SIGUSR2', () => simulator.dropAll(run.dropWithinMs));
  });
  await simulator.stop(run.drainS * 1000);
  stopDisplay();
  const summary = simulator.summary();
  const text = `${JSON.stringify(summary, null, 2)}\n`;
  if (run.out !== undefined) writeFileSync(run.out, text);
  process.stdout.write(text);
  return summary.boots.accepted > 0 ? 0 : 1;
}
