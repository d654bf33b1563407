import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * A station created by OCPP_AUTO_REGISTER is marked as such until an operator registers it: a
 * Pending station is accepted after provisioning only when an operator registered it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, ['alter table stations add column auto_registered boolean not null default false']);
}
