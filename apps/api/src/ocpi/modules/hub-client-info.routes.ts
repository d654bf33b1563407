import type { ClientInfo } from '@chargebridge/ocpi';
import { ocpiSuccess } from '@chargebridge/ocpi';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { MAX_PAGE_LIMIT, readPageRequest } from '../core/ocpi-paging.js';
import type { OcpiModuleDeps } from '../ocpi.plugin.js';

/**
 * HubClientInfo, Sender interface (mod_hub_client_info): every party behind the hub — hosted
 * CPOs (CONNECTED: they are the hub's own) and the roles of OCPI partners (CONNECTED when
 * registered, SUSPENDED when unregistered, PLANNED while registering). The list is small, so
 * it is paged in memory with the same window rules (`last_updated` in [date_from, date_to)).
 */
export async function hubClientInfoRoutes(app: FastifyInstance, deps: OcpiModuleDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  app.get('/2.2.1/hubclientinfo', async (request, reply) => {
    const page = readPageRequest(request);
    const [parties, partners] = await Promise.all([repos.parties.listHosted(), repos.partners.list()]);
    const all: ClientInfo[] = [];
    for (const p of parties) {
      for (const role of p.roles) {
        all.push({
          country_code: p.country_code,
          party_id: p.party_id,
          role: role as ClientInfo['role'],
          status: 'CONNECTED',
          last_updated: p.updated_at.toISOString(),
        });
      }
    }
    for (const partner of partners) {
      const status =
        partner.status === 'registered' ? 'CONNECTED' : partner.status === 'pending' ? 'PLANNED' : 'SUSPENDED';
      for (const r of partner.roles) {
        all.push({
          country_code: r.country_code,
          party_id: r.party_id,
          role: r.role as ClientInfo['role'],
          status,
          last_updated: partner.updated_at.toISOString(),
        });
      }
    }
    const { dateFrom, dateTo, offset } = page.window;
    const inWindow = all
      .filter(
        (c) =>
          (!dateFrom || Date.parse(c.last_updated) >= dateFrom.getTime()) &&
          (!dateTo || Date.parse(c.last_updated) < dateTo.getTime()),
      )
      .sort(
        (a, b) =>
          a.last_updated.localeCompare(b.last_updated) ||
          `${a.country_code}${a.party_id}${a.role}`.localeCompare(`${b.country_code}${b.party_id}${b.role}`),
      );
    reply.header('X-Total-Count', String(inWindow.length));
    reply.header('X-Limit', String(MAX_PAGE_LIMIT));
    return ocpiSuccess(inWindow.slice(offset, offset + page.limit));
  });
}
