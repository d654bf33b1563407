import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../deps.js';
import { SAFE_METHODS } from './access-control.hook.js';
import { auditDetails } from './redact-secrets.js';

/** The actor recorded for requests without valid credentials (e.g. a failed sign-in). */
export const ANONYMOUS_ACTOR = 'anonymous';

/**
 * Writes one `audit_log` row for every request of the scope that may change something
 * (anything but GET/HEAD) once it is answered, refused ones included: who, with which role,
 * the route, the concrete path, the status and the body with its secrets redacted. Routes that
 * only compute (`config: { audit: false }`, e.g. the tariff price preview) are skipped.
 */
export function installAuditLog(app: FastifyInstance, deps: ApiDeps): void {
  const audit = repositories(deps.store.db).audit;
  app.addHook('onResponse', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config.audit === false) return;
    const principal = request.principal;
    const path = request.url.split('?')[0] ?? request.url;
    try {
      await audit.record({
        actor: principal?.actor ?? ANONYMOUS_ACTOR,
        role: principal?.role ?? null,
        action: `${request.method} ${request.routeOptions.url ?? '(no route)'}`,
        target: path.slice(0, 1000),
        status: reply.statusCode,
        details: auditDetails(request.body),
      });
    } catch (error) {
      request.log.error({ err: error }, 'could not write the audit log');
    }
  });
}
