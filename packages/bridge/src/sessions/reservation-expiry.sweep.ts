import { type Database, repositories } from '@chargebridge/store';
import { type Kysely, sql } from 'kysely';
import { endReservationSession, reservationPushMessage } from './reservation-session.store.js';

/** What one {@link sweepReservationSessions} run did. */
export interface ReservationSweepReport {
  /** Sessions of reservations that expired unused, now COMPLETED. */
  expired: number;
  /** Reservation sessions whose eMSP lacks the latest version, re-queued. */
  requeued: number;
}

/**
 * For a periodic sweep (the reconciliation job): the session of a reservation whose `expires_at`
 * has passed with no transaction using it becomes COMPLETED (0 kWh; a CDR when its tariff
 * prices an expired reservation) and is pushed. A
 * transaction that names the reservation but has not been synced yet keeps it waiting: its sync
 * takes the session over. Also re-queues reservation sessions not delivered in their latest
 * version (the transaction sweep in `runReconcile` only sees sessions of transactions).
 */
export async function sweepReservationSessions(
  db: Kysely<Database>,
  options: { now?: Date; graceMs?: number } = {},
): Promise<ReservationSweepReport> {
  const now = options.now ?? new Date();
  const before = new Date(now.getTime() - (options.graceMs ?? 30_000));
  const expired = await sql<{ reservation_id: number }>`
    select s.reservation_id from sessions s
      join reservations r on r.id = s.reservation_id
     where s.transaction_id is null and s.status = 'RESERVATION' and r.expires_at < ${now}
       and not exists (select 1 from transactions tx
                        where tx.station_id = r.station_id and tx.reservation_id = r.id
                          and not exists (select 1 from sessions t where t.transaction_id = tx.id))
     order by s.id limit 1000`.execute(db);
  let ended = 0;
  for (const { reservation_id } of expired.rows) {
    const done = await db
      .transaction()
      .execute((trx) => endReservationSession(trx, Number(reservation_id), now, 'expired'));
    if (done) ended++;
  }
  const behind = await sql<{ id: number }>`
    select s.id from sessions s
      join reservations r on r.id = s.reservation_id
      join partners p on p.id = r.partner_id and p.status = 'registered'
      left join push_deliveries d on d.partner_id = p.id and d.module = 'sessions'
                   and d.object_key = s.country_code || '/' || s.party_id || '/' || s.session_id
     where s.transaction_id is null and s.last_updated < ${before}
       and (d.id is null or (d.status <> 'failed' and (d.status <> 'delivered' or d.last_attempt_at < s.last_updated)))
     order by s.id limit 1000`.execute(db);
  await repositories(db).outbox.add(behind.rows.map((r) => reservationPushMessage(Number(r.id))));
  return { expired: ended, requeued: behind.rows.length };
}
