import { runSimulateCli, SIMULATE_USAGE } from '@chargebridge/simulator';
import { CliError } from './cli-error.js';
import type { CliCommand } from './command.js';

/** `chargebridge simulate`: virtual OCPP stations against any OCPP-J server (packages/simulator). */
export const simulateCommand: CliCommand = {
  path: ['simulate'],
  summary: 'virtual OCPP 1.6J / 2.0.1 / 2.1 stations (and a load generator) against any OCPP server URL',
  usage: 'simulate --url WS_URL [--stations N] [--protocol 1.6|2.0.1|2.1|mix] [options: simulate --help]',
  async run(args) {
    if (args.includes('--help') || args.includes('-h')) {
      process.stdout.write(`Usage: chargebridge ${SIMULATE_USAGE}\n`);
      return 0;
    }
    try {
      return await runSimulateCli(args);
    } catch (error) {
      if (error instanceof RangeError) throw new CliError(error.message, 2);
      throw error;
    }
  },
};
