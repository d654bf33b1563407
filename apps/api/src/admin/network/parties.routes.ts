import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';

const PartyParams = Type.Object({
  cc: Type.String({ pattern: '^[A-Za-z]{2}$' }),
  pid: Type.String({ pattern: '^[A-Za-z0-9]{3}$' }),
});
const PartyBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  roles: Type.Optional(Type.Array(Type.Enum(['CPO']), { minItems: 1 })),
});

/** `PUT /api/v1/parties/{cc}/{pid}`: a CPO hosted on the hub (201 created / 200 replaced). */
export async function partiesRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  app.put<{ Params: { cc: string; pid: string }; Body: { name: string; roles?: string[] } }>(
    '/parties/:cc/:pid',
    { schema: { tags: ['parties'], params: PartyParams, body: PartyBody } },
    async (request, reply) => {
      const cc = request.params.cc.toUpperCase();
      const pid = request.params.pid.toUpperCase();
      const roles = request.body.roles ?? ['CPO'];
      const { created } = await repos.parties.upsertHosted(cc, pid, request.body.name, roles);
      return reply.code(created ? 201 : 200).send({ country_code: cc, party_id: pid, name: request.body.name, roles });
    },
  );
}
