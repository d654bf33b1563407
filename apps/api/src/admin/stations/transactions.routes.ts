import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { ListQuery } from '../sessions/sessions.routes.js';
import { transactionView } from './transaction.view.js';

/** `GET /api/v1/transactions`: filters `station` (identity), `status`, `from`/`to` (start time), paging. */
export async function transactionsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  app.get<{ Querystring: ListQuery }>(
    '/transactions',
    { schema: { tags: ['transactions'], querystring: ListQuery } },
    async (request) => {
      const q = request.query;
      if (q.status && q.status !== 'active' && q.status !== 'completed') {
        throw new AdminError(400, 'invalid_request', 'status must be active or completed');
      }
      let stationId: number | undefined;
      if (q.station) {
        const station = await repos.stations.findByIdentity(q.station);
        if (!station) return { total: 0, offset: q.offset ?? 0, limit: q.limit ?? 100, items: [] };
        stationId = station.id;
      }
      const offset = q.offset ?? 0;
      const limit = q.limit ?? 100;
      const { rows, total } = await repos.transactions.list({
        stationId,
        status: q.status as 'active' | 'completed' | undefined,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
        offset,
        limit,
      });
      return {
        total,
        offset,
        limit,
        items: rows.map((t) => ({
          ...transactionView(t),
          station: t.station_identity,
          protocol: t.protocol,
          meter_start_wh: t.meter_start_wh,
          meter_stop_wh: t.meter_stop_wh,
          offline: t.offline,
          seq_gaps: t.seq_gaps,
        })),
      };
    },
  );
}
