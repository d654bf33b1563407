import { verifyPassword } from '@chargebridge/api';
import { repositories } from '@chargebridge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { runCli } from './run-cli.js';

let database: TestDatabase;
let env: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  env = { DATABASE_URL: database.url };
});
afterAll(async () => {
  await database.drop();
});

/** Each case spawns the CLI (tsx start-up, a database connection): slow on a loaded machine. */
describe('chargebridge user', () => {
  it('adds an account with a generated password, printed once and stored hashed', { timeout: 120_000 }, async () => {
    const { code, stdout, stderr } = await runCli(['user', 'add', '--username', 'ops', '--role', 'operator'], env);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('created operator account "ops"');
    const password = /password: (\S+)/.exec(stdout)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(20);
    const row = await repositories(database.store.db).users.findByUsername('ops');
    expect(row).toMatchObject({ role: 'operator', disabled: false });
    expect(row?.password_hash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(password, row?.password_hash ?? '')).toBe(true);
  });

  it('adds an account with a given password without echoing it', { timeout: 120_000 }, async () => {
    const secret = 'given-password-123';
    const { code, stdout, stderr } = await runCli(
      ['user', 'add', '--username', 'boss', '--role', 'admin', '--password', secret, '--display-name', 'The Boss'],
      env,
    );
    expect(code).toBe(0);
    expect(stdout + stderr).not.toContain(secret);
    const row = await repositories(database.store.db).users.findByUsername('boss');
    expect(row).toMatchObject({ role: 'admin', display_name: 'The Boss' });
    expect(await verifyPassword(secret, row?.password_hash ?? '')).toBe(true);
  });

  it('refuses a taken username, an unknown role and a short password with one line', { timeout: 120_000 }, async () => {
    for (const [args, message] of [
      [['--username', 'ops', '--role', 'viewer'], 'the username "ops" is taken'],
      [['--username', 'someone', '--role', 'root'], 'the role must be one of admin, operator, viewer'],
      [['--username', 'someone', '--role', 'viewer', '--password', 'short'], 'at least 10 characters'],
      [['--role', 'viewer'], '--username and --role are required'],
    ] as const) {
      const { code, stderr } = await runCli(['user', 'add', ...args], env);
      expect(code).toBe(1);
      expect(stderr).toContain(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('lists the accounts as a table and as JSON', { timeout: 120_000 }, async () => {
    const table = await runCli(['user', 'list'], env);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/USERNAME\s+ROLE/);
    expect(table.stdout).toMatch(/boss\s+admin\s+enabled\s+never/);
    expect(table.stdout).toMatch(/ops\s+operator\s+enabled/);
    const json = await runCli(['user', 'list', '--json'], env);
    const items = JSON.parse(json.stdout) as Array<{ username: string; role: string }>;
    expect(items.map((u) => [u.username, u.role])).toEqual([
      ['boss', 'admin'],
      ['ops', 'operator'],
    ]);
    expect(json.stdout).not.toContain('scrypt');
  });
});
