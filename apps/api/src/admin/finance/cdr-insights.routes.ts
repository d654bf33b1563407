import { CDR_EXPORT_COLUMNS, CdrExportInputError, parseCdrExportQuery } from '@chargebridge/domain';
import { type CdrExportFilter, repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { Nullable } from '../shared/nullable.js';
import { Paged } from '../shared/paged.js';
import { cdrBreakdown } from './cost-breakdown.js';
import { CostBreakdownSchema } from './cost-breakdown.schema.js';

const BreakdownResponse = Type.Object({
  cdr_row_id: Type.Integer(),
  transaction_id: Nullable(Type.Integer({ description: 'The charging session (transaction row id)' })),
  time_zone: Type.String({ description: 'The zone the CDR was re-priced in (its location’s, else UTC)' }),
  cdr: Type.Object({}, { additionalProperties: true, description: 'The OCPI CDR' }),
  breakdown: CostBreakdownSchema,
});

const UnackQuery = Type.Object({
  partner: Type.Optional(Type.String()),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});
type UnackQuery = { partner?: string; offset?: number; limit?: number };

const UnackItem = Type.Object({
  delivery_id: Type.Integer({ description: 'Re-send with POST /deliveries/{delivery_id}/retry' }),
  partner_id: Type.String(),
  partner_name: Nullable(Type.String()),
  object_key: Type.String(),
  method: Type.String(),
  status: Type.String({ description: 'sending, retrying, failed or pending' }),
  attempts: Type.Integer(),
  http_status: Nullable(Type.Integer()),
  last_error: Nullable(Type.String()),
  last_response_body: Nullable(Type.String()),
  created_at: Type.String(),
  last_attempt_at: Nullable(Type.String()),
  cdr_row_id: Nullable(Type.Integer()),
  cdr_id: Nullable(Type.String()),
  party: Nullable(Type.String()),
  currency: Nullable(Type.String()),
  total_cost_excl_vat: Nullable(Type.String()),
  total_cost_incl_vat: Nullable(Type.String()),
  total_energy_kwh: Nullable(Type.String()),
  end_date_time: Nullable(Type.String()),
  credit: Nullable(Type.Boolean()),
  transaction_id: Nullable(Type.Integer({ description: 'The charging session (transaction row id)' })),
});

const PreviewQuery = Type.Object({
  from: Type.String(),
  to: Type.String(),
  party: Type.Optional(Type.String()),
  partner: Type.Optional(Type.String()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
type PreviewQuery = { from: string; to: string; party?: string; partner?: string; limit?: number };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * CDR insight for the finance screen: `GET /cdrs/{id}/breakdown` (a CDR re-priced by the tariff
 * engine per period and dimension), `GET /cdrs/unacknowledged` (CDR pushes a partner has not
 * acknowledged) and `GET /cdrs/export/preview` (the first rows of the streamed export).
 */
export async function cdrInsightsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);

  app.get<{ Params: { id: string } }>(
    '/cdrs/:id/breakdown',
    {
      schema: {
        tags: ['cdrs'],
        summary: 'A CDR broken down per charging period and dimension, re-priced by the tariff engine',
        params: Type.Object({ id: Type.String({ description: 'Row id or OCPI CDR id' }) }),
        response: { 200: BreakdownResponse },
      },
    },
    async (request) => {
      const cdr = await repos.finance.findCdr(request.params.id);
      if (!cdr) throw new AdminError(404, 'not_found', `no CDR "${request.params.id}"`);
      const breakdown = cdrBreakdown(cdr.data, cdr.time_zone);
      return {
        cdr_row_id: Number(cdr.id),
        transaction_id: cdr.transaction_id === null ? null : Number(cdr.transaction_id),
        time_zone: breakdown.time_zone,
        cdr: { ...cdr.data, last_updated: cdr.last_updated.toISOString() },
        breakdown,
      };
    },
  );

  app.get<{ Querystring: UnackQuery }>(
    '/cdrs/unacknowledged',
    {
      schema: {
        tags: ['cdrs'],
        summary: 'CDRs a partner has not acknowledged (push not delivered), with the last error',
        querystring: UnackQuery,
        response: {
          200: Paged(UnackItem),
        },
      },
    },
    async (request) => {
      const offset = request.query.offset ?? 0;
      const limit = request.query.limit ?? 50;
      const { rows, total } = await repos.finance.unacknowledgedCdrs({ partner: request.query.partner, offset, limit });
      return {
        total,
        offset,
        limit,
        items: rows.map((r) => ({
          delivery_id: r.delivery_id,
          partner_id: r.partner_id,
          partner_name: r.partner_name,
          object_key: r.object_key,
          method: r.method,
          status: r.status,
          attempts: r.attempts,
          http_status: r.http_status,
          last_error: r.last_error,
          last_response_body: r.last_response_body,
          created_at: r.created_at.toISOString(),
          last_attempt_at: iso(r.last_attempt_at),
          cdr_row_id: r.cdr_row_id,
          cdr_id: r.cdr_id,
          party: r.country_code && r.party_id ? `${r.country_code}-${r.party_id}` : null,
          currency: r.currency,
          total_cost_excl_vat: r.total_cost_excl_vat,
          total_cost_incl_vat: r.total_cost_incl_vat,
          total_energy_kwh: r.total_energy_kwh,
          end_date_time: iso(r.end_date_time),
          credit: r.credit,
          transaction_id: r.transaction_id,
        })),
      };
    },
  );

  app.get<{ Querystring: PreviewQuery }>(
    '/cdrs/export/preview',
    {
      schema: {
        tags: ['cdrs'],
        summary: 'The first rows of the finance export (same filters as /cdrs/export), as JSON',
        querystring: PreviewQuery,
        response: {
          200: Type.Object({
            total: Type.Integer({ description: 'CDRs the full export holds' }),
            columns: Type.Array(Type.String()),
            rows: Type.Array(Type.Object({}, { additionalProperties: true })),
          }),
        },
      },
    },
    async (request) => {
      const q = request.query;
      let query: ReturnType<typeof parseCdrExportQuery>;
      try {
        query = parseCdrExportQuery({ from: q.from, to: q.to, party: q.party });
      } catch (error) {
        if (error instanceof CdrExportInputError) throw new AdminError(400, 'invalid_request', error.message);
        throw error;
      }
      const filter: CdrExportFilter = { from: query.from, to: query.to, party: query.party };
      if (q.partner !== undefined) {
        const parties = await repos.cdrExport.partnerParties(q.partner);
        if (!parties) throw new AdminError(404, 'not_found', `no partner "${q.partner}"`);
        filter.tokenParties = parties;
      }
      const [rows, total] = await Promise.all([
        repos.cdrExport.first(filter, q.limit ?? 20),
        repos.cdrExport.count(filter),
      ]);
      return { total, columns: CDR_EXPORT_COLUMNS.map(([name]) => name), rows };
    },
  );
}
