import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { freePort } from '../../../../test/support/free-port.js';
import { build } from '../../src/index.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/** A hub API on its own database, listening on a free port with PUBLIC_URL pointing at it. */
export interface HubInstance {
  app: FastifyInstance;
  database: TestDatabase;
  url: string;
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }>;
  close(): Promise<void>;
}

export async function startHub(partyId: string): Promise<HubInstance> {
  const database = await createTestDatabase();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const app = await build({
    config: loadConfig({ DATABASE_URL: database.url, PUBLIC_URL: url, HUB_PARTY_ID: partyId, PORT: String(port) }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken: ADMIN_TOKEN,
  });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    database,
    url,
    admin: async (method, path, body) => {
      const response = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${ADMIN_TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : undefined };
    },
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** An OCPI call with `Authorization: Token <base64>` (or plain). */
export async function ocpiCall(
  url: string,
  token: string | undefined,
  init: { method?: string; body?: unknown; rawBody?: string; plain?: boolean; headers?: Record<string, string> } = {},
): Promise<{ status: number; json: any; headers: Headers }> {
  const headers: Record<string, string> = { ...init.headers };
  if (token !== undefined) {
    headers.authorization = `Token ${init.plain ? token : Buffer.from(token).toString('base64')}`;
  }
  if (init.body !== undefined || init.rawBody !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined, headers: response.headers };
}
