import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../deps.js';
import { requireAdminToken } from '../plugins/admin-auth.js';
import { installAdminErrorHandler } from '../plugins/admin-errors.js';
import { cdrCreditsRoutes } from './cdr-credits.routes.js';
import { cdrExportRoutes } from './cdr-export.routes.js';
import { cdrsRoutes } from './cdrs.routes.js';
import { deliveriesRoutes } from './deliveries.routes.js';
import { locationsRoutes } from './locations.routes.js';
import { partiesRoutes } from './parties.routes.js';
import { partnersRoutes } from './partners.routes.js';
import { sessionsRoutes } from './sessions.routes.js';
import { stationsRoutes } from './stations.routes.js';
import { systemRoutes } from './system.routes.js';
import { tariffsRoutes } from './tariffs.routes.js';
import { tokensRoutes } from './tokens.routes.js';
import { transactionsRoutes } from './transactions.routes.js';

/** A module of admin routes, registered under `/api/v1` behind the admin token. */
export type AdminModule = (app: FastifyInstance, deps: ApiDeps) => Promise<void>;

/** Every admin module; each issue adds its own file and one line here. */
export const adminModules: AdminModule[] = [
  systemRoutes,
  partiesRoutes,
  locationsRoutes,
  tariffsRoutes,
  tokensRoutes,
  partnersRoutes,
  sessionsRoutes,
  cdrsRoutes,
  cdrExportRoutes,
  stationsRoutes,
  transactionsRoutes,
  cdrCreditsRoutes,
  deliveriesRoutes,
];

/** `/api/v1`: bearer auth, `{ error, message }` errors, then every admin module. */
export async function adminRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  installAdminErrorHandler(app);
  app.addHook('onRequest', requireAdminToken(deps.adminToken));
  for (const module of adminModules) await module(app, deps);
}
