import { randomUUID } from 'node:crypto';
import type { Database, SessionRow } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import { claimReservationSession, lateReservationSession, sessionReservation } from './reservation-session.store.js';
import { type BuiltSession, buildSession } from './session.builder.js';
import type { SessionSource } from './session-source.js';
import { loadSessionContext, type SessionContext, selectSessionTariff } from './session-source.loader.js';

/** Result of {@link syncSession}. */
export interface SyncedSession {
  row: SessionRow;
  built: BuiltSession;
  source: SessionSource;
  context: SessionContext;
  /** True when this call changed the stored Session (new `last_updated`). */
  changed: boolean;
}

/** JSON text with object keys sorted at every level: jsonb hands objects back in its own key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
        )
      : v,
  );
}

/** Same Session apart from `last_updated`, whatever the key order (the stored copy is jsonb). */
function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const { last_updated: _a, ...restA } = a;
  const { last_updated: _b, ...restB } = b;
  return canonicalJson(restA) === canonicalJson(restB);
}

/**
 * Brings the `sessions` row of a transaction up to date with the store: creates it on first sight
 * (our `session_id`, and the tariff snapshot taken now — the tariff "as it was at session start",
 * since the first sync runs right after the start's outbox row) — or, for a transaction using a
 * reservation, takes over the session that reservation opened (same id and tariff) — rebuilds the
 * Session and stamps a new `last_updated` only when its content changed. Idempotent; serialized
 * per transaction by a row lock, so two workers never interleave.
 */
export async function syncSession(
  db: Kysely<Database>,
  transactionId: number,
  now: Date = new Date(),
): Promise<SyncedSession | undefined> {
  return db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('transactions')
      .select(['id', 'station_id', 'reservation_id', 'started_at'])
      .where('id', '=', transactionId)
      .forUpdate()
      .executeTakeFirst();
    if (!locked) return undefined;
    const own = await trx
      .selectFrom('sessions')
      .selectAll()
      .where('transaction_id', '=', transactionId)
      .executeTakeFirst();
    let row = own
      ? // A reservation named only by a later event: see lateReservationSession.
        await lateReservationSession(trx, locked, own, now)
      : // First sight of a transaction that uses a reservation: it takes over the reservation's session.
        await claimReservationSession(trx, locked);
    const context = await loadSessionContext(trx, transactionId);
    if (!context) return undefined;
    const tariff = row
      ? ((row.tariff_snapshot as Record<string, unknown> | null) ?? null)
      : await selectSessionTariff(trx, context);
    // A session that began as a reservation bills the reservation's time before the charging.
    const reservation = row?.reservation_id ? await sessionReservation(trx, row.reservation_id) : null;
    const source: SessionSource = { ...context, sessionId: row?.session_id ?? randomUUID(), tariff, reservation };
    const built = buildSession(source);
    const columns = {
      token_country_code: source.token?.country_code ?? null,
      token_party_id: source.token?.party_id ?? null,
      token_uid: source.token?.uid ?? context.transaction.id_token,
      status: built.status,
      kwh: built.kwh,
      currency: built.currency,
    };
    if (!row) {
      row = await trx
        .insertInto('sessions')
        .values({
          country_code: context.cpo.country_code,
          party_id: context.cpo.party_id,
          session_id: source.sessionId,
          transaction_id: transactionId,
          tariff_snapshot: tariff === null ? null : JSON.stringify(tariff),
          data: JSON.stringify({ ...built.session, last_updated: now.toISOString() }),
          last_updated: now,
          ...columns,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { row, built, source, context, changed: true };
    }
    if (sameContent(row.data, built.session)) return { row, built, source, context, changed: false };
    // last_updated only moves forward, also when clocks of two workers disagree.
    const stamp = row.last_updated >= now ? new Date(row.last_updated.getTime() + 1) : now;
    row = await trx
      .updateTable('sessions')
      .set({
        ...columns,
        data: JSON.stringify({ ...built.session, last_updated: stamp.toISOString() }),
        last_updated: stamp,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { row, built, source, context, changed: true };
  });
}
