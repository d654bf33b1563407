import { OcpiPartnerClient, type OcpiPartyRef } from '@chargebridge/ocpi';
import { type Database, type PartnerRow, repositories } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { recordPushAttempt, type TimedOutcome, timedRequest } from './push-attempt.js';
import { type DeliveryKey, markOutcome, markSending } from './push-delivery.store.js';

/** One object pushed to exactly one partner (the token's owner). */
export interface OwnerPush {
  partner: PartnerRow;
  module: 'sessions' | 'cdrs' | 'locations';
  objectKey: string;
  /** Our party (OCPI-from-* headers). */
  from: OcpiPartyRef;
  /** The receiving party (OCPI-to-* headers), e.g. the token's owner. */
  to?: OcpiPartyRef;
  method: 'PUT' | 'PATCH' | 'POST';
  /** Path after the partner's module endpoint, '' for a POST to the endpoint itself. */
  path: string;
  body: unknown;
  /** When the attempt started (recorded as `last_attempt_at`). */
  at: Date;
  /** True on the job's last attempt: a failure is then final (`failed`). */
  lastAttempt: boolean;
}

/** Thrown when a push failed and the job runner should retry. */
export class PushFailedError extends Error {
  constructor(
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'PushFailedError';
  }
}

/** Outcome of {@link pushToOwner}. */
export type OwnerPushResult = { ok: true; location?: string } | { ok: false; final: boolean; error: string };

/**
 * Sends one object to one partner's RECEIVER endpoint for its module and keeps the books in
 * push_deliveries (with the `Location` header of a CDR POST, mod_cdrs §POST "Response Headers").
 * Never throws for a partner failure: the caller decides whether to retry.
 */
export async function pushToOwner(db: Kysely<Database>, logger: Logger, push: OwnerPush): Promise<OwnerPushResult> {
  const key: DeliveryKey = { partnerId: push.partner.id, module: push.module, objectKey: push.objectKey };
  await markSending(db, key, push.method, push.at);
  const endpoint = push.partner.endpoints.find((e) => e.identifier === push.module && e.role === 'RECEIVER');
  let outcome: TimedOutcome | undefined;
  if (endpoint && push.partner.outgoing_token) {
    const role = push.partner.roles[0];
    const to = push.to ?? (role ? { country_code: role.country_code, party_id: role.party_id } : undefined);
    const client = new OcpiPartnerClient({
      token: push.partner.outgoing_token,
      tokenEncoding: push.partner.outgoing_token_encoding,
      from: push.from,
      ...(to ? { to } : {}),
      timeoutMs: 10_000,
    });
    outcome = await timedRequest(client, push.method, `${endpoint.url.replace(/\/+$/, '')}${push.path}`, push.body);
  }
  const attempt = { ...key, method: push.method, latencyMs: outcome?.latencyMs ?? null };
  if (outcome?.ok) {
    const location = outcome.response.location;
    await recordPushAttempt(db, { ...attempt, ok: true, httpStatus: outcome.httpStatus });
    await markOutcome(db, key, {
      status: 'delivered',
      httpStatus: outcome.httpStatus,
      latencyMs: outcome.latencyMs,
      responseBody: outcome.body,
      ...(location !== undefined ? { location } : {}),
    });
    return { ok: true, ...(location !== undefined ? { location } : {}) };
  }
  const error = outcome ? outcome.error : `partner has no ${push.module} RECEIVER endpoint or token`;
  const httpStatus = outcome?.httpStatus;
  const final = push.lastAttempt;
  await recordPushAttempt(db, { ...attempt, ok: false, httpStatus, error });
  await markOutcome(db, key, {
    status: final ? 'failed' : 'retrying',
    httpStatus,
    error,
    latencyMs: outcome?.latencyMs ?? null,
    responseBody: outcome?.body ?? null,
  });
  await repositories(db).partners.update(push.partner.id, {
    last_push_error: { at: new Date().toISOString(), module: push.module, object: push.objectKey, error },
  });
  logger.warn(
    { partner: push.partner.id, module: push.module, object: push.objectKey, err: error, final },
    'push failed',
  );
  return { ok: false, final, error };
}
