import { type ApiTokenRow, repositories } from '@chargebridge/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { API_TOKEN_PREFIX, newSecret, sha256Hex } from '../../auth/secret-token.js';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { Nullable } from '../shared/nullable.js';

/** Characters of a token kept in lists (`cbt_` and 8 more) so people can tell them apart. */
const PREFIX_LENGTH = API_TOKEN_PREFIX.length + 8;

const TokenView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token' }),
  created_at: Type.String({ format: 'date-time' }),
  last_used_at: Nullable(Type.String({ format: 'date-time' })),
  revoked_at: Nullable(Type.String({ format: 'date-time' })),
});
const CreatedToken = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  token: Type.String({ description: 'The token itself: shown this once, only its hash is stored' }),
});
const TokenId = Type.Object({ id: Type.Integer({ minimum: 1 }) });

function tokenView(row: ApiTokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    created_at: row.created_at.toISOString(),
    last_used_at: row.last_used_at?.toISOString() ?? null,
    revoked_at: row.revoked_at?.toISOString() ?? null,
  };
}

/** The caller's account id; the admin token has no account and so no personal tokens. */
function accountOf(request: FastifyRequest): number {
  const userId = request.principal?.userId;
  if (userId === null || userId === undefined)
    throw new AdminError(400, 'no_account', 'the admin token has no personal tokens; sign in with an account');
  return userId;
}

/** Personal API tokens (`Authorization: Bearer cbt_…`), each account managing its own. */
export async function apiTokensRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);

  app.get(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: "The caller's personal API tokens (revoked ones included)",
        response: { 200: Type.Object({ items: Type.Array(TokenView) }) },
      },
    },
    async (request) => ({ items: (await repos.apiTokens.listForUser(accountOf(request))).map(tokenView) }),
  );

  app.post<{ Body: { name: string } }>(
    '/auth/tokens',
    {
      config: { minRole: 'viewer' },
      schema: {
        tags: ['auth'],
        summary: 'Create a personal API token with the caller’s role; the token is only shown in this answer',
        body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 201: CreatedToken },
      },
    },
    async (request, reply) => {
      const userId = accountOf(request);
      const token = newSecret(API_TOKEN_PREFIX);
      const row = await repos.apiTokens.create({
        userId,
        name: request.body.name.trim() || 'token',
        tokenHash: sha256Hex(token),
        prefix: token.slice(0, PREFIX_LENGTH),
      });
      const { id, name, prefix, created_at } = tokenView(row);
      return reply.code(201).send({ id, name, prefix, created_at, token });
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/auth/tokens/:id',
    {
      config: { minRole: 'viewer' },
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of the caller’s personal API tokens',
        params: TokenId,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const revoked = await repos.apiTokens.revoke(request.params.id, accountOf(request), new Date());
      if (!revoked) throw new AdminError(404, 'unknown_token', `you have no active token ${request.params.id}`);
      return reply.code(204).send();
    },
  );
}
