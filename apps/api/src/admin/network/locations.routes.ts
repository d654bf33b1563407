import { Location } from '@chargebridge/ocpi';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { ocpiBody, requireHostedParty } from '../shared/ocpi-body.js';

type Params = { cc: string; pid: string; location_id: string };

/**
 * `PUT /api/v1/locations/{cc}/{pid}/{location_id}`: an OCPI Location without `evses` (the hub
 * fills them from its stations). The hub sets `last_updated` to the time of the change so that
 * partners syncing with `date_from` see it; a `location.push` outbox row is written in the same
 * transaction.
 */
export async function locationsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.put<{ Params: Params }>(
    '/locations/:cc/:pid/:location_id',
    { schema: { tags: ['locations'] } },
    async (request, reply) => {
      const cc = request.params.cc.toUpperCase();
      const pid = request.params.pid.toUpperCase();
      if ((request.body as { evses?: unknown } | null)?.evses !== undefined) {
        throw new AdminError(400, 'invalid_request', 'evses are filled by the hub from its stations; leave them out');
      }
      await requireHostedParty(repositories(deps.store.db), cc, pid);
      const location = ocpiBody<Location>(Location, request.body, {
        country_code: cc,
        party_id: pid,
        id: request.params.location_id,
      });
      const result = await deps.store.db.transaction().execute(async (trx) => {
        const repos = repositories(trx);
        const saved = await repos.locations.upsert({
          countryCode: cc,
          partyId: pid,
          locationId: location.id,
          data: location as unknown as Record<string, unknown>,
          timeZone: location.time_zone,
          publish: location.publish,
          lastUpdated: new Date(),
        });
        await repos.outbox.add({
          topic: 'location.push',
          jobKey: `location.push:${saved.row.id}`,
          payload: { locationId: saved.row.id },
        });
        return saved;
      });
      return reply
        .code(result.created ? 201 : 200)
        .send({ ...location, last_updated: result.row.last_updated.toISOString() });
    },
  );
}
