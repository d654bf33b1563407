import { type Database, repositories } from '@chargebridge/store';
import type { Kysely } from 'kysely';
import { buildCreditCdr } from './cdr.builder.js';

/** Why a credit could not be issued. */
export class CreditCdrError extends Error {
  constructor(
    readonly code: 'not_found' | 'is_credit',
    message: string,
  ) {
    super(message);
    this.name = 'CreditCdrError';
  }
}

/**
 * Issues a Credit CDR for a stored CDR (mod_cdrs "Credit CDRs") with its `cdr.push` outbox row in
 * the same transaction. `ref` is the CDR's row id or its OCPI id. A CDR may be credited more
 * than once (after a corrected CDR was credited again): ids `-C`, `-C2`, …
 */
export async function issueCreditCdr(db: Kysely<Database>, ref: string, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('cdrs').selectAll();
    q = /^\d+$/.test(ref) ? q.where('id', '=', Number(ref)) : q.where('cdr_id', '=', ref);
    const original = await q.forUpdate().executeTakeFirst();
    if (!original) throw new CreditCdrError('not_found', `no CDR ${ref}`);
    if (original.credit) throw new CreditCdrError('is_credit', `CDR ${original.cdr_id} is itself a credit CDR`);
    const previous = await trx
      .selectFrom('cdrs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('country_code', '=', original.country_code)
      .where('party_id', '=', original.party_id)
      .where('credit_reference_id', '=', original.cdr_id)
      .executeTakeFirstOrThrow();
    const credit = buildCreditCdr(
      { ...original.data, last_updated: original.last_updated.toISOString() },
      Number(previous.n) + 1,
      now,
    );
    const total = credit.total_cost as { excl_vat: number; incl_vat?: number };
    const row = await trx
      .insertInto('cdrs')
      .values({
        country_code: original.country_code,
        party_id: original.party_id,
        cdr_id: String(credit.id),
        session_id: original.session_id,
        transaction_id: original.transaction_id,
        token_country_code: original.token_country_code,
        token_party_id: original.token_party_id,
        currency: original.currency,
        total_cost_excl_vat: String(total.excl_vat),
        total_cost_incl_vat: total.incl_vat === undefined ? null : String(total.incl_vat),
        total_energy_kwh: original.total_energy_kwh,
        start_date_time: original.start_date_time,
        end_date_time: original.end_date_time,
        credit: true,
        credit_reference_id: original.cdr_id,
        data: JSON.stringify(credit),
        last_updated: now,
      } as never)
      .returningAll()
      .executeTakeFirstOrThrow();
    await repositories(trx).outbox.add({ topic: 'cdr.push', jobKey: `cdr.push:${row.id}`, payload: { cdrId: row.id } });
    return row;
  });
}
