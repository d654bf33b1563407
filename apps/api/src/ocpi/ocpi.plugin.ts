import { OcpiError, parseOcpi, responseIdHeaders, responseRoutingHeaders } from '@chargebridge/ocpi';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import type { ApiDeps } from '../deps.js';
import { ocpiAuthHook } from './core/ocpi-auth.js';
import './core/ocpi-caller.js';
import { installOcpiErrorHandler } from './core/ocpi-errors.js';
import { PartyRouter } from './core/party-router.js';
import { credentialsRoutes } from './credentials/credentials.routes.js';
import { versionsRoutes } from './credentials/versions.routes.js';
import { cdrsRoutes } from './modules/cdrs.routes.js';
import { chargingProfilesRoutes } from './modules/charging-profiles.routes.js';
import { commandsRoutes } from './modules/commands.routes.js';
import { hubClientInfoRoutes } from './modules/hub-client-info.routes.js';
import { locationsRoutes } from './modules/locations.routes.js';
import { sessionsRoutes } from './modules/sessions.routes.js';
import { tariffsRoutes } from './modules/tariffs.routes.js';
import { tokensRoutes } from './modules/tokens.routes.js';

/** What every OCPI module gets. */
export interface OcpiModuleDeps extends ApiDeps {
  router: PartyRouter;
}

/**
 * The OCPI 2.2.1 server under `/ocpi`, an `apiExtensions` entry. Bodies are validated with the
 * `@chargebridge/ocpi` TypeBox schemas through TypeBox's own compiler (no type coercion,
 * unknown fields kept), so a bad body is a 2001 naming the JSON path.
 */
export async function ocpiExtension(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  await app.register(
    async (scope) => {
      const repos = repositories(deps.store.db);
      const router = new PartyRouter(repos, {
        country_code: deps.config.hubCountryCode,
        party_id: deps.config.hubPartyId,
      });
      const moduleDeps: OcpiModuleDeps = { ...deps, router };
      installOcpiErrorHandler(scope);
      scope.setValidatorCompiler(({ schema }) => (data: unknown) => {
        const result = parseOcpi(schema as TSchema, data);
        return result.ok
          ? { value: result.value }
          : { error: OcpiError.invalidParameters(`Invalid or missing parameters: ${result.message}`) };
      });
      scope.addHook('onRequest', async (request) => ocpiAuthHook(repos.partners, request));
      // transport_and_format §Unique message IDs and §Message Routing Headers: echo the ids and
      // answer with from/to swapped.
      scope.addHook('onSend', async (request, reply) => {
        if (!request.ocpi) return;
        reply.headers(responseIdHeaders(request.ocpi));
        reply.headers(responseRoutingHeaders(request.ocpi.routing));
      });
      await versionsRoutes(scope, deps);
      await credentialsRoutes(scope, deps);
      for (const module of [
        locationsRoutes,
        tariffsRoutes,
        sessionsRoutes,
        cdrsRoutes,
        tokensRoutes,
        commandsRoutes,
        chargingProfilesRoutes,
        hubClientInfoRoutes,
      ]) {
        await module(scope, moduleDeps);
      }
    },
    { prefix: '/ocpi' },
  );
}
