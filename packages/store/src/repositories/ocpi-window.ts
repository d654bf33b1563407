import { type RawBuilder, sql } from 'kysely';

/**
 * The window and position of one page of an OCPI list (transport_and_format §Pagination):
 * `last_updated` in [dateFrom, dateTo), ordered by (`last_updated`, id).
 */
export interface OcpiWindow {
  dateFrom?: Date;
  dateTo?: Date;
  /** Rows to skip; ignored when `after` is given. */
  offset: number;
  limit: number;
  /** Keyset position: only rows after this (`last_updated`, id), from a previous page. */
  after?: OcpiCursor;
}

/** A keyset position. `lastUpdated` is kept as text with microseconds: a JS Date would round it. */
export interface OcpiCursor {
  lastUpdated: string;
  id: number;
}

/** One page of rows plus the count of the whole window and the position after the page. */
export interface OcpiPageResult<T> {
  items: T[];
  total: number;
  /** Keyset position of the last row, for the next page. */
  last: OcpiCursor | undefined;
}

/** SQL text of a timestamptz column as a UTC ISO string with microseconds (a cursor value). */
export function cursorText(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Conditions of the window (without offset/limit), for a table alias `t`. */
export function windowConditions(t: string, w: OcpiWindow, keyset: boolean): RawBuilder<unknown>[] {
  const lu = sql.ref(`${t}.last_updated`);
  const out: RawBuilder<unknown>[] = [];
  if (w.dateFrom) out.push(sql`${lu} >= ${w.dateFrom}`);
  if (w.dateTo) out.push(sql`${lu} < ${w.dateTo}`);
  if (keyset && w.after) {
    out.push(sql`(${lu}, ${sql.ref(`${t}.id`)}) > (${w.after.lastUpdated}::timestamptz, ${w.after.id}::bigint)`);
  }
  return out;
}

/** `a and b and …`, or `true`. */
export function allOf(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);
}

/** Parties as `(cc, pid)` tuples for `in` lists; never empty (an impossible tuple instead). */
export function partyTuples(parties: readonly { country_code: string; party_id: string }[]): RawBuilder<unknown> {
  if (parties.length === 0) return sql`(('', ''))`;
  return sql`(${sql.join(parties.map((p) => sql`(${p.country_code}, ${p.party_id})`))})`;
}
