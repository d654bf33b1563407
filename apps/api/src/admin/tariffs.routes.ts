import { Tariff } from '@chargebridge/ocpi';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../deps.js';
import { ocpiBody, requireHostedParty } from './ocpi-body.js';

type Params = { cc: string; pid: string; tariff_id: string };

/**
 * `PUT /api/v1/tariffs/{cc}/{pid}/{tariff_id}`: an OCPI Tariff of a hosted CPO; `last_updated`
 * is the time of the change, and a `tariff.push` outbox row goes in the same transaction.
 */
export async function tariffsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
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
