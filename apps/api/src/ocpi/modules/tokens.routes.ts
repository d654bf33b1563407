import {
  ciEquals,
  OcpiError,
  type OcpiPartyRef,
  ocpiSuccess,
  parseOcpiDateTime,
  parseOcpiOrThrow,
  Token,
  TokenPatch,
} from '@chargebridge/ocpi';
import { repositories, type TokenRow, type WhitelistType } from '@chargebridge/store';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OcpiModuleDeps } from '../ocpi.plugin.js';

type TokenParams = { country_code: string; party_id: string; token_uid: string };
type TokenQuery = { type?: string };

const path = '/2.2.1/tokens/:country_code/:party_id/:token_uid';

/** The party in the URL must be one the caller registered (transport_and_format §Errors: 404). */
function ownParty(request: FastifyRequest, params: TokenParams): OcpiPartyRef {
  const own = request.ocpi.callerParties.find(
    (p) => ciEquals(p.country_code, params.country_code) && ciEquals(p.party_id, params.party_id),
  );
  if (!own) throw OcpiError.notFound('Unknown token');
  return own;
}

/** The caller's own roaming token, or 404 — a token of anyone else is indistinguishable from none. */
function mine(request: FastifyRequest, row: TokenRow | undefined): TokenRow {
  if (!row || row.source !== 'roaming' || row.partner_id !== request.ocpi.caller.partner.id) {
    throw OcpiError.notFound('Unknown token');
  }
  return row;
}

function tokenType(query: TokenQuery): string {
  return query.type ?? 'RFID'; // mod_tokens §PUT: type defaults to RFID
}

/**
 * Tokens, Receiver interface (mod_tokens §Receiver Interface): eMSPs push their tokens; they are
 * stored for authorization with source `roaming` and the partner's id, `whitelist` kept. A
 * partner reads and changes only its own tokens.
 */
export async function tokensRoutes(app: FastifyInstance, deps: OcpiModuleDeps): Promise<void> {
  const repos = repositories(deps.store.db);

  app.get<{ Params: TokenParams; Querystring: TokenQuery }>(path, async (request) => {
    const party = ownParty(request, request.params);
    const row = mine(
      request,
      await repos.tokens.find(party.country_code, party.party_id, request.params.token_uid, tokenType(request.query)),
    );
    return ocpiSuccess({ ...row.data, last_updated: row.last_updated.toISOString() });
  });

  app.put<{ Params: TokenParams; Querystring: TokenQuery }>(path, { schema: { body: Token } }, async (request) => {
    const party = ownParty(request, request.params);
    const token = request.body as unknown as Token;
    const type = tokenType(request.query);
    // mod_tokens §PUT: the object must match the URL.
    if (
      !ciEquals(token.country_code, party.country_code) ||
      !ciEquals(token.party_id, party.party_id) ||
      token.uid !== request.params.token_uid ||
      token.type !== type
    ) {
      throw OcpiError.invalidParameters('country_code, party_id, uid and type of the Token must match the URL');
    }
    const existing = await repos.tokens.find(party.country_code, party.party_id, token.uid, type);
    if (existing) mine(request, existing);
    await repos.tokens.upsert(toInput(request, party, { ...token, type }));
    return ocpiSuccess();
  });

  app.patch<{ Params: TokenParams; Querystring: TokenQuery }>(
    path,
    { schema: { body: TokenPatch } },
    async (request) => {
      const party = ownParty(request, request.params);
      const type = tokenType(request.query);
      const row = mine(
        request,
        await repos.tokens.find(party.country_code, party.party_id, request.params.token_uid, type),
      );
      const patch = request.body as Record<string, unknown>;
      for (const key of ['country_code', 'party_id', 'uid', 'type'] as const) {
        if (patch[key] !== undefined && patch[key] !== row.data[key]) {
          throw OcpiError.invalidParameters(`${key} cannot be changed by PATCH`);
        }
      }
      // mod_tokens §PATCH: the merged object must still be a valid Token.
      const merged = parseOcpiOrThrow(Token, { ...row.data, ...patch });
      await repos.tokens.upsert(toInput(request, party, merged));
      return ocpiSuccess();
    },
  );
}

function toInput(request: FastifyRequest, party: OcpiPartyRef, token: Token) {
  return {
    countryCode: party.country_code,
    partyId: party.party_id,
    uid: token.uid,
    type: token.type,
    contractId: token.contract_id,
    source: 'roaming' as const,
    partnerId: request.ocpi.caller.partner.id,
    whitelist: token.whitelist as WhitelistType,
    valid: token.valid,
    data: token as unknown as Record<string, unknown>,
    lastUpdated: parseOcpiDateTime(token.last_updated) ?? new Date(),
  };
}
