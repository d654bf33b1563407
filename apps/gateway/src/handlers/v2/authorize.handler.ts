import { fromIdToken2, toAuthorizationStatus2 } from '@chargebridge/domain';
import type { MessageHandler } from '../handler.types.js';
import { recordAuthorization, resolveToken } from '../shared/authorize-token.js';

/** 2.0.1 / 2.1 C01 Authorize: resolved before the batch (may ask the eMSP), recorded in it. */
export const authorize: MessageHandler = async (p, ctx) => {
  const resolved = await resolveToken(ctx, fromIdToken2(p.idToken), 'Authorize');
  await ctx.commit((repos) => recordAuthorization(repos, resolved));
  return { idTokenInfo: { status: toAuthorizationStatus2(resolved.decision.result) } };
};
