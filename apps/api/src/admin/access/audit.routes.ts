import { type AuditRow, repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { Nullable } from '../shared/nullable.js';

const AuditQuery = Type.Object({
  actor: Type.Optional(Type.String({ maxLength: 64, description: 'Exact actor: a username, or admin-token' })),
  action: Type.Optional(
    Type.String({ maxLength: 200, description: 'Substring of the action, e.g. "POST" or "/users"' }),
  ),
  before_id: Type.Optional(Type.Integer({ minimum: 1, description: 'Page: rows older than this id' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
interface AuditQuery {
  actor?: string;
  action?: string;
  before_id?: number;
  limit?: number;
}

const AuditItem = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.String(),
  role: Nullable(Type.String()),
  action: Type.String({ description: 'Method and route, e.g. "POST /api/v1/stations/:identity/calls"' }),
  target: Nullable(Type.String({ description: 'The concrete path' })),
  status: Nullable(Type.Integer()),
  details: Type.Unknown({ description: 'The request body, secrets redacted' }),
});

function auditView(row: AuditRow) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    role: row.role,
    action: row.action,
    target: row.target,
    status: row.status,
    details: row.details ?? null,
  };
}

/** `GET /audit`: every change made through the admin API, newest first (operators and admins). */
export async function auditRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);

  app.get<{ Querystring: AuditQuery }>(
    '/audit',
    {
      config: { minRole: 'operator' },
      schema: {
        tags: ['users'],
        summary: 'The audit log, newest first, paged by before_id',
        querystring: AuditQuery,
        response: {
          200: Type.Object({ items: Type.Array(AuditItem), next_before_id: Nullable(Type.Integer()) }),
        },
      },
    },
    async (request) => {
      const { actor, action, before_id } = request.query;
      const limit = request.query.limit ?? 100;
      const rows = await repos.audit.list({ actor, action, beforeId: before_id, limit: limit + 1 });
      const page = rows.slice(0, limit);
      return {
        items: page.map(auditView),
        next_before_id: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
      };
    },
  );
}
