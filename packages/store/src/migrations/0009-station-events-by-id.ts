import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/** The station detail's event log pages a station's events newest first by id, of any kind. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['create index station_events_station_id on station_events (station_id, id)']);
}
