/**
 * The hub as `startHub` composes it (role all: gateway, API and worker in one process) on a fresh
 * PostgreSQL database and a Redis prefix of its own (BullMQ jobs, station registry), with an admin
 * client. What most end-to-end tests start with.
 */
import { loadConfig } from '@chargebridge/config';
import { pino } from 'pino';
import { type HubProcess, startHub } from '../../apps/hub/src/runtime/hub-process.js';
import { createTestDatabase, type TestDatabase, testRedis } from './database.js';
import { freePort } from './free-port.js';

/** An admin API call: status and parsed JSON (undefined when the body is empty). */
// biome-ignore lint/suspicious/noExplicitAny: tests read admin answers loosely
export type AdminCall = (method: string, path: string, body?: any) => Promise<{ status: number; json: any }>;

export interface TestHub {
  hub: HubProcess;
  db: TestDatabase;
  /** `http://127.0.0.1:PORT` of the API. */
  http: string;
  /** The OCPP endpoint stations append their identity to. */
  ocppUrl: string;
  /** `/api/v1` calls with the hub's admin token. */
  admin: AdminCall;
  close(): Promise<void>;
}

/** An admin client of the hub at `http`. */
export function adminClient(http: string, token: string): AdminCall {
  return async (method, path, body) => {
    const response = await fetch(`${http}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
}

/**
 * Starts the hub; `env` adds to or overrides the defaults (OCPP pings off, 5 s station call
 * timeout, silent logs).
 */
export async function startTestHub(options: {
  nodeId: string;
  adminToken: string;
  env?: Record<string, string>;
}): Promise<TestHub> {
  const db = await createTestDatabase();
  const redis = testRedis();
  const port = await freePort();
  const http = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    OCPP_PORT: '0',
    PUBLIC_URL: http,
    ADMIN_TOKEN: options.adminToken,
    LOG_LEVEL: 'silent',
    NODE_ID: options.nodeId,
    OCPP_PING_INTERVAL_S: '0',
    OCPP_CALL_TIMEOUT_MS: '5000',
    ...options.env,
  });
  const hub = await startHub({ config, role: 'all', logger: pino({ level: 'silent' }), jobPrefix: redis.prefix });
  return {
    hub,
    db,
    http,
    ocppUrl: hub.ocppUrl!,
    admin: adminClient(http, options.adminToken),
    async close() {
      await hub.close();
      await db.drop();
    },
  };
}
