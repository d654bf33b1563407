import { fromAllowedType, judgeToken, toOcpiTokenType, whitelistVerdict } from '@chargebridge/domain';
import { repositories, type StationAuthorizationContext, type Store, type TokenRow } from '@chargebridge/store';
import type { Logger } from 'pino';
import { AuthorizationCache } from './authorization-cache.js';
import type { AuthorizationDecision, AuthorizationRequest, Authorizer } from './authorizer.js';
import { requestRealtimeAuthorization } from './realtime-authorization.client.js';

/** mod_commands §StartSession: a START_SESSION authorizes that token at that EVSE for 15 minutes. */
export const START_SESSION_AUTHORIZES_MS = 15 * 60_000;

/** Options of {@link TokenAuthorizer}. */
export interface TokenAuthorizerOptions {
  store: Store;
  logger: Logger;
  /** Time budget of one authorization, real-time call included (AUTHORIZATION_TIMEOUT_MS). */
  timeoutMs: number;
  cache?: AuthorizationCache;
}

const decision = (d: Partial<AuthorizationDecision> & Pick<AuthorizationDecision, 'result' | 'source'>) => ({
  reason: null,
  allowed: null,
  tokenId: null,
  authorizationReference: null,
  authMethod: null,
  locationId: null,
  expiresAt: null,
  ...d,
});

/**
 * Resolves an idToken in the order the hub promises (issue 5, Authorization):
 * 1. a START_SESSION of the last 15 minutes for this token at this station (not re-authorized);
 * 2. local tokens of the station's hosted CPO;
 * 3. eMSP tokens pushed over OCPI, by whitelist type — ALWAYS from the whitelist, the others by a
 *    real-time authorization at the owning eMSP (cached, see {@link AuthorizationCache}), with
 *    ALLOWED_OFFLINE allowed when the eMSP does not answer within the budget;
 * 4. anything else is unknown and refused.
 */
export class TokenAuthorizer implements Authorizer {
  readonly cache: AuthorizationCache;
  readonly #log: Logger;

  constructor(private readonly options: TokenAuthorizerOptions) {
    this.cache = options.cache ?? new AuthorizationCache();
    this.#log = options.logger.child({ component: 'authorizer' });
  }

  async authorize(request: AuthorizationRequest): Promise<AuthorizationDecision> {
    const deadline = Date.now() + this.options.timeoutMs;
    const repos = repositories(this.options.store.db);
    const context = await repos.roamingAuthorization.stationContext(request.stationId, request.evseId);
    const locationId = context?.locationDbId ?? null;

    const byCommand = await this.fromStartSession(request);
    if (byCommand) return { ...byCommand, locationId };

    const tokens = await repos.tokens.findByUid(request.token.idToken);
    const local = tokens.filter(
      (t) =>
        t.source === 'local' &&
        (!context || (t.country_code === context.countryCode && t.party_id === context.partyId)),
    );
    if (local.length > 0) {
      const result = judgeToken(local.map((t) => ({ valid: t.valid, whitelist: 'ALWAYS' })));
      return decision({
        result,
        source: 'local',
        reason: result === 'accepted' ? null : 'local token not valid',
        tokenId: local[0]!.id,
        authMethod: result === 'accepted' ? 'WHITELIST' : null,
        locationId,
      });
    }

    const roaming = pickRoaming(tokens, request.token.type);
    if (!roaming) return decision({ result: 'unknown', source: 'unknown', reason: 'token not known', locationId });

    const verdict = whitelistVerdict(roaming);
    const base = { tokenId: roaming.id, locationId };
    if (verdict.kind === 'reject') {
      return decision({ ...base, result: 'blocked', source: 'whitelist', reason: 'token not valid' });
    }
    if (verdict.kind === 'allow') {
      return decision({ ...base, result: 'accepted', source: 'whitelist', authMethod: 'WHITELIST' });
    }

    const key = AuthorizationCache.key(roaming.id, roaming.last_updated, locationId);
    const cached = this.cache.get(key);
    if (cached) {
      return decision({
        ...base,
        result: cached.result,
        source: 'cache',
        allowed: cached.allowed,
        authorizationReference: cached.authorizationReference,
        authMethod: cached.authMethod,
        expiresAt: cached.expiresAt,
      });
    }
    return this.realtime(roaming, context, key, verdict.offlineAllowed, deadline);
  }

