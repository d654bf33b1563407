import type { Database, PushDeliveryRow } from '@chargebridge/store';
import { type Kysely, sql } from 'kysely';

/**
 * States of a `push_deliveries` row written by the bridge:
 * - `sending`: an attempt started (a worker killed mid-request leaves this; reconciliation re-sends);
 * - `retrying`: an attempt failed, the job runner retries with backoff;
 * - `failed`: the last attempt failed — shown by `GET /api/v1/deliveries?status=failed`, re-sent on demand;
 * - `delivered`: the partner acknowledged; `last_attempt_at` is when the acknowledged attempt
 *   started, so a version stamped later (`last_updated` > `last_attempt_at`) is known undelivered.
 * - `pending`: queued again by an operator's retry.
 */
export type DeliveryStatus = 'sending' | 'retrying' | 'failed' | 'delivered' | 'pending';

/** Identifies one object pushed to one partner. */
export interface DeliveryKey {
  partnerId: string;
  module: string;
  objectKey: string;
}

/** Reads the delivery row of an object for a partner. */
export async function findDelivery(db: Kysely<Database>, key: DeliveryKey): Promise<PushDeliveryRow | undefined> {
  return db
    .selectFrom('push_deliveries')
    .selectAll()
    .where('partner_id', '=', key.partnerId)
    .where('module', '=', key.module)
    .where('object_key', '=', key.objectKey)
    .executeTakeFirst();
}

/** Records an attempt's start (`sending`) and counts it. */
export async function markSending(db: Kysely<Database>, key: DeliveryKey, method: string, at: Date): Promise<void> {
  await db
    .insertInto('push_deliveries')
    .values({
      partner_id: key.partnerId,
      module: key.module,
      object_key: key.objectKey,
      method,
      status: 'sending',
      attempts: 1,
      last_attempt_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['partner_id', 'module', 'object_key']).doUpdateSet({
        method,
        status: 'sending',
        attempts: sql`push_deliveries.attempts + 1`,
        last_attempt_at: at,
      }),
    )
    .execute();
}

/** What every outcome may carry: the partner's latency and answer body (cut to ~2 kB). */
export interface OutcomeAnswer {
  latencyMs?: number | null;
  responseBody?: string | null;
}

/** Records an attempt's outcome. */
export async function markOutcome(
  db: Kysely<Database>,
  key: DeliveryKey,
  outcome: OutcomeAnswer &
    (
      | { status: 'delivered'; httpStatus: number; location?: string }
      | { status: 'retrying' | 'failed'; httpStatus?: number; error: string }
    ),
): Promise<void> {
  const answer = { last_latency_ms: outcome.latencyMs ?? null, last_response_body: outcome.responseBody ?? null };
  await db
    .updateTable('push_deliveries')
    .set(
      outcome.status === 'delivered'
        ? {
            status: 'delivered',
            http_status: outcome.httpStatus,
            last_error: null,
            delivered_at: new Date(),
            ...answer,
            ...(outcome.location !== undefined ? { response_location: outcome.location } : {}),
          }
        : {
            status: outcome.status,
            http_status: outcome.httpStatus ?? null,
            last_error: outcome.error.slice(0, 2000),
            ...answer,
          },
    )
    .where('partner_id', '=', key.partnerId)
    .where('module', '=', key.module)
    .where('object_key', '=', key.objectKey)
    .execute();
}

/** Puts a delivery back to `pending` (operator retry). */
export async function markPending(db: Kysely<Database>, id: number): Promise<void> {
  await db.updateTable('push_deliveries').set({ status: 'pending' }).where('id', '=', id).execute();
}
