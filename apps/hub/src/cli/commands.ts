import { cdrExportCommand } from './cdr-export.command.js';
import type { CliCommand } from './command.js';
import { migrateCommand } from './migrate.command.js';
import { simulateCommand } from './simulate.command.js';
import { startCommand } from './start.command.js';
import { tariffPriceCommand } from './tariff-price.command.js';
import { userAddCommand, userListCommand } from './user.command.js';

/** Every sub-command; each issue adds its file and one line here. */
export const commands: CliCommand[] = [
  startCommand,
  migrateCommand,
  simulateCommand,
  tariffPriceCommand,
  cdrExportCommand,
  userAddCommand,
  userListCommand,
];
