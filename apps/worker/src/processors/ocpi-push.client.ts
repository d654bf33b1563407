import { recordPushAttempt, type TimedOutcome, timedRequest } from '@chargebridge/bridge';
import { OcpiPartnerClient, type OcpiPartyRef } from '@chargebridge/ocpi';
import { type PartnerRow, repositories, type Store } from '@chargebridge/store';
import type { Logger } from 'pino';

/** One object to push to every partner with a RECEIVER endpoint for `module`. */
export interface PushRequest {
  module: 'locations' | 'tariffs';
  /** Key for push_deliveries, e.g. `NL/CPO/LOC1`. */
  objectKey: string;
  /** The object's `last_updated`: a partner that already got this version is skipped on retry. */
  lastUpdated: Date;
  /** The hosted party the object belongs to (OCPI-from-* headers). */
  from: OcpiPartyRef;
  /** Path after the partner's module endpoint: `/{country_code}/{party_id}/{id}`. */
  path: string;
  method: 'PUT' | 'PATCH';
  body: unknown;
}

/**
 * Pushes an object to every registered partner with a receiver endpoint for its module
 * (mod_locations / mod_tariffs §Receiver Interface), one partner at a time so one partner's
 * failure does not stop the others. Each outcome goes to push_deliveries; a failure also to
 * partners.last_push_error. Throws when any partner failed, so the job runner retries with
 * backoff — and the retry skips partners that already have this version.
 */
export async function pushToPartners(store: Store, logger: Logger, push: PushRequest): Promise<void> {
  const repos = repositories(store.db);
  const partners = await repos.partners.listWithEndpoint(push.module, 'RECEIVER');
  const failed: string[] = [];
  for (const partner of partners) {
    const previous = await repos.pushDeliveries.find(partner.id, push.module, push.objectKey);
    if (previous?.delivered_at && previous.delivered_at >= push.lastUpdated && previous.status === 'delivered')
      continue;
    const outcome = await pushOne(partner, push);
    const error = outcome.ok ? undefined : { message: outcome.error, httpStatus: outcome.httpStatus };
    const key = { partnerId: partner.id, module: push.module, objectKey: push.objectKey, method: push.method };
    await recordPushAttempt(store.db, {
      ...key,
      ok: outcome.ok,
      httpStatus: outcome.httpStatus ?? null,
      latencyMs: outcome.latencyMs,
      error: error?.message ?? null,
    });
    await repos.pushDeliveries.record({
      ...key,
      httpStatus: error?.httpStatus ?? null,
      latencyMs: outcome.latencyMs,
      responseBody: outcome.body,
      ...(error ? { error: error.message } : {}),
    });
    if (error) {
      failed.push(partner.id);
      logger.warn(
        { partner: partner.id, module: push.module, object: push.objectKey, err: error.message },
        'push failed',
      );
      await repos.partners.update(partner.id, {
        last_push_error: {
          at: new Date().toISOString(),
          module: push.module,
          object: push.objectKey,
          error: error.message,
        },
      });
    }
  }
  if (failed.length > 0)
    throw new Error(`push of ${push.module} ${push.objectKey} failed for partners ${failed.join(', ')}`);
}

/** One partner's push, timed; `latencyMs` null when no request could be made. */
type PushOutcome =
  | (TimedOutcome & { latencyMs: number })
  | { ok: false; error: string; httpStatus: undefined; latencyMs: null; body: null };

async function pushOne(partner: PartnerRow, push: PushRequest): Promise<PushOutcome> {
  const endpoint = partner.endpoints.find((e) => e.identifier === push.module && e.role === 'RECEIVER');
  if (!endpoint || !partner.outgoing_token) {
    return { ok: false, error: 'no endpoint or token', httpStatus: undefined, latencyMs: null, body: null };
  }
  const role = partner.roles[0];
  const client = new OcpiPartnerClient({
    token: partner.outgoing_token,
    tokenEncoding: partner.outgoing_token_encoding,
    from: push.from,
    ...(role ? { to: { country_code: role.country_code, party_id: role.party_id } } : {}),
    timeoutMs: 10_000,
  });
  return timedRequest(client, push.method, `${endpoint.url.replace(/\/+$/, '')}${push.path}`, push.body);
}
