import { AUTHORIZATION_TABLE, type IdToken } from '@chargebridge/domain';
import type { NewAuthorization, TransactionChanges } from '@chargebridge/store';
import type { AuthorizationDecision, AuthorizationTrigger } from './authorizer.js';

/**
 * The `authorizations` row of a decision (every decision is recorded: source, reason, the eMSP's
 * AllowedType and reference). `reason` is prefixed with the OCPP message that carried the token.
 */
export function authorizationRow(
  stationId: number,
  token: IdToken,
  trigger: AuthorizationTrigger,
  d: AuthorizationDecision,
): NewAuthorization {
  return {
    station_id: stationId,
    id_token: token.idToken,
    token_type: token.type,
    token_id: d.tokenId,
    result: d.result,
    allowed: d.allowed ?? AUTHORIZATION_TABLE[d.result]?.ocpi ?? null,
    source: d.source,
    reason: d.reason ? `${trigger}: ${d.reason}` : trigger,
    authorization_reference: d.authorizationReference,
    location_id: d.locationId,
    expires_at: d.expiresAt,
  };
}

/**
 * What a transaction keeps of the decision that authorized it: the OCPI `auth_method` and the
 * eMSP's `authorization_reference` (carried into the Session and CDR). Nothing for a refusal.
 */
export function transactionAuthorization(
  d: AuthorizationDecision,
): Pick<TransactionChanges, 'auth_method' | 'authorization_reference'> {
  if (d.result !== 'accepted' || !d.authMethod) return {};
  return { auth_method: d.authMethod, authorization_reference: d.authorizationReference };
}

/** The decision used when the authorizer itself failed (store down): refuse, never crash a handler. */
export function failedDecision(reason: string): AuthorizationDecision {
  return {
    result: 'invalid',
    source: 'error',
    reason,
    allowed: null,
    tokenId: null,
    authorizationReference: null,
    authMethod: null,
    locationId: null,
    expiresAt: null,
  };
}
