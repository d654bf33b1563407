import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Partner health and statistics read the recent window of push attempts across all partners
 * (every few seconds for the live feed): an index by time keeps that a range scan, and the
 * retention sweep deletes by the same column. `stations.connection_changed_at` orders connects
 * and disconnects whose batches commit out of order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    'create index if not exists push_attempts_at on push_attempts (at)',
    'alter table stations add column connection_changed_at timestamptz',
  ]);
}
