import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The OCPP gateway's additions (additive only):
 * - meter samples are deduplicated on their business key, so an offline replay that resends
 *   MeterValues (1.6 has no sequence numbers) stores each reading once; NULLS NOT DISTINCT
 *   (PostgreSQL 15+) because phase/context/location are often absent;
 * - transactions listed by start time for the admin API.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, [
    `create unique index meter_samples_dedupe on meter_samples
      (station_id, transaction_id, ocpp_evse_id, sampled_at, measurand, phase, context, location) nulls not distinct`,
    `create index transactions_started on transactions (started_at, id)`,
    `create index transactions_station on transactions (station_id, started_at)`,
  ]);
}
