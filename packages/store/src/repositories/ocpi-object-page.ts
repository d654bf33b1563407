import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../database.js';
import { allOf, cursorText, type OcpiPageResult, type OcpiWindow, windowConditions } from './ocpi-window.js';

/** Tables holding an OCPI object as `data` with `last_updated` and a surrogate id. */
export type OcpiObjectTable = 'tariffs' | 'sessions' | 'cdrs';

/** A row of an OCPI object table as paged: the stored object and its timestamp. */
export interface OcpiObjectRow {
  id: number;
  country_code: string;
  party_id: string;
  data: Record<string, unknown>;
  last_updated: Date;
  cursor_ts: string;
}

/**
 * One page of an OCPI object table under `scope` (a condition on alias `t`), ordered by
 * (`last_updated`, id); the count covers the whole window.
 */
export async function pageOcpiObjects(
  db: Kysely<Database>,
  table: OcpiObjectTable,
  scope: RawBuilder<unknown>,
  window: OcpiWindow,
): Promise<OcpiPageResult<OcpiObjectRow>> {
  const keyset = window.after !== undefined;
  const where = allOf([scope, ...windowConditions('t', window, keyset)]);
  const countWhere = allOf([scope, ...windowConditions('t', window, false)]);
  const [rows, count] = await Promise.all([
    sql<OcpiObjectRow>`
      select t.id, t.country_code, t.party_id, t.data, t.last_updated, ${cursorText('t.last_updated')} as cursor_ts
        from ${sql.table(table)} t
       where ${where}
       order by t.last_updated, t.id
       limit ${window.limit} offset ${keyset ? 0 : window.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} t where ${countWhere}`.execute(db),
  ]);
  const last = rows.rows.at(-1);
  return {
    items: rows.rows,
    total: count.rows[0]?.n ?? 0,
    last: last ? { lastUpdated: last.cursor_ts, id: last.id } : undefined,
  };
}
