import type { AuthorizationResult, IdToken } from '@chargebridge/domain';
import type { AuthMethod } from '../sessions/session-source.js';

/** Which OCPP message carried the idToken. */
export type AuthorizationTrigger = 'Authorize' | 'StartTransaction' | 'StopTransaction' | 'TransactionEvent';

/** How a decision was reached (stored in `authorizations.source`). */
export type AuthorizationSource =
  | 'local'
  | 'whitelist'
  | 'realtime'
  | 'cache'
  | 'offline-fallback'
  | 'unknown'
  | 'command'
  | 'error';

/** One idToken to resolve, from the station that presented it. */
export interface AuthorizationRequest {
  stationId: number;
  token: IdToken;
  trigger: AuthorizationTrigger;
  /** 1.6 idTags are cut to 20 characters: compare command tokens on that prefix. */
  protocol: '1.6' | '2.0.1' | '2.1';
  /** OCPP EVSE (1.6: connector) the token is used at, when the message names one. */
  evseId?: number;
  /** 2.x `transactionInfo.remoteStartId`: links the transaction to a RequestStartTransaction. */
  remoteStartId?: number;
}

/** The authorizer's answer; the gateway records it in `authorizations` inside its batch. */
export interface AuthorizationDecision {
  result: AuthorizationResult;
  source: AuthorizationSource;
  /** Why, in a few words (e.g. `emsp unreachable: timeout`). */
  reason: string | null;
  /** OCPI AllowedType the eMSP answered, when it was asked (or cached). */
  allowed: string | null;
  /** `tokens.id` of the token that decided. */
  tokenId: number | null;
  /** The eMSP's reference (real-time answer or START_SESSION), kept on the transaction. */
  authorizationReference: string | null;
  /** OCPI AuthMethod of the session this starts (mod_sessions §AuthMethod); null when refused. */
  authMethod: AuthMethod | null;
  /** Internal location id the decision was for. */
  locationId: number | null;
  /** Until when this decision may be reused (cache), if at all. */
  expiresAt: Date | null;
}

/**
 * Resolves an idToken to a decision. Runs in the gateway BEFORE the commit batch (it may call an
 * eMSP over HTTP) and finishes within its time budget (`AUTHORIZATION_TIMEOUT_MS`).
 */
export interface Authorizer {
  authorize(request: AuthorizationRequest): Promise<AuthorizationDecision>;
}
