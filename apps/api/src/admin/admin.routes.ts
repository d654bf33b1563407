import type { FastifyInstance } from 'fastify';
import { installAccessControl } from '../auth/access-control.hook.js';
import { installAuditLog } from '../auth/audit-log.hook.js';
import type { ApiDeps } from '../deps.js';
import { installAdminErrorHandler } from '../plugins/admin-errors.js';
import { apiTokensRoutes } from './access/api-tokens.routes.js';
import { auditRoutes } from './access/audit.routes.js';
import { authRoutes } from './access/auth.routes.js';
import { usersRoutes } from './access/users.routes.js';
import { alertsRoutes } from './alerts/alerts.routes.js';
import { stationCommandsRoutes } from './commands/station-commands.routes.js';
import { cdrCreditsRoutes } from './finance/cdr-credits.routes.js';
import { cdrExportRoutes } from './finance/cdr-export.routes.js';
import { cdrInsightsRoutes } from './finance/cdr-insights.routes.js';
import { cdrsRoutes } from './finance/cdrs.routes.js';
import { financeRoutes } from './finance/finance.routes.js';
import { eventsRoutes } from './live/events.routes.js';
import { locationsRoutes } from './network/locations.routes.js';
import { partiesRoutes } from './network/parties.routes.js';
import { overviewRoutes } from './overview/overview.routes.js';
import { deliveriesRoutes } from './partners/deliveries.routes.js';
import { partnerOperationsRoutes } from './partners/partner-operations.routes.js';
import { partnersRoutes } from './partners/partners.routes.js';
import { chargingSessionsRoutes } from './sessions/charging-sessions.routes.js';
import { sessionsRoutes } from './sessions/sessions.routes.js';
import { stationEventsRoutes } from './stations/station-events.routes.js';
import { stationFramesRoutes } from './stations/station-frames.routes.js';
import { stationHistoryRoutes } from './stations/station-history.routes.js';
import { stationTableRoutes } from './stations/station-table.routes.js';
import { stationsRoutes } from './stations/stations.routes.js';
import { transactionsRoutes } from './stations/transactions.routes.js';
import { systemRoutes } from './system/system.routes.js';
import { tariffPreviewRoutes } from './tariffs/tariff-preview.routes.js';
import { tariffsRoutes } from './tariffs/tariffs.routes.js';
import { tokenListRoutes } from './tokens/token-list.routes.js';
import { tokensRoutes } from './tokens/tokens.routes.js';

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
  stationEventsRoutes,
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
