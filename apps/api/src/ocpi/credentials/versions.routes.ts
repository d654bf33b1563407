import { ocpiSuccess } from '@chargebridge/ocpi';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../../deps.js';
import { OCPI_VERSION, ourEndpoints } from '../core/ocpi-endpoints.js';

const configuration = { ocpiAccess: 'configuration' as const };

/** `/ocpi/versions` and `/ocpi/2.2.1` (version_information_endpoint), reachable with token A. */
export async function versionsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const publicUrl = deps.config.publicUrl;
  app.get('/versions', { config: configuration }, async () =>
    ocpiSuccess([{ version: OCPI_VERSION, url: `${publicUrl}/ocpi/${OCPI_VERSION}` }]),
  );
  app.get(`/${OCPI_VERSION}`, { config: configuration }, async () =>
    ocpiSuccess({ version: OCPI_VERSION, endpoints: ourEndpoints(publicUrl) }),
  );
}
