import { parseArgs } from 'node:util';
import { accountProblem, generatePassword, hashPassword, ROLES } from '@chargebridge/api';
import { loadConfig } from '@chargebridge/config';
import { repositories, type UserRole } from '@chargebridge/store';
import { connectStore } from '../runtime/connect-store.js';
import { CliError } from './cli-error.js';
import type { CliCommand } from './command.js';

const addUsage = `user add --username NAME --role ${ROLES.join('|')} [--password P] [--display-name TEXT]`;

/**
 * Creates a dashboard / API account. Without `--password` a strong one is generated and
 * printed once; the password is never logged.
 */
export const userAddCommand: CliCommand = {
  path: ['user', 'add'],
  summary: 'create an account (prints a generated password when --password is omitted)',
  usage: addUsage,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        username: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
        'display-name': { type: 'string' },
      },
      strict: true,
    });
    if (!values.username || !values.role)
      throw new CliError(`--username and --role are required\n  usage: chargebridge ${addUsage}`);
    const generated = values.password === undefined;
    const password = values.password ?? generatePassword();
    const problem = accountProblem({ username: values.username, role: values.role, password });
    if (problem) throw new CliError(problem);
    const store = await connectStore(loadConfig(), { migrate: true });
    try {
      const row = await repositories(store.db).users.create({
        username: values.username,
        displayName: values['display-name']?.trim() || null,
        passwordHash: await hashPassword(password),
        role: values.role as UserRole,
      });
      if (!row) throw new CliError(`the username "${values.username}" is taken`);
      process.stdout.write(`created ${row.role} account "${row.username}" (id ${row.id})\n`);
      if (generated) process.stdout.write(`password: ${password}\n  (shown once; change it in the dashboard)\n`);
      return 0;
    } finally {
      await store.close();
    }
  },
};

/** Lists the accounts: username, role, state and last sign-in. */
export const userListCommand: CliCommand = {
  path: ['user', 'list'],
  summary: 'list the accounts with their roles',
  usage: 'user list [--json]',
  async run(args) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } }, strict: true });
    const store = await connectStore(loadConfig(), { migrate: false });
    try {
      const users = await repositories(store.db).users.list();
      if (values.json) {
        const items = users.map((u) => ({
          id: u.id,
          username: u.username,
          display_name: u.display_name,
          role: u.role,
          disabled: u.disabled,
          last_login_at: u.last_login_at?.toISOString() ?? null,
        }));
        process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
        return 0;
      }
      if (users.length === 0) {
        process.stdout.write('no accounts yet: chargebridge user add --username NAME --role admin\n');
        return 0;
      }
      const rows = [
        ['ID', 'USERNAME', 'ROLE', 'STATE', 'LAST SIGN-IN'],
        ...users.map((u) => [
          String(u.id),
          u.username,
          u.role,
          u.disabled ? 'disabled' : 'enabled',
          u.last_login_at?.toISOString() ?? 'never',
        ]),
      ];
      const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
      for (const row of rows) {
        process.stdout.write(
          `${row
            .map((cell, i) => cell.padEnd(widths[i] ?? 0))
            .join('  ')
            .trimEnd()}\n`,
        );
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
