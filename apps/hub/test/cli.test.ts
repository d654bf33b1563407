import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testRedis } from '../../../test/support/database.js';
import { freePort } from '../../../test/support/free-port.js';
import { runCli, spawnCli } from './run-cli.js';

describe('chargebridge CLI', () => {
  it('stops on a bad PORT with one clear line and no stack trace', async () => {
    const { code, stderr } = await runCli(['start'], { PORT: 'abc' });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('chargebridge: configuration error: PORT must be a port number (got "abc")');
  });

  it('stops on an unreachable DATABASE_URL with one line naming it', async () => {
    const port = await freePort();
    const { code, stderr } = await runCli(['start'], { DATABASE_URL: `postgres://u:secret@127.0.0.1:${port}/x` });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('cannot open the database at DATABASE_URL');
    expect(stderr).not.toContain('secret');
  });

  it('migrates a database and reports it up to date the second time', async () => {
    const database = await createTestDatabase();
    try {
      const { code, stdout } = await runCli(['migrate'], { DATABASE_URL: database.url });
      expect(code).toBe(0);
      expect(stdout).toContain('database is up to date');
    } finally {
      await database.drop();
    }
  });

  it('runs the hub in server mode, answers ready, and exits cleanly on SIGTERM', async () => {
    const database = await createTestDatabase();
    const [port, ocppPort] = [await freePort(), await freePort()];
    const child = spawnCli(['start'], {
      DATABASE_URL: database.url,
      REDIS_URL: testRedis().url,
      REDIS_PREFIX: testRedis().prefix,
      PORT: String(port),
      OCPP_PORT: String(ocppPort),
      ADMIN_TOKEN: 'cli-test-admin-token-123',
    });
    let stdout = '';
    child.stdout?.on('data', (d) => (stdout += d));
    try {
      await expect
        .poll(
          async () =>
            fetch(`http://127.0.0.1:${port}/health/ready`)
              .then((r) => r.status)
              .catch(() => 0),
          {
            timeout: 30_000,
            interval: 250,
          },
        )
        .toBe(200);
      const ready = (await (await fetch(`http://127.0.0.1:${port}/health/ready`)).json()) as { checks: unknown };
      expect(ready.checks).toEqual({ database: true, redis: true });
      expect(stdout).toContain('server mode');
      expect(stdout).toContain(`ws://localhost:${ocppPort}/ocpp/{stationIdentity}`);
      expect(stdout).not.toContain('cli-test-admin-token-123');
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await database.drop();
    }
  });
});
