import { CreditCdrError, issueCreditCdr } from '@chargebridge/bridge';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';

/**
 * `POST /api/v1/cdrs/{id}/credit`: corrects a CDR the only way OCPI allows — a Credit CDR
 * (mod_cdrs "Credit CDRs": `credit: true`, `credit_reference_id`, negated `total_cost`), stored
 * with its `cdr.push` to the token's owner in one transaction. `{id}` is the CDR's OCPI id or its
 * numeric row id. 201 with the credit CDR; 404 for an unknown CDR; 409 to credit a credit.
 */
export async function cdrCreditsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  app.post<{ Params: { id: string } }>('/cdrs/:id/credit', { schema: { tags: ['cdrs'] } }, async (request, reply) => {
    try {
      const row = await issueCreditCdr(deps.store.db, request.params.id);
      return reply.code(201).send({ ...row.data, last_updated: row.last_updated.toISOString() });
    } catch (error) {
      if (error instanceof CreditCdrError) {
        throw new AdminError(error.code === 'not_found' ? 404 : 409, error.code, error.message);
      }
      throw error;
    }
  });
}
