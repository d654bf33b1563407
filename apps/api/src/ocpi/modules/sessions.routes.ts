import { ocpiSuccess } from '@chargebridge/ocpi';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { pageHeaders, readPageRequest } from '../core/ocpi-paging.js';
import type { OcpiModuleDeps } from '../ocpi.plugin.js';
import { storedObject } from './object-list.js';

/**
 * Sessions, Sender interface (mod_sessions §Sender Interface): sessions at hosted CPOs whose
 * token belongs to the caller's parties (sessions.token_country_code / token_party_id) — never
 * another eMSP's.
 */
export async function sessionsRoutes(app: FastifyInstance, deps: OcpiModuleDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  app.get('/2.2.1/sessions', async (request, reply) => {
    const page = readPageRequest(request);
    const { parties } = await deps.router.hostedScope(request.ocpi.routing.to);
    const scope = { cpoParties: parties, tokenParties: request.ocpi.callerParties };
    const result = await repos.sessions.page(scope, page.window);
    return ocpiSuccess(pageHeaders(request, reply, deps.config.publicUrl, page, result).map(storedObject));
  });
}