  /** Step 3: ask the eMSP, within what is left of the budget. */
  private async realtime(
    token: TokenRow,
    context: StationAuthorizationContext | undefined,
    key: string,
    offlineAllowed: boolean,
    deadline: number,
  ): Promise<AuthorizationDecision> {
    const base = { tokenId: token.id, locationId: context?.locationDbId ?? null };
    const partner = token.partner_id
      ? await repositories(this.options.store.db).partners.find(token.partner_id)
      : undefined;
    const outcome = partner
      ? await requestRealtimeAuthorization({
          partner,
          from: {
            country_code: context?.countryCode ?? token.country_code,
            party_id: context?.partyId ?? token.party_id,
          },
          token: { country_code: token.country_code, party_id: token.party_id, uid: token.uid, type: token.type },
          location: context?.locationId
            ? {
                location_id: context.locationId,
                ...(context.evseUids.length > 0 ? { evse_uids: context.evseUids } : {}),
              }
            : undefined,
          timeoutMs: deadline - Date.now(),
        })
      : ({ kind: 'unreachable', reason: 'token owner not registered' } as const);

    if (outcome.kind === 'answer') {
      const result = fromAllowedType(outcome.info.allowed);
      const authorizationReference = outcome.info.authorization_reference ?? null;
      const authMethod = result === 'accepted' ? 'AUTH_REQUEST' : null;
      const expiresAt = this.cache.set(key, {
        result,
        allowed: outcome.info.allowed,
        authorizationReference,
        authMethod,
      });
      return decision({
        ...base,
        result,
        source: 'realtime',
        allowed: outcome.info.allowed,
        authorizationReference,
        authMethod,
        expiresAt,
      });
    }
    if (outcome.kind === 'unknown') {
      return decision({ ...base, result: 'unknown', source: 'realtime', reason: 'emsp does not know the token' });
    }
    this.#log.warn({ partner: token.partner_id, reason: outcome.reason }, 'real-time authorization failed');
    // mod_tokens §WhitelistType ALLOWED_OFFLINE: allow when the eMSP cannot be reached.
    if (offlineAllowed) {
      return decision({
        ...base,
        result: 'accepted',
        source: 'offline-fallback',
        reason: `emsp unreachable: ${outcome.reason}`,
        authMethod: 'WHITELIST',
      });
    }
    return decision({ ...base, result: 'invalid', source: 'realtime', reason: `emsp unreachable: ${outcome.reason}` });
  }

  /** Step 1: the spec's 15-minute rule for tokens of an eMSP's START_SESSION. */
  private async fromStartSession(request: AuthorizationRequest): Promise<AuthorizationDecision | undefined> {
    const recent = await repositories(this.options.store.db).roamingAuthorization.recentStartSessions(
      request.stationId,
      request.token.idToken,
      new Date(Date.now() - START_SESSION_AUTHORIZES_MS),
      request.protocol === '1.6',
    );
    const match =
      recent.find((c) => request.remoteStartId !== undefined && c.remoteStartId === request.remoteStartId) ??
      recent.find((c) => request.evseId === undefined || c.ocppEvseId === null || c.ocppEvseId === request.evseId);
    if (!match) return undefined;
    return decision({
      result: 'accepted',
      source: 'command',
      reason: `START_SESSION ${match.commandId}`,
      authorizationReference: match.authorizationReference,
      authMethod: 'COMMAND',
    });
  }
}

/** The roaming token row for a presented token: same OCPI type first, then any with that uid. */
function pickRoaming(tokens: readonly TokenRow[], ocppType: string): TokenRow | undefined {
  const roaming = tokens.filter((t) => t.source === 'roaming');
  const type = toOcpiTokenType(ocppType);
  return roaming.find((t) => t.type === type) ?? roaming[0];
}
