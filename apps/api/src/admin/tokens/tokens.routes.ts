import { parseOcpiDateTime, Token } from '@chargebridge/ocpi';
import { repositories, type WhitelistType } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import type { ApiDeps } from '../../deps.js';
import { ocpiBody, requireHostedParty } from '../shared/ocpi-body.js';

type Params = { cc: string; pid: string; uid: string };

/** `PUT /api/v1/tokens/{cc}/{pid}/{uid}`: an OCPI Token owned by a hosted party (source `local`). */
export async function tokensRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  app.put<{ Params: Params }>('/tokens/:cc/:pid/:uid', { schema: { tags: ['tokens'] } }, async (request, reply) => {
    const cc = request.params.cc.toUpperCase();
    const pid = request.params.pid.toUpperCase();
    await requireHostedParty(repos, cc, pid);
    const token = ocpiBody<Token>(Token, request.body, { country_code: cc, party_id: pid, uid: request.params.uid });
    const { created } = await repos.tokens.upsert({
      countryCode: cc,
      partyId: pid,
      uid: token.uid,
      type: token.type,
      contractId: token.contract_id,
      source: 'local',
      partnerId: null,
      whitelist: token.whitelist as WhitelistType,
      valid: token.valid,
      data: token as unknown as Record<string, unknown>,
      lastUpdated: parseOcpiDateTime(token.last_updated) ?? new Date(),
    });
    return reply.code(created ? 201 : 200).send(token);
  });
}
