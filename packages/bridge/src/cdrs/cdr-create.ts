import { type Database, repositories } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import { syncSession } from '../sessions/session.sync.js';
import { buildCdr } from './cdr.builder.js';

/** Outcome of {@link runCdrCreate}. */
export type CdrCreateResult = 'created' | 'exists' | 'not-ended' | 'invalid' | 'unknown';

/**
 * `cdr.create`: once a transaction has ended, its CDR — built from the completed Session and the
 * tariff snapshot of its start — is stored together with a `cdr.push` outbox row in ONE database
 * transaction, so a crash leaves either both or neither. One CDR per transaction: the unique
 * index `cdrs_one_per_transaction` makes a second run a no-op. An INVALID session (authorization
 * failed) "will not be billed" (mod_sessions SessionStatus INVALID): no CDR.
 */
export async function runCdrCreate(
  db: Kysely<Database>,
  transactionId: number,
  now = new Date(),
): Promise<CdrCreateResult> {
  const synced = await syncSession(db, transactionId, now);
  if (!synced) return 'unknown';
  if (synced.source.transaction.status !== 'completed') return 'not-ended';
  if (synced.built.status === 'INVALID') return 'invalid';
  const existing = await db
    .selectFrom('cdrs')
    .select('id')
    .where('transaction_id', '=', transactionId)
    .where('credit', '=', false)
    .executeTakeFirst();
  if (existing) return 'exists';
  const built = buildCdr(synced.source, synced.built, now);
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('cdrs')
      .values({
        country_code: synced.source.cpo.country_code,
        party_id: synced.source.cpo.party_id,
        cdr_id: built.cdrId,
        session_id: synced.source.sessionId,
        transaction_id: transactionId,
        token_country_code: synced.source.token?.country_code ?? null,
        token_party_id: synced.source.token?.party_id ?? null,
        currency: built.currency,
        total_cost_excl_vat: String(built.totalCost.excl_vat),
        total_cost_incl_vat: built.totalCost.incl_vat === undefined ? null : String(built.totalCost.incl_vat),
        total_energy_kwh: String(built.totalEnergyKwh),
        start_date_time: built.start,
        end_date_time: built.end,
        data: JSON.stringify(built.cdr),
        last_updated: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return 'exists';
    await repositories(trx).outbox.add({
      topic: 'cdr.push',
      jobKey: `cdr.push:${inserted.id}`,
      payload: { cdrId: inserted.id },
    });
    return 'created';
  });
}
