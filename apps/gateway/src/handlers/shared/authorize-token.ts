import { type AuthorizationResult, type IdToken, judgeToken } from '@chargebridge/domain';
import type { Repositories } from '@chargebridge/store';

/**
 * Judges a token against the store and logs the decision. Until the OCPI bridge lands, a token is
 * accepted when the store knows it as valid (issue 3: "Authorize accepts tokens known to the store").
 */
export async function authorizeToken(
  repos: Repositories,
  stationId: number,
  token: IdToken,
  source: string,
): Promise<AuthorizationResult> {
  const known = await repos.tokens.findByUid(token.idToken);
  const result = judgeToken(known);
  await repos.authorizations.record([
    {
      station_id: stationId,
      id_token: token.idToken,
      token_type: token.type,
      token_id: known[0]?.id ?? null,
      result,
      source,
    },
  ]);
  return result;
}
