import type { FastifyInstance } from 'fastify';
import { installAccessControl } from '../auth/access-control.hook.js';
import { installAuditLog } from '../auth/audit-log.hook.js';
import type { ApiDeps } from '../deps.js';
import { installAdminErrorHandler } from '../plugins/admin-errors.js';
import { alertsRoutes } from './alerts.routes.js';
import { apiTokensRoutes } from './api-tokens.routes.js';
import { auditRoutes } from './audit.routes.js';
import { authRoutes } from './auth.routes.js';
import { cdrCreditsRoutes } from './cdr-credits.routes.js';
import { cdrExportRoutes } from './cdr-export.routes.js';
import { cdrInsightsRoutes } from './cdr-insights.routes.js';
import { cdrsRoutes } from './cdrs.routes.js';
import { chargingSessionsRoutes } from './charging-sessions.routes.js';
import { deliveriesRoutes } from './deliveries.routes.js';
import { eventsRoutes } from './events.routes.js';
import { financeRoutes } from './finance.routes.js';
import { locationsRoutes } from './locations.routes.js';
import { overviewRoutes } from './overview.routes.js';
import { partiesRoutes } from './parties.routes.js';
import { partnerOperationsRoutes } from './partner-operations.routes.js';
import { partnersRoutes } from './partners.routes.js';
import { sessionsRoutes } from './sessions.routes.js';
import { stationCommandsRoutes } from './station-commands.routes.js';
import { stationFramesRoutes } from './station-frames.routes.js';
import { stationHistoryRoutes } from './station-history.routes.js';
import { stationTableRoutes } from './station-table.routes.js';
import { stationsRoutes } from './stations.routes.js';
import { systemRoutes } from './system.routes.js';
import { tariffPreviewRoutes } from './tariff-preview.routes.js';
import { tariffsRoutes } from './tariffs.routes.js';
import { tokenListRoutes } from './token-list.routes.js';
import { tokensRoutes } from './tokens.routes.js';
import { transactionsRoutes } from './transactions.routes.js';
import { usersRoutes } from './users.routes.js';

/** A module of admin routes, registered under `/api/v1` behind the access control. */
export type AdminModule = (app: FastifyInstance, deps: ApiDeps) => Promise<void>;

/** Every admin module; each issue adds its own file and one line here. */
export const adminModules: AdminModule[] = [
  systemRoutes,
  partiesRoutes,
  locationsRoutes,
  tariffsRoutes,
  tokensRoutes,
  partnersRoutes,
  partnerOperationsRoutes,
  tariffPreviewRoutes,
  tokenListRoutes,
  sessionsRoutes,
  cdrsRoutes,
  cdrExportRoutes,
  cdrInsightsRoutes,
  chargingSessionsRoutes,
  financeRoutes,
  stationsRoutes,
  stationTableRoutes,
  stationFramesRoutes,
  stationCommandsRoutes,
  stationHistoryRoutes,
  transactionsRoutes,
  cdrCreditsRoutes,
  deliveriesRoutes,
  authRoutes,
  apiTokensRoutes,
  usersRoutes,
  auditRoutes,
  eventsRoutes,
  alertsRoutes,
  overviewRoutes,
];

/** `/api/v1`: principals and roles, the audit log, `{ error, message }` errors, then every admin module. */
export async function adminRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  installAdminErrorHandler(app);
  installAccessControl(app, deps);
  installAuditLog(app, deps);
  for (const module of adminModules) await module(app, deps);
}
