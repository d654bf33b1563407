import type { Database, PartnerRow } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { pushSessionRow } from './session-push.js';

/** Most pushes one job makes while the session keeps changing under it. */
const MAX_ROUNDS = 5;

/** The registered partner that made the reservation, or nobody. */
async function reservingPartner(db: Kysely<Database>, reservationId: number): Promise<PartnerRow | undefined> {
  const partner = await db
    .selectFrom('reservations as r')
    .innerJoin('partners as p', 'p.id', 'r.partner_id')
    .selectAll('p')
    .where('r.id', '=', reservationId)
    .executeTakeFirst();
  return partner?.status === 'registered' ? partner : undefined;
}

/**
 * `reservation.push`: sends the Session a reservation opened (RESERVATION, later COMPLETED when it
 * ended unused) to the eMSP that reserved, as `session.push` does for a transaction's. Once a
 * transaction has taken the session over, that transaction's `session.push` sends it instead.
 *
 * @throws PushFailedError for the job runner to retry with backoff.
 */
export async function runReservationSessionPush(
  db: Kysely<Database>,
  logger: Logger,
  sessionRowId: number,
  attempt: { lastAttempt: boolean },
): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const row = await db.selectFrom('sessions').selectAll().where('id', '=', sessionRowId).executeTakeFirst();
    if (!row || row.transaction_id !== null || row.reservation_id === null) return;
    const partner = await reservingPartner(db, row.reservation_id);
    if (!partner) return;
    const to =
      row.token_country_code && row.token_party_id
        ? { country_code: row.token_country_code, party_id: row.token_party_id }
        : undefined;
    const pushed = await pushSessionRow(db, logger, {
      row,
      partner,
      ...(to ? { to } : {}),
      lastAttempt: attempt.lastAttempt,
    });
    if (pushed !== 'sent') return;
  }
  logger.warn({ sessionRowId }, 'reservation session kept changing during pushes; the next change continues');
}
