import { fromIdToken2, toAuthorizationStatus2 } from '@chargebridge/domain';
import type { MessageHandler } from '../handler.types.js';
import { authorizeToken } from '../shared/authorize-token.js';

/** 2.0.1 / 2.1 C01 Authorize. */
export const authorize: MessageHandler = async (p, ctx) => {
  const result = await ctx.commit((repos) =>
    authorizeToken(repos, ctx.session.stationId, fromIdToken2(p.idToken), 'Authorize'),
  );
  return { idTokenInfo: { status: toAuthorizationStatus2(result) } };
};
