import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../deps.js';
import { readiness } from './readiness.js';

/** `/health/live` (the process answers) and `/health/ready` (database and, in server mode, Redis). */
export async function healthRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/health/ready', { schema: { hide: true } }, async (_request, reply) => {
    const { ready, checks } = await readiness(deps);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks });
  });
}
