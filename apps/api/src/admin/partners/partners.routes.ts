import { deleteCredentials } from '@chargebridge/ocpi';
import { type PartnerRow, repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { versionsUrl } from '../../ocpi/core/ocpi-endpoints.js';
import { RegistrationFailed, RegistrationService } from '../../ocpi/credentials/registration.service.js';
import { AdminError } from '../../plugins/admin-errors.js';

const CreatePartner = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  versions_url: Type.Optional(Type.String({ pattern: '^https?://' })),
  token: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
});
type CreatePartner = { name: string; versions_url?: string; token?: string };

/** A partner as the admin API shows it; tokens never leave the hub. */
function view(p: PartnerRow) {
  return {
    id: p.id,
    name: p.name,
    status: p.status,
    direction: p.direction,
    versions_url: p.versions_url,
    version: p.version,
    roles: p.roles,
    endpoints: p.endpoints,
    last_push_error: p.last_push_error,
    created_at: p.created_at.toISOString(),
    updated_at: p.updated_at.toISOString(),
  };
}

/**
 * `POST/GET/DELETE /api/v1/partners[/{id}]` (interfaces.md): invite a partner with a token A,
 * or register with a partner from its versions URL and token A; list connections with their
 * roles, endpoints, version and push failures; unregister.
 */
export async function partnersRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  const registration = new RegistrationService({
    repos,
    publicUrl: deps.config.publicUrl,
    hub: { country_code: deps.config.hubCountryCode, party_id: deps.config.hubPartyId },
    logger: deps.logger.child({ component: 'ocpi-registration' }),
  });

  app.post('/partners', { schema: { tags: ['partners'], body: CreatePartner } }, async (request, reply) => {
    const body = request.body as CreatePartner;
    if ((body.versions_url === undefined) !== (body.token === undefined)) {
      throw new AdminError(400, 'invalid_request', 'give both versions_url and token, or neither');
    }
    if (body.versions_url === undefined || body.token === undefined) {
      const { partner, tokenA } = await registration.invite(body.name);
      return reply
        .code(201)
        .send({ id: partner.id, token_a: tokenA, versions_url: versionsUrl(deps.config.publicUrl) });
    }
    try {
      const partner = await registration.registerWith(body.name, body.versions_url, body.token);
      return reply.code(201).send(view(partner));
    } catch (error) {
      if (error instanceof RegistrationFailed) throw new AdminError(502, 'registration_failed', error.message);
      throw error;
    }
  });

  app.get('/partners', { schema: { tags: ['partners'] } }, async () => (await repos.partners.list()).map(view));

  app.get<{ Params: { id: string } }>('/partners/:id', { schema: { tags: ['partners'] } }, async (request) => {
    const partner = await repos.partners.find(request.params.id);
    if (!partner) throw new AdminError(404, 'not_found', `no partner ${request.params.id}`);
    const failures = await repos.pushDeliveries.failures(partner.id);
    return {
      ...view(partner),
      push_failures: failures.map((f) => ({
        module: f.module,
        object: f.object_key,
        method: f.method,
        attempts: f.attempts,
        http_status: f.http_status,
        error: f.last_error,
        at: f.last_attempt_at?.toISOString() ?? null,
      })),
    };
  });

  app.delete<{ Params: { id: string } }>(
    '/partners/:id',
    { schema: { tags: ['partners'] } },
    async (request, reply) => {
      const partner = await repos.partners.find(request.params.id);
      if (!partner) throw new AdminError(404, 'not_found', `no partner ${request.params.id}`);
      const credentialsUrl = partner.endpoints.find((e) => e.identifier === 'credentials')?.url;
      if (partner.status === 'registered' && partner.outgoing_token && credentialsUrl) {
        // credentials §DELETE: tell the partner; a partner that is gone must not block removal.
        await deleteCredentials(credentialsUrl, partner.outgoing_token, {
          encoding: partner.outgoing_token_encoding,
          timeoutMs: 5_000,
        }).catch((err) => request.log.warn({ err, partner: partner.id }, 'partner did not acknowledge unregistration'));
      }
      await repos.partners.delete(partner.id);
      return reply.code(204).send();
    },
  );
}
