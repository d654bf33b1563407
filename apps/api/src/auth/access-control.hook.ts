import { repositories, type UserRole } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../deps.js';
import { roleAllows } from './principal.js';
import { PrincipalResolver } from './principal-resolver.js';

/** Methods that change nothing: a viewer may use them, and a browser needs no CSRF header. */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/** The header the dashboard sends on every call; a cross-site form or image cannot. */
export const CSRF_HEADER = 'x-chargebridge-csrf';

/** Whether the hub's public URL is https, so cookies get `Secure`. */
export function securePublicUrl(deps: ApiDeps): boolean {
  return deps.config.publicUrl.startsWith('https:');
}

/**
 * Authenticates and authorizes every request of the scope (`/api/v1`): resolves the
 * principal (401 without one), demands the CSRF header on cookie-authenticated changes
 * (403 `csrf`), then the route's role (403 `forbidden`). Routes with `config.public` skip it.
 */
export function installAccessControl(app: FastifyInstance, deps: ApiDeps): void {
  const resolver = new PrincipalResolver(repositories(deps.store.db), deps.adminToken, securePublicUrl(deps));
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config ?? {};
    if (config.public) return;
    const credentials = await resolver.resolve(request, reply);
    if (credentials.kind !== 'valid') {
      reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({
          error: 'unauthorized',
          message:
            credentials.kind === 'invalid'
              ? credentials.message
              : 'sign in, or send a bearer token (the admin token or a personal API token)',
        });
      return reply;
    }
    const { principal } = credentials;
    request.principal = principal;
    const safe = SAFE_METHODS.has(request.method);
    if (principal.via === 'session' && !safe && request.headers[CSRF_HEADER] !== '1') {
      reply
        .code(403)
        .send({ error: 'csrf', message: `a browser request that changes something needs ${CSRF_HEADER}: 1` });
      return reply;
    }
    const needed: UserRole = config.minRole ?? (safe ? 'viewer' : 'admin');
    if (!roleAllows(principal.role, needed)) {
      const route = request.routeOptions.url ?? request.url.split('?')[0];
      reply.code(403).send({ error: 'forbidden', message: `${request.method} ${route} needs role ${needed}` });
      return reply;
    }
  });
}
