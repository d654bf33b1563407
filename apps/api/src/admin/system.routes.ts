import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../deps.js';

/** `GET /api/v1/system`: mode, identity and job queue depths. */
export async function systemRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get(
    '/system',
    { schema: { tags: ['system'], summary: 'Hub mode, identity and job queue depths' } },
    async () => ({
      mode: deps.config.mode,
      database: deps.store.dialect,
      jobs: deps.runner.kind,
      hub: { country_code: deps.config.hubCountryCode, party_id: deps.config.hubPartyId },
      queues: await deps.runner.counts(),
    }),
  );
}
