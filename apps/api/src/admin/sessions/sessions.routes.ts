import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';

/** Query of the admin session and CDR lists. */
export const ListQuery = Type.Object({
  station: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});
export type ListQuery = {
  station?: string;
  status?: string;
  from?: string;
  to?: string;
  offset?: number;
  limit?: number;
};

/** The repository filter of a list query. */
export function listFilter(q: ListQuery) {
  return {
    station: q.station,
    status: q.status,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
    offset: q.offset ?? 0,
    limit: q.limit ?? 100,
  };
}

/** `GET /api/v1/sessions`: filters `station`, `status`, `from`/`to` (last_updated), paging. */
export async function sessionsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  app.get<{ Querystring: ListQuery }>(
    '/sessions',
    { schema: { tags: ['sessions'], querystring: ListQuery } },
    async (request) => {
      const filter = listFilter(request.query);
      const { items, total } = await repos.sessions.list(filter);
      return {
        total,
        offset: filter.offset,
        limit: filter.limit,
        items: items.map((s) => ({ ...s.data, last_updated: s.last_updated.toISOString() })),
      };
    },
  );
}
