import { fromIdTag16, toAuthorizationStatus16 } from '@chargebridge/domain';
import type { MessageHandler } from '../handler.types.js';
import { recordAuthorization, resolveToken } from '../shared/authorize-token.js';

/** 1.6 §4.1 Authorize: resolved before the batch (may ask the eMSP), recorded in it. */
export const authorize: MessageHandler = async (p, ctx) => {
  const resolved = await resolveToken(ctx, fromIdTag16(String(p.idTag)), 'Authorize');
  await ctx.commit((repos) => recordAuthorization(repos, resolved));
  return { idTagInfo: { status: toAuthorizationStatus16(resolved.decision.result) } };
};
