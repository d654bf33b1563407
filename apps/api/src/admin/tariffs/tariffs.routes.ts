import { Tariff } from '@chargebridge/ocpi';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { ocpiBody, requireHostedParty } from '../shared/ocpi-body.js';
import { Paged } from '../shared/paged.js';

type Params = { cc: string; pid: string; tariff_id: string };

const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Substring of the tariff id' })),
  party: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}-[A-Za-z0-9]{3}$', description: 'CC-PID' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
type ListQuery = { q?: string; party?: string; offset?: number; limit?: number };

const TariffSummary = Type.Object({
  country_code: Type.String(),
  party_id: Type.String(),
  tariff_id: Type.String(),
  currency: Type.String(),
  type: Type.Union([Type.String(), Type.Null()]),
  elements: Type.Integer({ description: 'number of tariff elements' }),
  last_updated: Type.String({ format: 'date-time' }),
});
const OcpiTariffObject = Type.Object({}, { additionalProperties: true, description: 'The OCPI Tariff' });

/**
 * `PUT /api/v1/tariffs/{cc}/{pid}/{tariff_id}`: an OCPI Tariff of a hosted CPO; `last_updated`
 * is the time of the change, and a `tariff.push` outbox row goes in the same transaction.
 */
export async function tariffsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.get<{ Querystring: ListQuery }>(
    '/tariffs',
    {
      schema: {
        tags: ['tariffs'],
        summary: 'Tariffs of the hosted CPOs, paged',
        querystring: ListQuery,
        response: {
          200: Paged(TariffSummary),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const offset = q.offset ?? 0;
      const limit = q.limit ?? 100;
      let query = deps.store.db.selectFrom('tariffs');
      if (q.party) {
        const [cc, pid] = q.party.toUpperCase().split('-');
        query = query.where('country_code', '=', cc).where('party_id', '=', pid);
      }
      if (q.q) query = query.where('tariff_id', 'ilike', `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const [rows, count] = await Promise.all([
        query
          .selectAll()
          .orderBy('country_code')
          .orderBy('party_id')
          .orderBy('tariff_id')
          .offset(offset)
          .limit(limit)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(count.n),
        offset,
        limit,
        items: rows.map((r) => ({
          country_code: r.country_code,
          party_id: r.party_id,
          tariff_id: r.tariff_id,
          currency: r.currency,
          type: typeof r.data.type === 'string' ? r.data.type : null,
          elements: Array.isArray(r.data.elements) ? r.data.elements.length : 0,
          last_updated: r.last_updated.toISOString(),
        })),
      };
    },
  );

  app.get<{ Params: Params }>(
    '/tariffs/:cc/:pid/:tariff_id',
    { schema: { tags: ['tariffs'], summary: 'One OCPI Tariff', response: { 200: OcpiTariffObject } } },
    async (request) => {
      const { cc, pid, tariff_id } = request.params;
      const row = await repositories(deps.store.db).tariffs.find(cc.toUpperCase(), pid.toUpperCase(), tariff_id);
      if (!row) throw new AdminError(404, 'not_found', `no tariff ${cc}/${pid}/${tariff_id}`);
      return { ...row.data, last_updated: row.last_updated.toISOString() };
    },
  );

  app.put<{ Params: Params }>(
    '/tariffs/:cc/:pid/:tariff_id',
    { schema: { tags: ['tariffs'] } },
    async (request, reply) => {
      const cc = request.params.cc.toUpperCase();
      const pid = request.params.pid.toUpperCase();
      await requireHostedParty(repositories(deps.store.db), cc, pid);
      const now = new Date();
      const tariff = ocpiBody<Tariff>(Tariff, request.body, {
        country_code: cc,
        party_id: pid,
        id: request.params.tariff_id,
        last_updated: now.toISOString(),
      });
      const result = await deps.store.db.transaction().execute(async (trx) => {
        const repos = repositories(trx);
        const saved = await repos.tariffs.upsert({
          countryCode: cc,
          partyId: pid,
          tariffId: tariff.id,
          currency: tariff.currency,
          data: tariff as unknown as Record<string, unknown>,
          lastUpdated: now,
        });
        await repos.outbox.add({
          topic: 'tariff.push',
          jobKey: `tariff.push:${saved.row.id}`,
          payload: { tariffId: saved.row.id },
        });
        return saved;
      });
      return reply.code(result.created ? 201 : 200).send(tariff);
    },
  );
}
