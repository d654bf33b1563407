import { toOcpiLocation } from '@chargebridge/domain';
import { OcpiError, ocpiSuccess } from '@chargebridge/ocpi';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { ocpiSuccessListJson } from '../core/ocpi-json-envelope.js';
import { pageHeaders, readPageRequest } from '../core/ocpi-paging.js';
import { RenderedLocationsCache } from '../core/rendered-locations.cache.js';
import type { OcpiModuleDeps } from '../ocpi.plugin.js';

type LocationParams = { location_id: string; evse_uid?: string; connector_id?: string };

/**
 * Locations, Sender interface (mod_locations §Sender Interface): the list, one Location, one
 * EVSE, one Connector — only of hosted CPOs (the `to` header narrows to one). An unknown or
 * foreign id is a 404 with 2003 (status_codes §2xxx), never another party's object.
 */
export async function locationsRoutes(app: FastifyInstance, deps: OcpiModuleDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  const rendered = new RenderedLocationsCache();

  // The list reads only each location's version and re-renders just the changed ones; cached
  // JSON text goes into the body as is (docs/benchmarks.md, scenario 4). Same body as
  // `ocpiSuccess(rows.map(toOcpiLocation))`.
  app.get('/2.2.1/locations', async (request, reply) => {
    const page = readPageRequest(request);
    const { parties } = await deps.router.hostedScope(request.ocpi.routing.to);
    const result = await repos.locationViews.pageVersions(parties, page.window);
    const rows = pageHeaders(request, reply, deps.config.publicUrl, page, result);
    const items = await rendered.render(rows, (ids) => repos.locationViews.findByIds(ids));
    return reply.type('application/json; charset=utf-8').send(ocpiSuccessListJson(items));
  });

  const one = async (params: LocationParams, to: Parameters<typeof deps.router.hostedScope>[0]) => {
    const { parties } = await deps.router.hostedScope(to);
    const row = await repos.locationViews.find(parties, params.location_id);
    if (!row) throw OcpiError.unknownLocation(`Unknown location ${params.location_id}`);
    const location = toOcpiLocation(row);
    if (params.evse_uid === undefined) return location;
    const evse = ((location.evses ?? []) as Array<Record<string, unknown>>).find((e) => e.uid === params.evse_uid);
    if (!evse) throw OcpiError.notFound(`Unknown EVSE ${params.evse_uid}`);
    if (params.connector_id === undefined) return evse;
    const connector = (evse.connectors as Array<Record<string, unknown>>).find((c) => c.id === params.connector_id);
    if (!connector) throw OcpiError.notFound(`Unknown connector ${params.connector_id}`);
    return connector;
  };

  app.get<{ Params: LocationParams }>('/2.2.1/locations/:location_id', async (request) =>
    ocpiSuccess(await one(request.params, request.ocpi.routing.to)),
  );
  app.get<{ Params: LocationParams }>('/2.2.1/locations/:location_id/:evse_uid', async (request) =>
    ocpiSuccess(await one(request.params, request.ocpi.routing.to)),
  );
  app.get<{ Params: LocationParams }>('/2.2.1/locations/:location_id/:evse_uid/:connector_id', async (request) =>
    ocpiSuccess(await one(request.params, request.ocpi.routing.to)),
  );
}
