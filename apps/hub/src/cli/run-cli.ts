import { ConfigError } from '@chargebridge/config';
import { CliError } from './cli-error.js';
import type { CliCommand } from './command.js';
import { commands } from './commands.js';

function usage(): string {
  const lines = commands.map((c) => `  chargebridge ${c.usage}\n      ${c.summary}`);
  return `chargebridge — the EV-charging roaming hub\n\nUsage:\n${lines.join('\n')}\n`;
}

function select(argv: string[]): { command: CliCommand; args: string[] } | undefined {
  const matches = commands
    .filter((c) => c.path.every((word, i) => argv[i] === word))
    .sort((a, b) => b.path.length - a.path.length);
  const command = matches[0];
  return command ? { command, args: argv.slice(command.path.length) } : undefined;
}

/** Parses argv, runs one command, and turns expected failures into one clear line. */
export async function runCli(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' || argv[0] === '-h') {
    process.stdout.write(usage());
    return argv.length === 0 ? 1 : 0;
  }
  const selected = select(argv);
  if (!selected) {
    process.stderr.write(`chargebridge: unknown command "${argv.join(' ')}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await selected.command.run(selected.args);
  } catch (error) {
    if (error instanceof CliError || error instanceof ConfigError) {
      process.stderr.write(`chargebridge: ${error.message}\n`);
      return error instanceof CliError ? error.exitCode : 1;
    }
    if (
      error instanceof Error &&
      error.name === 'TypeError' &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`chargebridge: ${error.message}\n  usage: chargebridge ${selected.command.usage}\n`);
      return 2;
    }
    throw error;
  }
}
