import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * An accepted reservation opens an OCPI Session (status RESERVATION) before any transaction
 * exists: `sessions.reservation_id` ties it to its reservation, so the transaction that uses the
 * reservation takes that session over instead of opening a second one. At most one such session
 * per reservation waits for its transaction at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'alter table sessions add column reservation_id integer references reservations (id) on delete set null',
    `create unique index sessions_open_reservation on sessions (reservation_id)
      where transaction_id is null and status = 'RESERVATION'`,
  ]);
}
