import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_OPTIONS } from '@chargebridge/simulator';
import pg from 'pg';
import { freePort } from '../../test/support/free-port.js';
import { startThrowawayPostgres, type ThrowawayService } from '../../test/support/throwaway-postgres.js';
import { startThrowawayRedis } from '../../test/support/throwaway-redis.js';
import { collect, cpuProfileFlags, spawnCli, stopChild, until } from './processes.js';

const ADMIN_TOKEN = 'bench-admin-token-0123456789';

/** An OCPI 2.2.1 Token (RFID, always whitelisted). */
export function benchToken(uid: string): object {
  return {
    country_code: 'NL',
    party_id: 'SIM',
    uid,
    type: 'RFID',
    contract_id: `NL-SIM-C${uid.slice(-8)}`,
    issuer: 'Simulated CPO',
    valid: true,
    whitelist: 'ALWAYS',
    last_updated: new Date().toISOString(),
  };
}

/** The hub under test: throwaway PostgreSQL + Redis, an API, a worker and one gateway process. */
export interface HubUnderTest {
  readonly ocppUrl: string;
  readonly apiUrl: string;
  readonly gateway: ChildProcess;
  readonly databaseUrl: string;
  /** Provisions `identities` (Accepted, profile 0) through `PUT /api/v1/stations/{identity}`. */
  provision(identities: readonly string[]): Promise<void>;
  /** One SQL query against the hub's database. */
  query<T extends object>(sql: string): Promise<T[]>;
  versions(): Promise<{ postgres: string; redis: string }>;
  stop(): Promise<void>;
}

/** Starts the services and the hub in server mode (`chargebridge start --role api|worker|gateway`). */
export async function startHubUnderTest(): Promise<HubUnderTest> {
  const services: ThrowawayService[] = [];
  const children: ChildProcess[] = [];
  const postgres = await startThrowawayPostgres();
  services.push(postgres);
  const redis = await startThrowawayRedis();
  services.push(redis);
  const [port, ocppPort] = [await freePort(), await freePort()];
  const env = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    PORT: String(port),
    OCPP_PORT: String(ocppPort),
    ADMIN_TOKEN,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'cb-bench-')),
    LOG_LEVEL: 'error',
  };
  const stopAll = async () => {
    for (const child of children.reverse()) await stopChild(child);
    for (const service of services.reverse()) await service.stop().catch(() => {});
  };
  try {
    // The API first: it migrates the database before the gateway opens it.
    const api = spawnCli(['start', '--role', 'api'], env);
    children.push(api);
    const apiErr = collect(api, 'stderr');
    const apiUrl = `http://127.0.0.1:${port}`;
    await until(
      () =>
        fetch(`${apiUrl}/health/ready`).then(
          (r) => r.ok,
          () => false,
        ),
      120_000,
      `API ready (${apiErr().slice(-500)})`,
    );
    // BENCH_CPU_PROF=DIR: V8 CPU profiles of the worker and the gateway (written when they stop).
    // Workers answer what the gateway hands off (Authorize of unknown tokens, pushes).
    const worker = spawnCli(['start', '--role', 'worker'], env, undefined, cpuProfileFlags());
    children.push(worker);
    const gateway = spawnCli(['start', '--role', 'gateway'], env, undefined, cpuProfileFlags());
    children.push(gateway);
    const gwOut = collect(gateway, 'stdout');
    const gwErr = collect(gateway, 'stderr');
    await until(() => gwOut().includes('OCPP'), 120_000, `gateway listening (${gwErr().slice(-500)})`);
    const headers = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };
    const put = async (path: string, body: object) => {
      const res = await fetch(`${apiUrl}/api/v1${path}`, { method: 'PUT', headers, body: JSON.stringify(body) });
      if (res.status >= 300) throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`);
    };
    await put('/parties/NL/SIM', { name: 'Simulated CPO', roles: ['CPO'] });
    // The simulator's default tokens, so Authorize and the transaction start are Accepted.
    for (const uid of DEFAULT_OPTIONS.tokens) await put(`/tokens/NL/SIM/${uid}`, benchToken(uid));
    return {
      ocppUrl: `ws://127.0.0.1:${ocppPort}/ocpp`,
      apiUrl,
      gateway,
      databaseUrl: postgres.url,
      async provision(identities) {
        let next = 0;
        const worker = async () => {
          while (next < identities.length) {
            const identity = identities[next++]!;
            await put(`/stations/${identity}`, { country_code: 'NL', party_id: 'SIM', security_profile: 0 });
          }
        };
        await Promise.all(Array.from({ length: 32 }, worker));
      },
      async query<T extends object>(sql: string) {
        const client = new pg.Client({ connectionString: postgres.url });
        await client.connect();
        try {
          return (await client.query(sql)).rows as T[];
        } finally {
          await client.end();
        }
      },
      async versions() {
        const client = new pg.Client({ connectionString: postgres.url });
        await client.connect();
        const { rows } = await client.query<{ server_version: string }>('show server_version');
        await client.end();
        const info = await fetchRedisVersion(redis.url);
        return { postgres: rows[0]!.server_version, redis: info };
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function fetchRedisVersion(url: string): Promise<string> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  const info = await client.info('server');
  client.disconnect();
  return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
}
