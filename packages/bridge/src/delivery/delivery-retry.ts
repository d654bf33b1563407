import { type Database, type OutboxMessage, type PushDeliveryRow, repositories } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import { markPending } from './push-delivery.store.js';

/**
 * Re-sends one push on an operator's demand (`POST /api/v1/deliveries/{id}/retry`): the delivery
 * goes back to `pending` and an outbox row queues the push again, in one transaction. The job id
 * is fresh (`…:retry:{ms}`) because a finally failed job may still hold the normal id.
 * @returns the delivery row, or undefined when there is none or its object no longer exists.
 */
export async function retryDelivery(
  db: Kysely<Database>,
  deliveryId: number,
  now = new Date(),
): Promise<PushDeliveryRow | undefined> {
  return db.transaction().execute(async (trx) => {
    const delivery = await trx
      .selectFrom('push_deliveries')
      .selectAll()
      .where('id', '=', deliveryId)
      .executeTakeFirst();
    if (!delivery) return undefined;
    const message = await retryMessage(trx, delivery, `retry:${now.getTime()}`);
    if (!message) return undefined;
    await markPending(trx, delivery.id);
    await repositories(trx).outbox.add(message);
    return { ...delivery, status: 'pending' };
  });
}

/**
 * The outbox message that pushes a delivery's object again (job id suffixed with `suffix`), or
 * undefined when the object no longer exists.
 */
export async function retryMessage(
  db: Kysely<Database>,
  d: PushDeliveryRow,
  suffix: string,
): Promise<OutboxMessage | undefined> {
  if (d.module === 'commands') {
    // A command result is keyed by the command id; its job re-reads the stored result.
    const command = await db.selectFrom('commands').select('id').where('id', '=', d.object_key).executeTakeFirst();
    return (
      command && {
        topic: 'command.result',
        jobKey: `command.result:${command.id}:${suffix}`,
        payload: { commandId: command.id },
      }
    );
  }
  const [cc, pid, id, sub] = d.object_key.split('/');
  if (!cc || !pid || !id) return undefined;
  switch (d.module) {
    case 'cdrs': {
      const cdr = await db
        .selectFrom('cdrs')
        .select('id')
        .where('country_code', '=', cc)
        .where('party_id', '=', pid)
        .where('cdr_id', '=', id)
        .executeTakeFirst();
      return cdr && { topic: 'cdr.push', jobKey: `cdr.push:${cdr.id}:${suffix}`, payload: { cdrId: cdr.id } };
    }
    case 'sessions': {
      const s = await db
        .selectFrom('sessions')
        .select(['id', 'transaction_id'])
        .where('country_code', '=', cc)
        .where('party_id', '=', pid)
        .where('session_id', '=', id)
        .executeTakeFirst();
      if (!s) return undefined;
      const tx = s.transaction_id;
      // A reservation's session no transaction has taken over yet has its own push job.
      return tx == null
        ? { topic: 'reservation.push', jobKey: `reservation.push:${s.id}:${suffix}`, payload: { sessionRowId: s.id } }
        : { topic: 'session.push', jobKey: `session.push:${tx}:${suffix}`, payload: { transactionId: tx } };
    }
    case 'locations': {
      const l = await db
        .selectFrom('locations')
        .select('id')
        .where('country_code', '=', cc)
        .where('party_id', '=', pid)
        .where('location_id', '=', id)
        .executeTakeFirst();
      if (!l) return undefined;
      return {
        topic: 'location.push',
        jobKey: `location.push:${l.id}:${sub ?? ''}:${suffix}`,
        payload: sub ? { locationId: l.id, evseUid: sub } : { locationId: l.id },
      };
    }
    case 'tariffs': {
      const t = await db
        .selectFrom('tariffs')
        .select('id')
        .where('country_code', '=', cc)
        .where('party_id', '=', pid)
        .where('tariff_id', '=', id)
        .executeTakeFirst();
      return t && { topic: 'tariff.push', jobKey: `tariff.push:${t.id}:${suffix}`, payload: { tariffId: t.id } };
    }
    default:
      return undefined;
  }
}

/** Lists deliveries for the admin API, newest attempt first. */
export async function listDeliveries(
  db: Kysely<Database>,
  filter: { status?: string; partner?: string; module?: string; offset: number; limit: number },
): Promise<{ items: PushDeliveryRow[]; total: number }> {
  let q = db.selectFrom('push_deliveries');
  if (filter.status) q = q.where('status', '=', filter.status);
  if (filter.partner) q = q.where('partner_id', '=', filter.partner);
  if (filter.module) q = q.where('module', '=', filter.module);
  const items = await q
    .selectAll()
    .orderBy('last_attempt_at', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items, total: Number(count.n) };
}
