import { type Database, type OutboxMessage, repositories } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import { retryMessage } from './delivery-retry.js';

/** Options of {@link repushPartner}. */
export interface RepushOptions {
  /** Only this module's deliveries (`locations`, `tariffs`, `sessions`, `cdrs`). */
  module?: string;
  /** Also re-send what the partner already acknowledged; default only the undelivered. */
  all?: boolean;
  /** Most deliveries re-queued by one call (default 5000); the rest wait for the next call. */
  limit?: number;
  now?: Date;
}

/** What {@link repushPartner} did. */
export interface RepushReport {
  /** Deliveries put back to `pending` with a push queued. */
  queued: number;
  /** Deliveries whose object no longer exists (nothing to send). */
  skipped: number;
  /** Matching deliveries left for a next call (over `limit`). */
  remaining: number;
}

/**
 * Re-queues a partner's pushes on an operator's demand (`POST /api/v1/partners/{id}/repush`):
 * every delivery not acknowledged (pending, sending, retrying, failed) — or with `all` every
 * delivery — goes back to `pending` and an outbox row queues its push again, in one transaction,
 * the same way as a single delivery's retry. Job ids are fresh (`…:repush:{ms}`) so a finally
 * failed job does not swallow them; pushes of one object coalesce on that id.
 */
export async function repushPartner(
  db: Kysely<Database>,
  partnerId: string,
  options: RepushOptions = {},
): Promise<RepushReport> {
  const limit = options.limit ?? 5000;
  const suffix = `repush:${(options.now ?? new Date()).getTime()}`;
  return db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('push_deliveries').where('partner_id', '=', partnerId);
    if (options.module) q = q.where('module', '=', options.module);
    if (!options.all) q = q.where('status', '<>', 'delivered');
    const deliveries = await q
      .selectAll()
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    const batch = deliveries.slice(0, limit);
    const messages = new Map<string, OutboxMessage>();
    const ids: number[] = [];
    let skipped = 0;
    for (const delivery of batch) {
      const message = await retryMessage(trx, delivery, suffix);
      if (!message) {
        skipped++;
        continue;
      }
      ids.push(delivery.id);
      messages.set(message.jobKey, message);
    }
    if (ids.length > 0) {
      await trx.updateTable('push_deliveries').set({ status: 'pending' }).where('id', 'in', ids).execute();
      await repositories(trx).outbox.add([...messages.values()]);
    }
    let remaining = 0;
    if (deliveries.length > limit) {
      const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      remaining = Number(count.n) - limit;
    }
    return { queued: ids.length, skipped, remaining };
  });
}
