import { Readable } from 'node:stream';
import { CdrExportInputError, cdrExportChunks, cdrExportFormatter, parseCdrExportQuery } from '@chargebridge/domain';
import { type CdrExportFilter, repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';

const ExportQuery = Type.Object({
  from: Type.String(),
  to: Type.String(),
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json'), Type.Literal('ndjson')])),
  party: Type.Optional(Type.String()),
  partner: Type.Optional(Type.String()),
});
type ExportQuery = { from: string; to: string; format?: string; party?: string; partner?: string };

/**
 * `GET /api/v1/cdrs/export?from=&to=&format=csv|json|ndjson&party=CC-PID&partner=ID`: the finance
 * export (docs/finance-export.md), streamed from the store batch by batch — the same pipeline as
 * `chargebridge cdr export` — with its content type and a download filename.
 */
export async function cdrExportRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repo = repositories(deps.store.db).cdrExport;
  app.get<{ Querystring: ExportQuery }>(
    '/cdrs/export',
    { schema: { tags: ['cdrs'], querystring: ExportQuery } },
    async (request, reply) => {
      let query: ReturnType<typeof parseCdrExportQuery>;
      try {
        query = parseCdrExportQuery(request.query);
      } catch (error) {
        if (error instanceof CdrExportInputError) throw new AdminError(400, 'invalid_request', error.message);
        throw error;
      }
      const filter: CdrExportFilter = { from: query.from, to: query.to, party: query.party };
      if (request.query.partner !== undefined) {
        const parties = await repo.partnerParties(request.query.partner);
        if (!parties) throw new AdminError(404, 'not_found', `no partner "${request.query.partner}"`);
        filter.tokenParties = parties;
      }
      const formatter = cdrExportFormatter(query.format);
      const stamp = (d: Date) => d.toISOString().replace(/[-:.]/g, '').replace(/000Z$/, 'Z');
      const filename = `cdrs-${stamp(query.from)}-${stamp(query.to)}.${formatter.extension}`;
      reply
        .header('content-type', formatter.contentType)
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'no-store');
      return reply.send(Readable.from(cdrExportChunks(repo.batches(filter), query.format)));
    },
  );
}
