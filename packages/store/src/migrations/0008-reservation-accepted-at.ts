import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * When the station accepted a reservation: where its billed reservation time starts (the OCPI
 * Session / CDR of a reservation start then). Reservations accepted before this migration fall
 * back to their creation time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['alter table reservations add column accepted_at timestamptz']);
}
