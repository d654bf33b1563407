import type { CdrExportRow } from '@chargebridge/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../database.js';
import { allOf, cursorText, type OcpiCursor, partyTuples } from './ocpi-window.js';

/** What to export: CDRs whose `end_date_time` is in [from, to), optionally narrowed. */
export interface CdrExportFilter {
  from: Date;
  to: Date;
  /** The issuing CPO. */
  party?: { country_code: string; party_id: string };
  /** Token owners (an eMSP partner's parties): only CDRs of tokens they own. */
  tokenParties?: readonly { country_code: string; party_id: string }[];
}

type ExportRow = CdrExportRow & { id: number; cursor_at: string };

/** Rows per query: big enough to amortize the round trip, small enough to keep memory flat. */
export const CDR_EXPORT_BATCH = 5_000;

/** A UTC ISO 8601 text with milliseconds, as `Date#toISOString` writes it. */
function isoText(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** The top-level CDR fields the export reads, as `x.<field>` (see the `jsonb_to_record` below). */
const PARTS = [
  'cdr_location',
  'cdr_token',
  'tariffs',
  'total_time',
  'total_parking_time',
  'total_fixed_cost',
  'total_energy_cost',
  'total_time_cost',
  'total_parking_cost',
  'total_reservation_cost',
] as const;
type Part = (typeof PARTS)[number];

/** A JSON number of the CDR (`x.part` or `x.part.key`) as its exact decimal text; null when absent or not a number. */
function num(part: Part, key?: 'excl_vat' | 'incl_vat'): RawBuilder<string | null> {
  const value = key ? sql`(${sql.ref(`x.${part}`)} -> ${sql.lit(key)})` : sql.ref(`x.${part}`);
  return sql<string | null>`case jsonb_typeof(${value}) when 'number' then ${value} #>> '{}' end`;
}

/** A string field of a CDR part (`x.part.key`); null when absent. */
function text(part: Part, key: string): RawBuilder<string | null> {
  return sql<string | null>`${sql.ref(`x.${part}`)} ->> ${sql.lit(key)}`;
}

/**
 * The finance export's read side: CDRs in batches over a keyset cursor on (`last_updated`, id) —
 * the `cdrs_last_updated` index — so each batch is one indexed query and memory stays at one
 * batch however many CDRs there are. Every field is turned into text inside PostgreSQL (decimals
 * exactly as stored, times as UTC ISO), so the client parses no JSON and no numbers.
 */
export class CdrExportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Every CDR of `filter`, in batches of at most `batchSize`, ordered by (`last_updated`, id).
   * The next batch is already being read while the caller writes this one (one query in flight):
   * PostgreSQL and the formatting overlap instead of taking turns.
   */
  async *batches(filter: CdrExportFilter, batchSize = CDR_EXPORT_BATCH): AsyncGenerator<CdrExportRow[]> {
    let pending: Promise<ExportRow[]> | undefined = this.batch(filter, undefined, batchSize);
    try {
      while (pending) {
        const rows: ExportRow[] = await pending;
        const last = rows[rows.length - 1];
        pending =
          last && rows.length === batchSize
            ? this.batch(filter, { lastUpdated: last.cursor_at, id: last.id }, batchSize)
            : undefined;
        if (rows.length > 0) yield rows;
      }
    } finally {
      // The caller stopped early: the prefetched batch is not wanted, and must not surface as unhandled.
      pending?.catch(() => undefined);
    }
  }

  /** The first `limit` rows of the export, in export order (a preview of what a download holds). */
  async first(filter: CdrExportFilter, limit: number): Promise<CdrExportRow[]> {
    const rows = await this.batch(filter, undefined, limit);
    return rows.map(({ id: _id, cursor_at: _cursor, ...row }) => row);
  }

  /** How many CDRs `filter` selects (for a progress bar). */
  async count(filter: CdrExportFilter): Promise<number> {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from cdrs c
      where ${allOf(this.conditions(filter))}`.execute(this.db);
    return rows[0]?.n ?? 0;
  }

  /** The parties of partner `id` (its OCPI roles), or undefined when there is no such partner. */
  async partnerParties(id: string): Promise<Array<{ country_code: string; party_id: string }> | undefined> {
    const partner = await this.db.selectFrom('partners').select('roles').where('id', '=', id).executeTakeFirst();
    return partner?.roles.map((r) => ({ country_code: r.country_code, party_id: r.party_id }));
  }

  private conditions(filter: CdrExportFilter): RawBuilder<unknown>[] {
    const out: RawBuilder<unknown>[] = [
      sql`c.end_date_time >= ${filter.from.toISOString()}::timestamptz`,
      sql`c.end_date_time < ${filter.to.toISOString()}::timestamptz`,
    ];
    if (filter.party) {
      out.push(sql`c.country_code = ${filter.party.country_code} and c.party_id = ${filter.party.party_id}`);
    }
    if (filter.tokenParties) {
      out.push(sql`(c.token_country_code, c.token_party_id) in ${partyTuples(filter.tokenParties)}`);
    }
    return out;
  }

  private async batch(filter: CdrExportFilter, after: OcpiCursor | undefined, limit: number): Promise<ExportRow[]> {
    const conditions = this.conditions(filter);
    if (after) {
      conditions.push(sql`(c.last_updated, c.id) > (${after.lastUpdated}::timestamptz, ${after.id}::bigint)`);
    }
    const { rows } = await sql<ExportRow>`
      select c.id, ${cursorText('c.last_updated')} as cursor_at,
             c.cdr_id, c.country_code || '-' || c.party_id as party,
             ${isoText('c.start_date_time')} as start_date_time, ${isoText('c.end_date_time')} as end_date_time,
             c.session_id, ${text('cdr_location', 'id')} as location_id,
             ${text('cdr_location', 'evse_uid')} as evse_uid, ${text('cdr_location', 'evse_id')} as evse_id,
             ${text('cdr_token', 'uid')} as token_uid, ${text('cdr_token', 'contract_id')} as contract_id,
             c.token_country_code || '-' || c.token_party_id as token_owner,
             c.total_energy_kwh::text as total_energy_kwh,
             ${num('total_time')} as total_time_h, ${num('total_parking_time')} as total_parking_time_h,
             c.currency,
             c.total_cost_excl_vat::text as total_cost_excl_vat, c.total_cost_incl_vat::text as total_cost_incl_vat,
             ${num('total_fixed_cost', 'excl_vat')} as total_fixed_cost_excl_vat,
             ${num('total_fixed_cost', 'incl_vat')} as total_fixed_cost_incl_vat,
             ${num('total_energy_cost', 'excl_vat')} as total_energy_cost_excl_vat,
             ${num('total_energy_cost', 'incl_vat')} as total_energy_cost_incl_vat,
             ${num('total_time_cost', 'excl_vat')} as total_time_cost_excl_vat,
             ${num('total_time_cost', 'incl_vat')} as total_time_cost_incl_vat,
             ${num('total_parking_cost', 'excl_vat')} as total_parking_cost_excl_vat,
             ${num('total_parking_cost', 'incl_vat')} as total_parking_cost_incl_vat,
             ${num('total_reservation_cost', 'excl_vat')} as total_reservation_cost_excl_vat,
             ${num('total_reservation_cost', 'incl_vat')} as total_reservation_cost_incl_vat,
             c.credit, c.credit_reference_id,
             (select string_agg(t ->> 'id', ';') from jsonb_array_elements(
                case jsonb_typeof(x.tariffs) when 'array' then x.tariffs else '[]'::jsonb end) t
             ) as tariff_ids,
             ${isoText('c.last_updated')} as last_updated
        from cdrs c
        -- The document is taken apart once per row, not walked from the top for every column.
        cross join lateral jsonb_to_record(c.data) as x(${sql.raw(PARTS.map((p) => `${p} jsonb`).join(', '))})
       where ${allOf(conditions)}
       order by c.last_updated, c.id
       limit ${limit}`.execute(this.db);
    return rows;
  }
}
