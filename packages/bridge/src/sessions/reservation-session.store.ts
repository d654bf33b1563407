import { randomUUID } from 'node:crypto';
import type { ReserveNow } from '@chargebridge/ocpi';
import { type Database, type OutboxMessage, repositories, type SessionRow } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import { priceReservation, type ReservationEnd, storeReservationCdr } from '../cdrs/reservation-cdr.js';
import type { SessionReservation } from './reservation-period.js';
import { buildReservationSession, endedReservationSession } from './reservation-session.builder.js';
import { selectSessionTariff } from './session-source.loader.js';

/** The outbox message that pushes a reservation's Session (one job per session row, coalesced). */
export function reservationPushMessage(sessionRowId: number): OutboxMessage {
  return { topic: 'reservation.push', jobKey: `reservation.push:${sessionRowId}`, payload: { sessionRowId } };
}

/** The session a reservation opened that no transaction has taken over yet (status RESERVATION). */
async function openSessionOf(db: Kysely<Database>, reservationId: number): Promise<SessionRow | undefined> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('reservation_id', '=', reservationId)
    .where('transaction_id', 'is', null)
    .where('status', '=', 'RESERVATION')
    .forUpdate()
    .executeTakeFirst();
}

/** The reservation a session began as, for billing its time (accepted_at; before 0008: created_at). */
export async function sessionReservation(
  db: Kysely<Database>,
  reservationId: number,
): Promise<SessionReservation | null> {
  const row = await db
    .selectFrom('reservations')
    .select(['accepted_at', 'created_at'])
    .where('id', '=', reservationId)
    .executeTakeFirst();
  return row ? { acceptedAt: row.accepted_at ?? row.created_at } : null;
}

/** Where the reservation is: the station's CPO and location, the reserved EVSE's first connector. */
async function reservedPlace(db: Kysely<Database>, reservationId: number) {
  const reservation = await db
    .selectFrom('reservations as r')
    .innerJoin('stations as s', 's.id', 'r.station_id')
    .leftJoin('locations as l', 'l.id', 's.location_id')
    .select(['r.station_id', 'r.ocpp_evse_id', 's.country_code', 's.party_id', 's.tariff_ids', 'l.location_id'])
    .where('r.id', '=', reservationId)
    .executeTakeFirst();
  if (!reservation) return undefined;
  const evse =
    reservation.ocpp_evse_id === null
      ? undefined
      : await db
          .selectFrom('evses as e')
          .leftJoin('connectors as c', 'c.evse_id', 'e.id')
          .select(['e.evse_uid', 'c.ocpi_connector_id', 'c.tariff_ids'])
          .where('e.station_id', '=', reservation.station_id)
          .where('e.ocpp_evse_id', '=', reservation.ocpp_evse_id)
          .orderBy('c.ocpp_connector_id')
          .executeTakeFirst();
  const connectorTariffs = evse?.tariff_ids ?? [];
  return {
    cpo: { country_code: reservation.country_code, party_id: reservation.party_id },
    locationId: reservation.location_id,
    evseUid: evse?.evse_uid ?? null,
    connectorId: evse ? (evse.ocpi_connector_id ?? '1') : null,
    tariffIds: connectorTariffs.length > 0 ? connectorTariffs : reservation.tariff_ids,
  };
}

/**
 * A RESERVE_NOW the station accepted opens an OCPI Session (mod_commands §ReserveNow: "a new
 * Session object being created by the CPO") for the reserving eMSP's token, and queues its push.
 * A repeated RESERVE_NOW of the same reservation updates the session still waiting (same id and
 * start). Call inside the transaction that ends the command.
 */
