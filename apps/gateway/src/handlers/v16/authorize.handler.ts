import { fromIdTag16, toAuthorizationStatus16 } from '@chargebridge/domain';
import type { MessageHandler } from '../handler.types.js';
import { authorizeToken } from '../shared/authorize-token.js';

/** 1.6 §4.1 Authorize. */
export const authorize: MessageHandler = async (p, ctx) => {
  const result = await ctx.commit((repos) =>
    authorizeToken(repos, ctx.session.stationId, fromIdTag16(String(p.idTag)), 'Authorize'),
  );
  return { idTagInfo: { status: toAuthorizationStatus16(result) } };
};
