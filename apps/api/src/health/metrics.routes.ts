import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, register } from 'prom-client';

let defaultsCollected = false;

/** `/metrics` in the Prometheus text format: process metrics plus what every module registers. */
export async function metricsRoutes(app: FastifyInstance): Promise<void> {
  if (!defaultsCollected) {
    collectDefaultMetrics();
    defaultsCollected = true;
  }
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('content-type', register.contentType);
    return register.metrics();
  });
}
