import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { loadConfig } from '@chargebridge/config';
import { dashboardDist } from '@chargebridge/dashboard/dist-path';
import { InProcessJobRunner } from '@chargebridge/jobs';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { build } from '../src/index.js';

let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  // The dashboard is built by the test global setup (test/support/global-setup.ts).
  database = await createTestDatabase();
  app = await build({
    config: loadConfig({ DATABASE_URL: database.url }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken: 'dashboard-static-admin-token',
  });
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('the dashboard served at /', () => {
  it('serves index.html with a same-origin content security policy and no caching', async () => {
    const response = await app.inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.body).toContain('<div id="root">');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('answers client-side routes with index.html so deep links and reloads work', async () => {
    for (const path of ['/stations/CP-1', '/map?party=NL-ABC', '/sessions/42']) {
      const response = await app.inject(path);
      expect(response.statusCode, path).toBe(200);
      expect(response.body, path).toContain('<div id="root">');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const asset = readdirSync(join(dashboardDist, 'assets')).find((name) => name.endsWith('.js'));
    expect(asset).toBeDefined();
    const response = await app.inject(`/assets/${asset}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('sends the precompressed assets of the build to browsers that accept them, the plain file otherwise', async () => {
    const asset = readdirSync(join(dashboardDist, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => ({ name, size: statSync(join(dashboardDist, 'assets', name)).size }))
      .sort((a, b) => b.size - a.size)[0]!;
    const plain = readFileSync(join(dashboardDist, 'assets', asset.name));
    for (const [accept, encoding, decode] of [
      ['br, gzip', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
    ] as const) {
      const response = await app.inject({ url: `/assets/${asset.name}`, headers: { 'accept-encoding': accept } });
      expect(response.statusCode, accept).toBe(200);
      expect(response.headers['content-encoding'], accept).toBe(encoding);
      expect(response.headers.vary, accept).toMatch(/accept-encoding/i);
      expect(response.rawPayload.length, accept).toBeLessThan(plain.length / 2);
      expect(decode(response.rawPayload).equals(plain), accept).toBe(true);
    }
    const identity = await app.inject({ url: `/assets/${asset.name}`, headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.rawPayload.equals(plain)).toBe(true);
  });

  it('keeps API, OCPI and missing files out of the fallback', async () => {
    const api = await app.inject('/api/v1/no-such-route');
    expect(api.headers['content-type']).toMatch(/application\/json/);
    const ocpi = await app.inject('/ocpi/versions');
    expect(ocpi.statusCode).toBe(401);
    expect(ocpi.headers['content-type']).toMatch(/application\/json/);
    const missing = await app.inject('/assets/missing-file.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'not_found', message: 'GET /assets/missing-file.js is not a route' });
    const post = await app.inject({ method: 'POST', url: '/stations' });
    expect(post.statusCode).toBe(404);
  });
});
