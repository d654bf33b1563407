import { type Kysely, type Selectable, sql } from 'kysely';
import type { CdrsTable, Database } from '../database.js';
import { type OcpiObjectRow, pageOcpiObjects } from './ocpi-object-page.js';
import { type OcpiPageResult, type OcpiWindow, partyTuples } from './ocpi-window.js';
import type { AdminListFilter, TokenOwnerScope } from './sessions.repository.js';

export type CdrRow = Selectable<CdrsTable>;

/** CDRs (read side; the bridge writes them, and they never change). */
export class CdrsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A page of CDRs of hosted CPOs whose token belongs to one of `tokenParties`. */
  async page(scope: TokenOwnerScope, window: OcpiWindow): Promise<OcpiPageResult<OcpiObjectRow>> {
    const where = sql`(t.country_code, t.party_id) in ${partyTuples(scope.cpoParties)}
      and (t.token_country_code, t.token_party_id) in ${partyTuples(scope.tokenParties)}`;
    return pageOcpiObjects(this.db, 'cdrs', where, window);
  }

  async find(countryCode: string, partyId: string, cdrId: string): Promise<CdrRow | undefined> {
    return this.db
      .selectFrom('cdrs')
      .selectAll()
      .where('country_code', '=', countryCode)
      .where('party_id', '=', partyId)
      .where('cdr_id', '=', cdrId)
      .executeTakeFirst();
  }

  /** Admin list: newest first; `status` is `credit` or `debit`; `from`/`to` on `end_date_time`. */
  async list(filter: AdminListFilter): Promise<{ items: CdrRow[]; total: number }> {
    let q = this.db.selectFrom('cdrs as c').leftJoin('transactions as tx', 'tx.id', 'c.transaction_id');
    if (filter.station) {
      q = q.innerJoin('stations as st', 'st.id', 'tx.station_id').where('st.identity', '=', filter.station);
    }
    if (filter.status === 'credit') q = q.where('c.credit', '=', true);
    if (filter.status === 'debit') q = q.where('c.credit', '=', false);
    if (filter.from) q = q.where('c.end_date_time', '>=', filter.from);
    if (filter.to) q = q.where('c.end_date_time', '<', filter.to);
    const [items, count] = await Promise.all([
      q
        .selectAll('c')
        .orderBy('c.end_date_time', 'desc')
        .orderBy('c.id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }
}
