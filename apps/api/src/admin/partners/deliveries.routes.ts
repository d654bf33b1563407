import { listDeliveries, retryDelivery } from '@chargebridge/bridge';
import type { PushDeliveryRow } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';

const DeliveriesQuery = Type.Object({
  status: Type.Optional(Type.String()),
  partner: Type.Optional(Type.String()),
  module: Type.Optional(Type.String()),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});
type DeliveriesQuery = { status?: string; partner?: string; module?: string; offset?: number; limit?: number };

function view(d: PushDeliveryRow) {
  return {
    id: Number(d.id),
    partner_id: d.partner_id,
    module: d.module,
    object_key: d.object_key,
    method: d.method,
    status: d.status,
    attempts: d.attempts,
    http_status: d.http_status,
    last_error: d.last_error,
    response_location: d.response_location,
    created_at: d.created_at.toISOString(),
    last_attempt_at: d.last_attempt_at?.toISOString() ?? null,
    delivered_at: d.delivered_at?.toISOString() ?? null,
  };
}

/**
 * Push deliveries (issue 5 "Delivery and reconciliation"): `GET /api/v1/deliveries` lists them
 * (`status=failed` are those that used their last attempt), `POST /api/v1/deliveries/{id}/retry`
 * re-sends one now (202; the push runs on a worker).
 */
export async function deliveriesRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Querystring: DeliveriesQuery }>(
    '/deliveries',
    { schema: { tags: ['deliveries'], querystring: DeliveriesQuery } },
    async (request) => {
      const q = request.query;
      const filter = { ...q, offset: q.offset ?? 0, limit: q.limit ?? 100 };
      const { items, total } = await listDeliveries(deps.store.db, filter);
      return { total, offset: filter.offset, limit: filter.limit, items: items.map(view) };
    },
  );
  app.post<{ Params: { id: string } }>(
    '/deliveries/:id/retry',
    { schema: { tags: ['deliveries'] }, config: { minRole: 'operator' } },
    async (request, reply) => {
      const id = Number(request.params.id);
      const row = Number.isSafeInteger(id) ? await retryDelivery(deps.store.db, id) : undefined;
      if (!row) throw new AdminError(404, 'not_found', `no delivery ${request.params.id} with an object to re-send`);
      return reply.code(202).send(view(row));
    },
  );
}
