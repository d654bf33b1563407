import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { priceTariffCommand, TariffInputError } from '@chargebridge/tariffs';
import { CliError } from './cli-error.js';
import type { CliCommand } from './command.js';

const usage = 'tariff price --tariff FILE --cdr FILE [--time-zone TZ]';

async function readInput(path: string, flag: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new CliError(`--${flag} ${path}: ${reason}`);
  }
}

/** Prices one session: an OCPI Tariff and an OCPI CDR in, the CDR cost fields out (JSON on stdout). */
export const tariffPriceCommand: CliCommand = {
  path: ['tariff', 'price'],
  summary: 'price one session with the tariff engine: prints the CDR cost fields as JSON',
  usage,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { tariff: { type: 'string' }, cdr: { type: 'string' }, 'time-zone': { type: 'string' } },
      strict: true,
    });
    if (!values.tariff || !values.cdr)
      throw new CliError(`--tariff and --cdr are required\n  usage: chargebridge ${usage}`);
    const [tariffJson, cdrJson] = await Promise.all([readInput(values.tariff, 'tariff'), readInput(values.cdr, 'cdr')]);
    try {
      const totals = priceTariffCommand({ tariffJson, cdrJson, timeZone: values['time-zone'] });
      process.stdout.write(`${JSON.stringify(totals, null, 2)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof TariffInputError) throw new CliError(error.message);
      throw error;
    }
  },
};
