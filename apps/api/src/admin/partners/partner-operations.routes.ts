import { repushPartner } from '@chargebridge/bridge';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { RotationFailed, rotateCredentials } from '../../ocpi/credentials/credentials-rotation.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { Nullable } from '../shared/nullable.js';
import { partnerStats } from './partner-stats.js';

const Role = Type.Object({
  role: Type.String(),
  country_code: Type.String(),
  party_id: Type.String(),
  business_details: Type.Optional(Type.Object({}, { additionalProperties: true })),
});

const ModuleStats = Type.Object({
  module: Type.String(),
  success: Type.Integer({ description: 'successful attempts, last 24 h' }),
  failure: Type.Integer({ description: 'failed attempts, last 24 h' }),
  last_success_at: Nullable(Type.String({ format: 'date-time' })),
  last_failure_at: Nullable(Type.String({ format: 'date-time' })),
  latency_ms_p50: Nullable(Type.Integer()),
  latency_ms_last: Nullable(Type.Integer()),
  queue_depth: Type.Integer({ description: 'deliveries pending, sending, retrying or failed' }),
  last_error: Nullable(Type.String()),
  last_error_body: Nullable(Type.String({ description: "the partner's answer, cut to ~2 kB" })),
});

const PartnerStats = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.String(),
  direction: Type.String(),
  roles: Type.Array(Role),
  health: Type.Union([Type.Literal('ok'), Type.Literal('degraded'), Type.Literal('failing'), Type.Literal('idle')]),
  health_window: Type.Object({ attempts: Type.Integer(), failures: Type.Integer() }),
  modules: Type.Array(ModuleStats),
});

const IdParams = Type.Object({ id: Type.String() });
type IdParams = { id: string };

const RepushBody = Type.Object({
  module: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  all: Type.Optional(Type.Boolean({ description: 'also re-send what the partner acknowledged (default false)' })),
});
type RepushBody = { module?: string; all?: boolean };

const RepushReport = Type.Object({
  queued: Type.Integer(),
  skipped: Type.Integer({ description: 'deliveries whose object no longer exists' }),
  remaining: Type.Integer({ description: 'left for a next call' }),
});

const RotationReport = Type.Object({
  id: Type.String(),
  rotated_at: Type.String({ format: 'date-time' }),
  changed: Type.Object({
    token_for_partner: Type.Boolean(),
    token_from_partner: Type.Boolean(),
    versions_url: Type.Boolean(),
    roles: Type.Boolean(),
    endpoints: Type.Boolean(),
  }),
  versions_url: Nullable(Type.String()),
  roles: Type.Array(Role),
  endpoints: Type.Array(Type.Object({ identifier: Type.String(), role: Type.String(), url: Type.String() })),
  warnings: Type.Array(Type.String()),
});

const ErrorBody = Type.Object({ error: Type.String(), message: Type.String() });

/**
 * What the partners screen needs beyond `/partners[/{id}]`: push statistics and health per
 * partner and module (`GET /partners/stats`), re-pushing a partner's backlog (operator) and
 * rotating its OCPI credentials (admin). Unregistering is `DELETE /partners/{id}`.
 */
export async function partnerOperationsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);

  app.get(
    '/partners/stats',
    {
      schema: {
        tags: ['partners'],
        summary: 'Push statistics and health of every partner',
        response: { 200: Type.Array(PartnerStats) },
      },
    },
    async () => partnerStats(repos),
  );

  app.post<{ Params: IdParams; Body: RepushBody | undefined }>(
    '/partners/:id/repush',
    {
      config: { minRole: 'operator' },
      schema: {
        tags: ['partners'],
        summary: "Re-queue a partner's undelivered (or, with all, every) push",
        params: IdParams,
        body: Type.Union([RepushBody, Type.Null()]),
        response: { 202: RepushReport, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const partner = await repos.partners.find(request.params.id);
      if (!partner) throw new AdminError(404, 'not_found', `no partner ${request.params.id}`);
      const body = request.body ?? {};
      const report = await repushPartner(deps.store.db, partner.id, {
        ...(body.module ? { module: body.module } : {}),
        all: body.all === true,
      });
      return reply.code(202).send(report);
    },
  );

  app.post<{ Params: IdParams }>(
    '/partners/:id/rotate-credentials',
    {
      schema: {
        tags: ['partners'],
        summary: 'Rotate OCPI credentials with the partner (credentials PUT)',
        params: IdParams,
        response: { 200: RotationReport, 404: ErrorBody, 409: ErrorBody, 502: ErrorBody },
      },
    },
    async (request) => {
      const partner = await repos.partners.find(request.params.id);
      if (!partner) throw new AdminError(404, 'not_found', `no partner ${request.params.id}`);
      try {
        const result = await rotateCredentials(
          {
            db: deps.store.db,
            repos,
            publicUrl: deps.config.publicUrl,
            hub: { country_code: deps.config.hubCountryCode, party_id: deps.config.hubPartyId },
            logger: deps.logger.child({ component: 'ocpi-credentials-rotation' }),
          },
          partner,
        );
        return {
          id: partner.id,
          rotated_at: new Date().toISOString(),
          changed: result.changed,
          versions_url: result.partner.versions_url,
          roles: result.partner.roles,
          endpoints: result.partner.endpoints,
          warnings: result.warnings,
        };
      } catch (error) {
        if (error instanceof RotationFailed) {
          throw new AdminError(
            error.status,
            error.status === 409 ? 'not_registered' : 'partner_refused',
            error.message,
          );
        }
        throw error;
      }
    },
  );
}