export async function openReservationSession(
  db: Kysely<Database>,
  input: { reservationId: number; reserveNow: ReserveNow; now: Date },
): Promise<SessionRow | undefined> {
  const place = await reservedPlace(db, input.reservationId);
  if (!place) return undefined;
  // Its billed time starts now (a repeated RESERVE_NOW keeps the first acceptance).
  await db
    .updateTable('reservations')
    .set({ accepted_at: input.now })
    .where('id', '=', input.reservationId)
    .where('accepted_at', 'is', null)
    .execute();
  const existing = await openSessionOf(db, input.reservationId);
  const tariff = existing
    ? ((existing.tariff_snapshot as Record<string, unknown> | null) ?? null)
    : await selectSessionTariff(db, place);
  const { token } = input.reserveNow;
  const session = buildReservationSession({
    sessionId: existing?.session_id ?? randomUUID(),
    cpo: place.cpo,
    startedAt: existing ? new Date(String(existing.data.start_date_time)) : input.now,
    token,
    ...(input.reserveNow.authorization_reference
      ? { authorizationReference: input.reserveNow.authorization_reference }
      : {}),
    locationId: place.locationId ?? input.reserveNow.location_id,
    evseUid: place.evseUid,
    connectorId: place.connectorId,
    tariff,
  });
  const stamp =
    existing && existing.last_updated >= input.now ? new Date(existing.last_updated.getTime() + 1) : input.now;
  const columns = {
    token_country_code: token.country_code,
    token_party_id: token.party_id,
    token_uid: token.uid,
    status: 'RESERVATION',
    kwh: 0,
    currency: String(session.currency),
    data: JSON.stringify({ ...session, last_updated: stamp.toISOString() }),
    last_updated: stamp,
  };
  const row = existing
    ? await db
        .updateTable('sessions')
        .set(columns)
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await db
        .insertInto('sessions')
        .values({
          country_code: place.cpo.country_code,
          party_id: place.cpo.party_id,
          session_id: String(session.id),
          reservation_id: input.reservationId,
          tariff_snapshot: tariff === null ? null : JSON.stringify(tariff),
          ...columns,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
  await repositories(db).outbox.add(reservationPushMessage(row.id));
  return row;
}

/**
 * The reservation ended without its session carrying a transaction (cancelled, expired unused, or
 * used by a transaction whose own session partners already knew): the session becomes COMPLETED
 * with its end time and — where its tariff prices reservations — the reservation's time as a
 * RESERVATION_TIME period and its cost, and a CDR of that cost (`storeReservationCdr`). Its push
 * is queued. Returns whether a session ended.
 */
export async function endReservationSession(
  db: Kysely<Database>,
  reservationId: number,
  now: Date,
  end: ReservationEnd,
): Promise<boolean> {
  const open = await openSessionOf(db, reservationId);
  if (!open) return false;
  const reservation = await sessionReservation(db, reservationId);
  const priced = reservation ? await priceReservation(db, open, reservation, now, end) : undefined;
  const stamp = open.last_updated >= now ? new Date(open.last_updated.getTime() + 1) : now;
  const tariffId = (open.tariff_snapshot as { id?: unknown } | null)?.id;
  const billed = priced
    ? {
        period: priced.period,
        totalCost: priced.costs.total_cost,
        ...(typeof tariffId === 'string' ? { tariffId } : {}),
      }
    : undefined;
  const data = { ...endedReservationSession(open.data, now, billed), last_updated: stamp.toISOString() };
  const ended = await db
    .updateTable('sessions')
    .set({ status: 'COMPLETED', data: JSON.stringify(data), last_updated: stamp })
    .where('id', '=', open.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await repositories(db).outbox.add(reservationPushMessage(open.id));
  if (priced) await storeReservationCdr(db, { session: ended, reservationId, priced, now });
  return true;
}

/** The transaction fields a reservation takeover reads. */
type ReservingTransaction = { id: number; station_id: number; reservation_id: number | null; started_at?: Date | null };

/** The open session of the transaction's reservation at its own station, if one waits. */
async function waitingSessionOf(db: Kysely<Database>, transaction: ReservingTransaction) {
  if (transaction.reservation_id === null) return undefined;
  const reservation = await db
    .selectFrom('reservations')
    .select('id')
    .where('id', '=', transaction.reservation_id)
    .where('station_id', '=', transaction.station_id)
    .executeTakeFirst();
  if (!reservation) return undefined;
  const open = await openSessionOf(db, reservation.id);
  return open ? { reservationId: reservation.id, open } : undefined;
}

async function markReservationUsed(db: Kysely<Database>, reservationId: number): Promise<void> {
  await db
    .updateTable('reservations')
    .set({ status: 'used', updated_at: new Date() })
    .where('id', '=', reservationId)
    .execute();
}

/**
 * The transaction that uses a reservation at its station takes over the reservation's session
 * (same session_id: RESERVATION → ACTIVE) instead of opening another. Carries the ReserveNow's
 * `authorization_reference` to a transaction without one and marks the reservation `used`. Returns
 * the session, if one waited.
 */
export async function claimReservationSession(
  db: Kysely<Database>,
  transaction: ReservingTransaction,
): Promise<SessionRow | undefined> {
  const waiting = await waitingSessionOf(db, transaction);
  if (!waiting) return undefined;
  const { open, reservationId } = waiting;
  const reference = open.data.authorization_reference;
  if (typeof reference === 'string') {
    await db
      .updateTable('transactions')
      .set({ authorization_reference: reference })
      .where('id', '=', transaction.id)
      .where('authorization_reference', 'is', null)
      .execute();
  }
  await markReservationUsed(db, reservationId);
  return db
    .updateTable('sessions')
    .set({ transaction_id: transaction.id })
    .where('id', '=', open.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The reservation a transaction names only after its session was opened (2.0.1: a transaction
 * started on plug-in, whose later TransactionEvent with the idToken carries `reservationId`).
 * While that session has no token owner — no partner can know it — the reservation's session
 * takes its place, as if the reservation had been named at the start. Otherwise the session stays
 * (a partner may hold it) and the reservation's session ends now, the reservation `used`. Returns
 * the transaction's session.
 */
export async function lateReservationSession(
  db: Kysely<Database>,
  transaction: ReservingTransaction,
  own: SessionRow,
  now: Date,
): Promise<SessionRow> {
  if (transaction.reservation_id === null || own.reservation_id === transaction.reservation_id) return own;
  const waiting = await waitingSessionOf(db, transaction);
  if (!waiting) return own;
  if (own.token_country_code === null) {
    await db.deleteFrom('sessions').where('id', '=', own.id).execute();
    return (await claimReservationSession(db, transaction)) ?? own;
  }
  await markReservationUsed(db, waiting.reservationId);
  // Its time ends where the charging began (billed once: the transaction's session has the rest).
  const endedAt = transaction.started_at && transaction.started_at < now ? transaction.started_at : now;
  await endReservationSession(db, waiting.reservationId, endedAt, 'used');
  return own;
}
