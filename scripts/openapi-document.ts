import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { openStore } from '@chargebridge/store';
import { pino } from 'pino';
import { build } from '../apps/api/src/index.js';

/** The admin API's OpenAPI document, from an API built on an in-memory store (nothing listens). */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const store = await openStore({ dataDir: 'memory://' });
  const app = await build({
    config: loadConfig({ PUBLIC_URL: 'http://localhost:8080' }),
    store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken: 'openapi-document-only',
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await store.close();
  }
}
