import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { ApiDeps } from '../deps.js';

/** `/health/live` (the process answers) and `/health/ready` (database and, in server mode, Redis). */
export async function healthRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/health/ready', { schema: { hide: true } }, async (_request, reply) => {
    const checks: Record<string, boolean> = {};
    checks.database = await sql`select 1`
      .execute(deps.store.db)
      .then(() => true)
      .catch(() => false);
    for (const [name, check] of Object.entries(deps.readinessChecks ?? {})) {
      checks[name] = await check().catch(() => false);
    }
    const ready = Object.values(checks).every(Boolean);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'unavailable', checks });
  });
}
