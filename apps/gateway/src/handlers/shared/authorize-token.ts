import {
  type AuthorizationDecision,
  type AuthorizationRequest,
  authorizationRow,
  failedDecision,
} from '@chargebridge/bridge';
import type { IdToken } from '@chargebridge/domain';
import type { Repositories } from '@chargebridge/store';
import type { HandlerContext } from '../handler.types.js';

/** A resolved token: what was asked and what the authorizer decided. */
export interface ResolvedToken {
  request: AuthorizationRequest;
  decision: AuthorizationDecision;
}

/**
 * Resolves a token BEFORE the commit batch: the authorizer may call the owning eMSP over HTTP
 * (within AUTHORIZATION_TIMEOUT_MS), which must never happen while a batch holds a transaction.
 * A failing authorizer refuses the token rather than failing the message (never a CALLERROR for
 * a business reason on a transaction message).
 */
export async function resolveToken(
  ctx: HandlerContext,
  token: IdToken,
  trigger: AuthorizationRequest['trigger'],
  extra: { evseId?: number; remoteStartId?: number } = {},
): Promise<ResolvedToken> {
  const request: AuthorizationRequest = {
    stationId: ctx.session.stationId,
    token,
    trigger,
    protocol: ctx.session.version,
    ...extra,
  };
  try {
    return { request, decision: await ctx.authorizer.authorize(request) };
  } catch (err) {
    ctx.log.error({ err, stationId: ctx.session.identity }, 'authorization failed');
    return { request, decision: failedDecision('authorizer failed') };
  }
}

/** Records a resolved decision inside the batch (the `authorizations` log). */
export async function recordAuthorization(repos: Repositories, resolved: ResolvedToken): Promise<void> {
  const { request, decision } = resolved;
  await repos.authorizations.record([authorizationRow(request.stationId, request.token, request.trigger, decision)]);
}
