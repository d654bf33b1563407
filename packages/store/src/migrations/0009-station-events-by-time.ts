import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The station detail's event log pages a station's events of any kind newest first, by when they
 * happened and then by id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['create index station_events_station_time on station_events (station_id, occurred_at, id)']);
}
