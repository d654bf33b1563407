import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { adminRoutes } from './admin/admin.routes.js';
import { dashboardExtension } from './dashboard/dashboard.plugin.js';
import type { ApiDeps } from './deps.js';
import { healthRoutes } from './health/health.routes.js';
import { metricsRoutes } from './health/metrics.routes.js';
import { ocpiExtension } from './ocpi/ocpi.plugin.js';
import { installEmptyJsonBodyParser } from './plugins/empty-json-body.js';
import { registerOpenApi } from './plugins/openapi.js';

/** HTTP extensions registered beside the core (OCPI, dashboard): each a scoped fastify plugin. */
export type ApiExtension = (app: FastifyInstance, deps: ApiDeps) => Promise<void>;

/** Extensions every API instance registers; later issues add theirs here. */
export const apiExtensions: ApiExtension[] = [ocpiExtension, dashboardExtension];

/** Builds the HTTP app (OCPI, admin API, docs, metrics, health) without listening. */
export async function build(deps: ApiDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'api' }) as FastifyBaseLogger,
    // Per-request logs would dominate at OCPI load; errors are still logged by the handlers.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 10 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
  });
  installEmptyJsonBodyParser(app);
  await registerOpenApi(app, deps.config.publicUrl);
  await app.register(async (scope) => healthRoutes(scope, deps));
  await app.register(async (scope) => metricsRoutes(scope));
  await app.register(async (scope) => adminRoutes(scope, deps), { prefix: '/api/v1' });
  for (const extension of apiExtensions) await app.register(async (scope) => extension(scope, deps));
  return app;
}
