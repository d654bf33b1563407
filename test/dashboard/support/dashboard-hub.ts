import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnCli } from '../../../apps/hub/test/run-cli.js';
import { createTestDatabase, type TestDatabase, testRedis } from '../../support/database.js';
import { freePort } from '../../support/free-port.js';
import { dashboardSnapshot } from './dashboard-build.js';

/** The admin token of every hub the dashboard tests start. */
export const ADMIN_TOKEN = 'dashboard-e2e-admin-token-0123456789';

/** An answer of the admin API. */
export interface AdminAnswer {
  status: number;
  json: any;
}

/** The real hub (`chargebridge start`, all roles, server mode) serving the built dashboard. */
export interface DashboardHub {
  /** `http://127.0.0.1:PORT`: the dashboard at `/`, the admin API at `/api/v1`, OCPI at `/ocpi`. */
  readonly url: string;
  /** OCPP-J endpoint for stations (`ws://127.0.0.1:OCPP_PORT/ocpp`). */
  readonly ocppUrl: string;
  /** The hub's own database (a throwaway copy of the migrated template). */
  readonly database: TestDatabase;
  /** One admin-API call with the admin token; throws on a network error only. */
  admin(method: string, path: string, body?: unknown): Promise<AdminAnswer>;
  /** Like `admin`, but throws unless the status is 2xx. */
  adminOk(method: string, path: string, body?: unknown): Promise<any>;
  /** What the hub wrote to stdout/stderr (the tail), for failure messages. */
  logs(): string;
  stop(): Promise<void>;
}

/** One started hub process (before the admin helpers are attached). */
interface HubProcess {
  url: string;
  ocppPort: number;
  database: TestDatabase;
  output(): string;
  stop(): Promise<void>;
}

async function spawnHub(env: Record<string, string>, dist: string): Promise<HubProcess> {
  const database = await createTestDatabase();
  const redis = testRedis();
  const [port, ocppPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-dashboard-e2e-'));
  let output = '';
  const child: ChildProcess = spawnCli(['start'], {
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    HOST: '127.0.0.1',
    PORT: String(port),
    OCPP_PORT: String(ocppPort),
    PUBLIC_URL: url,
    ADMIN_TOKEN,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    OCPP_CALL_TIMEOUT_MS: '4000',
    DASHBOARD_DIST: dist,
    ...env,
  });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await database.drop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    const status = await fetch(`${url}/health/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`hub not ready (exit ${child.exitCode}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, ocppPort, database, output: () => output, stop };
}

/** Whether the hub serves the single-page app (a deep link answers index.html). */
async function servesDashboard(url: string): Promise<boolean> {
  const response = await fetch(`${url}/stations`).catch(() => undefined);
  return response?.ok === true && (await response.text()).includes('id="root"');
}

/**
 * Builds the dashboard if needed, then starts the hub as a child process against a throwaway
 * PostgreSQL database and its own Redis key prefix, serving a private snapshot of the built
 * dashboard (`DASHBOARD_DIST`). `env` adds or overrides variables (short OCPP call timeouts by
 * default, so a silent station times out within a test).
 */
export async function startDashboardHub(env: Record<string, string> = {}): Promise<DashboardHub> {
  const snapshot = await dashboardSnapshot();
  let started: HubProcess;
  try {
    started = await spawnHub(env, snapshot.dir);
  } catch (error) {
    snapshot.remove();
    throw error;
  }
  if (!(await servesDashboard(started.url))) {
    await started.stop();
    snapshot.remove();
    throw new Error(`the hub does not serve the dashboard from ${snapshot.dir}`);
  }
  const { url, ocppPort, database, output } = started;
  const stop = async () => {
    await started.stop();
    snapshot.remove();
  };

  const admin = async (method: string, path: string, body?: unknown): Promise<AdminAnswer> => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${ADMIN_TOKEN}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    let json: unknown = text;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, json };
  };

  return {
    url,
    ocppUrl: `ws://127.0.0.1:${ocppPort}/ocpp`,
    database,
    admin,
    async adminOk(method, path, body) {
      const answer = await admin(method, path, body);
      if (answer.status < 200 || answer.status >= 300) {
        throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
      }
      return answer.json;
    },
    logs: output,
    stop,
  };
}
