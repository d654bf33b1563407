import { recordPushAttempt } from '@chargebridge/bridge';
import {
  type Credentials,
  fetchVersionDetails,
  OcpiClientError,
  type OcpiPartyRef,
  putCredentials,
} from '@chargebridge/ocpi';
import type { Database, PartnerEndpoint, PartnerRow, Repositories } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { hashToken, newCredentialsToken } from '../core/credentials-token.js';
import { ourCredentials } from '../core/ocpi-endpoints.js';
import { rolesOf } from './registration.service.js';

/** What a rotation needs. */
export interface RotationDeps {
  db: Kysely<Database>;
  repos: Pick<Repositories, 'partners'>;
  publicUrl: string;
  hub: OcpiPartyRef;
  logger: Logger;
  timeoutMs?: number;
}

/** A rotation that could not be done; `status` is the admin API status to answer with. */
export class RotationFailed extends Error {
  constructor(
    readonly status: 409 | 502,
    message: string,
  ) {
    super(message);
    this.name = 'RotationFailed';
  }
}

/** What a rotation changed. */
export interface RotationResult {
  partner: PartnerRow;
  changed: {
    /** Always true: the partner now calls us with a new token. */
    token_for_partner: boolean;
    /** The partner answered with a token for us different from the one we had. */
    token_from_partner: boolean;
    versions_url: boolean;
    roles: boolean;
    endpoints: boolean;
  };
  warnings: string[];
}

/** JSON equality regardless of key order (jsonb columns reorder keys). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * Rotates the credentials of a registered partner (credentials §PUT Method, "Updating the
 * credentials"): we PUT our credentials with a NEW token for the partner to call us with, using
 * the token it gave us; it answers with its (possibly new) credentials for us. While the PUT is in
 * flight the new token is accepted for the versions and credentials modules only (the partner
 * re-reads our versions with it, as the PUT handler should); the old token keeps working until
 * the partner confirmed. Then the new token replaces the old, and the partner's answer (token,
 * versions URL, roles, and its endpoints re-read from that URL) replaces what we had.
 * On failure nothing changes. The call is recorded as a `credentials` attempt of the partner.
 */
export async function rotateCredentials(deps: RotationDeps, partner: PartnerRow): Promise<RotationResult> {
  const credentialsUrl = partner.endpoints.find((e) => e.identifier === 'credentials')?.url;
  if (partner.status !== 'registered' || !partner.outgoing_token || !credentialsUrl) {
    throw new RotationFailed(409, 'only a registered partner with a credentials endpoint can rotate credentials');
  }
  const newToken = newCredentialsToken();
  // Let the partner reach our versions/credentials with the new token during its PUT handling.
  await deps.repos.partners.update(partner.id, { registration_token_hash: hashToken(newToken) });
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const encoding = partner.outgoing_token_encoding;
  const started = performance.now();
  let theirs: Credentials;
  try {
    theirs = await putCredentials(
      credentialsUrl,
      partner.outgoing_token,
      ourCredentials(deps.publicUrl, deps.hub, newToken),
      {
        encoding,
        timeoutMs,
      },
    );
  } catch (error) {
    await deps.repos.partners.update(partner.id, { registration_token_hash: null });
    const message = error instanceof Error ? error.message : String(error);
    await recordPushAttempt(deps.db, {
      partnerId: partner.id,
      module: 'credentials',
      objectKey: 'credentials',
      method: 'PUT',
      ok: false,
      httpStatus: error instanceof OcpiClientError ? error.httpStatus : null,
      latencyMs: Math.round(performance.now() - started),
      error: message,
    });
    deps.logger.warn({ partner: partner.id, err: message }, 'credentials rotation failed');
    throw new RotationFailed(502, `the partner did not accept the new credentials: ${message}`);
  }
  await recordPushAttempt(deps.db, {
    partnerId: partner.id,
    module: 'credentials',
    objectKey: 'credentials',
    method: 'PUT',
    ok: true,
    httpStatus: 200,
    latencyMs: Math.round(performance.now() - started),
  });

  const warnings: string[] = [];
  let endpoints: PartnerEndpoint[] = partner.endpoints;
  try {
    const details = await fetchVersionDetails(theirs.url, theirs.token, { encoding, timeoutMs });
    endpoints = details.endpoints.map((e) => ({ identifier: e.identifier, role: e.role, url: e.url }));
  } catch (error) {
    warnings.push(
      `kept the known endpoints: re-reading ${theirs.url} failed (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const roles = rolesOf(theirs);
  const updated = await deps.repos.partners.update(partner.id, {
    incoming_token_hash: hashToken(newToken),
    registration_token_hash: null,
    outgoing_token: theirs.token,
    versions_url: theirs.url,
    roles,
    endpoints,
  });
  deps.logger.info({ partner: partner.id }, 'OCPI credentials rotated');
  return {
    partner: updated ?? partner,
    changed: {
      token_for_partner: true,
      token_from_partner: theirs.token !== partner.outgoing_token,
      versions_url: theirs.url !== partner.versions_url,
      roles: !sameJson(roles, partner.roles),
      endpoints: !sameJson(endpoints, partner.endpoints),
    },
    warnings,
  };
}
