import type { OcpiPartyRef } from '@chargebridge/ocpi';
import type { Database, PartnerRow, SessionRow } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { findDelivery } from '../delivery/push-delivery.store.js';
import { PushFailedError, pushToOwner } from '../delivery/token-owner.push.js';
import { type SyncedSession, syncSession } from './session.sync.js';

/** Most pushes one job makes while the session keeps changing under it. */
const MAX_ROUNDS = 20;

/** Where a session goes: the registered partner that owns its token, or nobody. */
export async function sessionOwner(db: Kysely<Database>, synced: SyncedSession) {
  const token = synced.source.token;
  // A hosted CPO's own card (source local) belongs to no partner: such sessions stay here.
  if (!token || token.source !== 'roaming' || !token.partner_id) return undefined;
  const partner = await db.selectFrom('partners').selectAll().where('id', '=', token.partner_id).executeTakeFirst();
  return partner && partner.status === 'registered' ? partner : undefined;
}

/** Fields a Session PATCH carries (mod_sessions §PATCH: only what changes, plus last_updated). */
const PATCH_FIELDS = [
  'start_date_time',
  'end_date_time',
  'kwh',
  'auth_method',
  'authorization_reference',
  'currency',
  'total_cost',
  'status',
  'last_updated',
] as const;

/** How {@link pushSessionRow} ended: the owner already had this version, it was sent, or it failed for good. */
export type SessionRowPush = 'current' | 'sent' | 'failed';

/**
 * Sends a stored Session to the partner that owns it, unless that partner has this version
 * already: PUT the first time, PATCH with `last_updated` afterwards — without `charging_periods`,
 * which a PATCH would append (mod_sessions §PATCH) — and a final PUT with every charging period
 * once COMPLETED or INVALID (PUT replaces them, so a re-send is harmless).
 *
 * @throws {@link PushFailedError} when the attempt failed and the job runner should retry.
 */
export async function pushSessionRow(
  db: Kysely<Database>,
  logger: Logger,
  push: { row: SessionRow; partner: PartnerRow; to?: OcpiPartyRef; lastAttempt: boolean },
): Promise<SessionRowPush> {
  const { row, partner } = push;
  const objectKey = `${row.country_code}/${row.party_id}/${row.session_id}`;
  const delivery = await findDelivery(db, { partnerId: partner.id, module: 'sessions', objectKey });
  if (delivery?.status === 'delivered' && delivery.last_attempt_at && delivery.last_attempt_at >= row.last_updated) {
    return 'current';
  }
  const data = row.data;
  const final = data.status === 'COMPLETED' || data.status === 'INVALID';
  const patch = delivery?.delivered_at != null && !final;
  const body = patch
    ? Object.fromEntries(PATCH_FIELDS.filter((f) => data[f] !== undefined).map((f) => [f, data[f]]))
    : data;
  const result = await pushToOwner(db, logger, {
    partner,
    module: 'sessions',
    objectKey,
    from: { country_code: row.country_code, party_id: row.party_id },
    ...(push.to ? { to: push.to } : {}),
    method: patch ? 'PATCH' : 'PUT',
    path: `/${row.country_code}/${row.party_id}/${encodeURIComponent(row.session_id)}`,
    body,
    at: new Date(),
    lastAttempt: push.lastAttempt,
  });
  if (result.ok) return 'sent';
  if (result.final) return 'failed';
  throw new PushFailedError(`session ${objectKey} to ${partner.id}: ${result.error}`);
}

/**
 * `session.push`: syncs the transaction's Session and sends it to the token's owner only
 * (architecture.md "Sessions and CDRs go to the token's owner only") with {@link pushSessionRow}.
 * Coalescing: the job id is per session and the job reads the latest state; changes made while a
 * push is in flight are caught by the loop, so a slow partner gets the latest state, not a backlog.
 *
 * @returns normally when done or when the last attempt failed (then `failed` in push_deliveries);
 *   throws {@link PushFailedError} for the job runner to retry with backoff.
 */
export async function runSessionPush(
  db: Kysely<Database>,
  logger: Logger,
  transactionId: number,
  attempt: { lastAttempt: boolean },
): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const synced = await syncSession(db, transactionId);
    if (!synced) return;
    const partner = await sessionOwner(db, synced);
    if (!partner) return;
    const token = synced.source.token;
    const pushed = await pushSessionRow(db, logger, {
      row: synced.row,
      partner,
      ...(token ? { to: { country_code: token.country_code, party_id: token.party_id } } : {}),
      lastAttempt: attempt.lastAttempt,
    });
    if (pushed !== 'sent') return;
  }
  logger.warn({ transactionId }, 'session kept changing during pushes; the next change or reconciliation continues');
}
