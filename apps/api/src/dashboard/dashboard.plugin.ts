import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dashboardDist } from '@chargebridge/dashboard/dist-path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../deps.js';

/** Paths the single-page app never owns: a miss there is the API's 404, not index.html. */
const NOT_SPA = /^\/(api|ocpi|health|docs|metrics)(\/|$)/;

/**
 * Same-origin, offline-capable: scripts, styles, fonts and the world outline all come from
 * this server. MapLibre runs its workers from blob: URLs and Mantine injects style elements.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "child-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>chargebridge</title></head>
<body><main><h1>chargebridge</h1><p>The dashboard has not been built. Run <code>npm run build:dashboard</code>
(it also runs after <code>npm ci</code> and before <code>npm start</code>).</p>
<p>The admin API is at <a href="/docs">/docs</a>.</p></main></body></html>`;

/** Serves the operator dashboard (apps/dashboard/dist) at `/`, with an index.html fallback. */
export async function dashboardExtension(app: FastifyInstance, _deps: ApiDeps): Promise<void> {
  const built = existsSync(join(dashboardDist, 'index.html'));
  app.addHook('onSend', async (request, reply, payload) => {
    if (!NOT_SPA.test(request.url)) {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'same-origin');
      // Hashed asset names never change content: cache them for a year; index.html never.
      reply.header(
        'cache-control',
        request.url.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    }
    return payload;
  });
  if (!built) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html').send(NOT_BUILT_PAGE));
    return;
  }
  await app.register(fastifyStatic, {
    root: dashboardDist,
    prefix: '/',
    // Files are looked up per request (a rebuild's new asset names work without a restart);
    // a miss goes to the not-found handler below: index.html for client routes, else 404.
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    // The build writes .br and .gz beside each asset (scripts/build-dashboard.mjs): sent as they
    // are to browsers that accept them, with Vary: Accept-Encoding.
    preCompressed: true,
  });
  app.setNotFoundHandler(async (request, reply) => {
    if (request.method === 'GET' && !NOT_SPA.test(request.url) && !/\.[a-z0-9]+$/i.test(request.url.split('?')[0])) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply
      .code(404)
      .send({ error: 'not_found', message: `${request.method} ${request.url.split('?')[0]} is not a route` });
  });
}
