import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, SessionsTable } from '../database.js';
import { type OcpiObjectRow, pageOcpiObjects } from './ocpi-object-page.js';
import { type OcpiPageResult, type OcpiWindow, partyTuples } from './ocpi-window.js';

export type SessionRow = Selectable<SessionsTable>;

/** Who may see a session or CDR: CPOs it belongs to and the owners of its token. */
export interface TokenOwnerScope {
  cpoParties: readonly { country_code: string; party_id: string }[];
  tokenParties: readonly { country_code: string; party_id: string }[];
}

/** Filters of the admin lists of sessions and CDRs. */
export interface AdminListFilter {
  station?: string;
  status?: string;
  from?: Date;
  to?: Date;
  offset: number;
  limit: number;
}

/** Sessions (read side; the bridge writes them). */
export class SessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** A page of sessions of hosted CPOs whose token belongs to one of `tokenParties`. */
  async page(scope: TokenOwnerScope, window: OcpiWindow): Promise<OcpiPageResult<OcpiObjectRow>> {
    const where = sql`(t.country_code, t.party_id) in ${partyTuples(scope.cpoParties)}
      and (t.token_country_code, t.token_party_id) in ${partyTuples(scope.tokenParties)}`;
    return pageOcpiObjects(this.db, 'sessions', where, window);
  }

  async find(countryCode: string, partyId: string, sessionId: string): Promise<SessionRow | undefined> {
    return this.db
      .selectFrom('sessions')
      .selectAll()
      .where('country_code', '=', countryCode)
      .where('party_id', '=', partyId)
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
  }

  async findById(id: number): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Admin list: newest first, filtered by station identity, status and `last_updated` range. */
  async list(filter: AdminListFilter): Promise<{ items: SessionRow[]; total: number }> {
    let q = this.db.selectFrom('sessions as s').leftJoin('transactions as tx', 'tx.id', 's.transaction_id');
    if (filter.station) {
      q = q.innerJoin('stations as st', 'st.id', 'tx.station_id').where('st.identity', '=', filter.station);
    }
    if (filter.status) q = q.where('s.status', '=', filter.status);
    if (filter.from) q = q.where('s.last_updated', '>=', filter.from);
    if (filter.to) q = q.where('s.last_updated', '<', filter.to);
    const [items, count] = await Promise.all([
      q
        .selectAll('s')
        .orderBy('s.last_updated', 'desc')
        .orderBy('s.id', 'desc')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.n) };
  }
}
