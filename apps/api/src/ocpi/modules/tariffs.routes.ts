import { ocpiSuccess } from '@chargebridge/ocpi';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { pageHeaders, readPageRequest } from '../core/ocpi-paging.js';
import type { OcpiModuleDeps } from '../ocpi.plugin.js';
import { storedObject } from './object-list.js';

/** Tariffs, Sender interface (mod_tariffs §Sender Interface): hosted CPOs' tariffs, paged. */
export async function tariffsRoutes(app: FastifyInstance, deps: OcpiModuleDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  app.get('/2.2.1/tariffs', async (request, reply) => {
    const page = readPageRequest(request);
    const { parties } = await deps.router.hostedScope(request.ocpi.routing.to);
    const result = await repos.tariffs.page(parties, page.window);
    return ocpiSuccess(pageHeaders(request, reply, deps.config.publicUrl, page, result).map(storedObject));
  });
}
