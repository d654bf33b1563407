import { AuthorizationInfo, OcpiClientError, OcpiPartnerClient, type OcpiPartyRef } from '@chargebridge/ocpi';
import type { PartnerRow } from '@chargebridge/store';

/** What a real-time authorization returned. */
export type RealtimeOutcome =
  | { kind: 'answer'; info: AuthorizationInfo }
  /** The eMSP does not know the token (mod_tokens §POST: HTTP 404 / status 2004). */
  | { kind: 'unknown' }
  /** No usable answer in time: network, timeout, 5xx, 3xxx, malformed body, no endpoint. */
  | { kind: 'unreachable'; reason: string };

/** The partner's tokens SENDER endpoint (where the eMSP serves real-time authorization). */
export function tokensSenderUrl(partner: PartnerRow): string | undefined {
  return partner.endpoints.find((e) => e.identifier === 'tokens' && e.role === 'SENDER')?.url;
}

/**
 * `POST {tokens_endpoint_url}{token_uid}/authorize?type={type}` to the eMSP that owns the token,
 * with `LocationReferences` in the body (mod_tokens §POST Method), using the partner's outgoing
 * token. Never throws: every failure is an outcome, so the caller can apply its fallback.
 */
export async function requestRealtimeAuthorization(input: {
  partner: PartnerRow;
  from: OcpiPartyRef;
  token: { country_code: string; party_id: string; uid: string; type: string };
  location: { location_id: string; evse_uids?: string[] } | undefined;
  timeoutMs: number;
}): Promise<RealtimeOutcome> {
  const base = tokensSenderUrl(input.partner);
  if (!base || !input.partner.outgoing_token) return { kind: 'unreachable', reason: 'no tokens endpoint or token' };
  const client = new OcpiPartnerClient({
    token: input.partner.outgoing_token,
    tokenEncoding: input.partner.outgoing_token_encoding,
    from: input.from,
    to: { country_code: input.token.country_code, party_id: input.token.party_id },
    timeoutMs: Math.max(1, input.timeoutMs),
  });
  const url = `${base.replace(/\/+$/, '')}/${encodeURIComponent(input.token.uid)}/authorize`;
  try {
    const response = await client.post(url, input.location, {
      query: { type: input.token.type },
      schema: AuthorizationInfo,
    });
    if (!response.data) return { kind: 'unreachable', reason: 'empty answer' };
    return { kind: 'answer', info: response.data };
  } catch (error) {
    if (error instanceof OcpiClientError) {
      if (error.httpStatus === 404 || error.statusCode === 2004) return { kind: 'unknown' };
      return { kind: 'unreachable', reason: `${error.kind}${error.httpStatus ? ` ${error.httpStatus}` : ''}` };
    }
    return { kind: 'unreachable', reason: error instanceof Error ? error.name : 'error' };
  }
}
