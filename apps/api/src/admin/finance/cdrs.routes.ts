import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../../deps.js';
import { ListQuery, listFilter } from '../sessions/sessions.routes.js';

/** `GET /api/v1/cdrs`: filters `station`, `status` (credit|debit), `from`/`to` (end time), paging. */
export async function cdrsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  app.get<{ Querystring: ListQuery }>(
    '/cdrs',
    { schema: { tags: ['cdrs'], querystring: ListQuery } },
    async (request) => {
      const filter = listFilter(request.query);
      const { items, total } = await repos.cdrs.list(filter);
      return { total, offset: filter.offset, limit: filter.limit, items: items.map((c) => c.data) };
    },
  );
}
