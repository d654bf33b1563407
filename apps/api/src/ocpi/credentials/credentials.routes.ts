import { Credentials, OcpiError, type OcpiPartyRef, ocpiSuccess, parseAuthorizationHeader } from '@chargebridge/ocpi';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../../deps.js';
import { OCPI_VERSION, ourCredentials } from '../core/ocpi-endpoints.js';
import { RegistrationService } from './registration.service.js';

const configuration = { ocpiAccess: 'configuration' as const };

/**
 * `/ocpi/2.2.1/credentials` (credentials §Interfaces): GET, POST (register), PUT (update,
 * re-fetches endpoints), DELETE (unregister), with 405 where the spec demands it.
 */
export async function credentialsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  const hub: OcpiPartyRef = { country_code: deps.config.hubCountryCode, party_id: deps.config.hubPartyId };
  const registration = new RegistrationService({
    repos,
    publicUrl: deps.config.publicUrl,
    hub,
    logger: deps.logger.child({ component: 'ocpi-registration' }),
  });
  const url = `/${OCPI_VERSION}/credentials`;

  // GET: the credentials to access us — the token the caller just used (we keep only hashes).
  app.get(url, { config: configuration }, async (request) => {
    const token = parseAuthorizationHeader(request.headers.authorization)?.token ?? '';
    return ocpiSuccess(ourCredentials(deps.config.publicUrl, hub, token));
  });

  app.post(url, { config: configuration, schema: { body: Credentials } }, async (request) => {
    const { caller } = request.ocpi;
    // credentials §POST: 405 if the client has already been registered.
    if (caller.kind !== 'registration') throw OcpiError.methodNotAllowed('Already registered; use PUT to update');
    return ocpiSuccess(await registration.accept(caller.partner, request.body as Credentials));
  });

  app.put(url, { config: configuration, schema: { body: Credentials } }, async (request) => {
    const { caller } = request.ocpi;
    // credentials §PUT: 405 if the client has not been registered yet.
    if (caller.kind !== 'partner') throw OcpiError.methodNotAllowed('Not registered; use POST to register');
    return ocpiSuccess(await registration.accept(caller.partner, request.body as Credentials));
  });

  app.delete(url, { config: configuration }, async (request) => {
    const { caller } = request.ocpi;
    // credentials §DELETE: 405 if the client has not been registered before.
    if (caller.kind !== 'partner') throw OcpiError.methodNotAllowed('Not registered');
    await registration.unregistered(caller.partner);
    return ocpiSuccess();
  });
}
