import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { build } from '../src/index.js';

const adminToken = 'test-admin-token-0123456789';
let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await build({
    config: loadConfig({ DATABASE_URL: database.url }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken,
    readinessChecks: { redis: async () => true },
  });
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('health, docs and metrics', () => {
  it('is live and ready when the database answers', async () => {
    expect((await app.inject('/health/live')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: true, redis: true } });
  });

  it('serves the OpenAPI description and Prometheus metrics', async () => {
    const docs = await app.inject('/docs/json');
    expect(docs.statusCode).toBe(200);
    expect(docs.json().openapi).toMatch(/^3\./);
    const metrics = await app.inject('/metrics');
    expect(metrics.headers['content-type']).toMatch(/text\/plain/);
    expect(metrics.body).toContain('process_resident_memory_bytes');
  });
});

describe('admin API auth', () => {
  it('refuses a missing or wrong bearer token with the admin error shape', async () => {
    const missing = await app.inject('/api/v1/system');
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ error: 'unauthorized' });
    const wrong = await app.inject({ url: '/api/v1/system', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('answers with the right token, and 404s unknown admin routes in the same shape', async () => {
    const headers = { authorization: `Bearer ${adminToken}` };
    const system = await app.inject({ url: '/api/v1/system', headers });
    expect(system.statusCode).toBe(200);
    expect(system.json()).toMatchObject({ mode: 'server', database: 'postgres', jobs: 'in-process' });
    const unknown = await app.inject({ url: '/api/v1/nothing-here', headers });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'not_found' });
  });
});
