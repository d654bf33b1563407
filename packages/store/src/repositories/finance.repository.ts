import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.js';
import type { CdrRow } from './cdrs.repository.js';

/**
 * One day's CDR totals for one issuing CPO, token owner and currency. Decimals are exact text
 * (sums of `numeric` columns); a credit CDR's negative total nets its original out.
 */
export interface DailyCdrTotals {
  /** UTC calendar day of the CDRs' `end_date_time`, `YYYY-MM-DD`. */
  day: string;
  country_code: string;
  party_id: string;
  token_country_code: string | null;
  token_party_id: string | null;
  currency: string;
  cdrs: number;
  credits: number;
  /** kWh billed: debit CDRs' energy minus the energy their credit CDRs reverse. */
  kwh: string;
  excl_vat: string;
  incl_vat: string;
}

/** A CDR push a partner has not acknowledged, with the CDR and the partner's last answer. */
export interface UnacknowledgedCdrRow {
  delivery_id: number;
  partner_id: string;
  partner_name: string | null;
  object_key: string;
  method: string;
  status: string;
  attempts: number;
  http_status: number | null;
  last_error: string | null;
  last_response_body: string | null;
  created_at: Date;
  last_attempt_at: Date | null;
  cdr_row_id: number | null;
  cdr_id: string | null;
  country_code: string | null;
  party_id: string | null;
  currency: string | null;
  total_cost_excl_vat: string | null;
  total_cost_incl_vat: string | null;
  total_energy_kwh: string | null;
  end_date_time: Date | null;
  credit: boolean | null;
  transaction_id: number | null;
}

/** A CDR with the IANA time zone of its location (for re-pricing local-time tariff restrictions). */
export type CdrWithTimeZone = CdrRow & { time_zone: string | null };

/** Finance aggregates over CDRs for the dashboard (read only; CDRs never change). */
export class FinanceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * CDR totals per UTC day of `end_date_time` in [from, to) (the `cdrs_end` index), per issuing
   * CPO, token owner and currency.
   */
  async daily(from: Date, to: Date): Promise<DailyCdrTotals[]> {
    const { rows } = await sql<DailyCdrTotals>`
      select to_char(date_trunc('day', c.end_date_time at time zone 'UTC'), 'YYYY-MM-DD') as day,
             c.country_code, c.party_id, c.token_country_code, c.token_party_id, c.currency,
             count(*)::int as cdrs, (count(*) filter (where c.credit))::int as credits,
             (coalesce(sum(c.total_energy_kwh) filter (where not c.credit), 0)
               - coalesce(sum(abs(c.total_energy_kwh)) filter (where c.credit), 0))::text as kwh,
             sum(c.total_cost_excl_vat)::text as excl_vat,
             sum(coalesce(c.total_cost_incl_vat, c.total_cost_excl_vat))::text as incl_vat
        from cdrs c
       where c.end_date_time >= ${from.toISOString()}::timestamptz and c.end_date_time < ${to.toISOString()}::timestamptz
       group by 1, c.country_code, c.party_id, c.token_country_code, c.token_party_id, c.currency
       order by 1, c.country_code, c.party_id, c.token_country_code, c.token_party_id, c.currency`.execute(this.db);
    return rows;
  }

  /** Every partner with its OCPI parties (to name the owner of a CDR's token). */
  async partnerParties(): Promise<Array<{ id: string; name: string; parties: Array<[string, string]> }>> {
    const rows = await this.db.selectFrom('partners').select(['id', 'name', 'roles']).orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      parties: (Array.isArray(r.roles) ? r.roles : []).map((role) => [role.country_code, role.party_id]),
    }));
  }

  /**
   * CDR pushes (`push_deliveries` module `cdrs`) not acknowledged by the partner, most recently
   * tried first, with the CDR they carry.
   */
  async unacknowledgedCdrs(filter: {
    partner?: string;
    offset: number;
    limit: number;
  }): Promise<{ rows: UnacknowledgedCdrRow[]; total: number }> {
    const partner = filter.partner === undefined ? sql`true` : sql`d.partner_id = ${filter.partner}`;
    const where = sql`d.module = 'cdrs' and d.status <> 'delivered' and ${partner}`;
    const [page, count] = await Promise.all([
      sql<UnacknowledgedCdrRow>`
        select d.id::int as delivery_id, d.partner_id, p.name as partner_name, d.object_key, d.method, d.status,
               d.attempts, d.http_status, d.last_error, d.last_response_body, d.created_at, d.last_attempt_at,
               c.id::int as cdr_row_id, c.cdr_id, c.country_code, c.party_id, c.currency,
               c.total_cost_excl_vat::text as total_cost_excl_vat, c.total_cost_incl_vat::text as total_cost_incl_vat,
               c.total_energy_kwh::text as total_energy_kwh, c.end_date_time, c.credit, c.transaction_id::int as transaction_id
          from push_deliveries d
          left join partners p on p.id = d.partner_id
          -- object_key is CC/PID/cdr_id (the unique key of cdrs).
          left join cdrs c on c.country_code = split_part(d.object_key, '/', 1)
                          and c.party_id = split_part(d.object_key, '/', 2)
                          and c.cdr_id = substr(d.object_key, char_length(split_part(d.object_key, '/', 1))
                                                  + char_length(split_part(d.object_key, '/', 2)) + 3)
         where ${where}
         order by coalesce(d.last_attempt_at, d.created_at) desc, d.id desc
         offset ${filter.offset} limit ${filter.limit}`.execute(this.db),
      sql<{ n: number }>`select count(*)::int as n from push_deliveries d where ${where}`.execute(this.db),
    ]);
    return { rows: page.rows, total: count.rows[0]?.n ?? 0 };
  }

  /**
   * A CDR by its row id (all digits) or OCPI id, with its location's time zone: through its
   * transaction's station, else the hosted location the CDR names.
   */
  async findCdr(ref: string): Promise<CdrWithTimeZone | undefined> {
    const byRowId = /^\d{1,15}$/.test(ref);
    const { rows } = await sql<CdrWithTimeZone>`
      select c.*, coalesce(sl.time_zone, cl.time_zone) as time_zone
        from cdrs c
        left join transactions t on t.id = c.transaction_id
        left join stations st on st.id = t.station_id
        left join locations sl on sl.id = st.location_id
        left join locations cl on cl.country_code = c.country_code and cl.party_id = c.party_id
                              and cl.location_id = c.data -> 'cdr_location' ->> 'id'
       where ${byRowId ? sql`c.id = ${Number(ref)} or c.cdr_id = ${ref}` : sql`c.cdr_id = ${ref}`}
       order by ${byRowId ? sql`(c.id = ${Number(ref)}) desc,` : sql``} c.id
       limit 1`.execute(this.db);
    return rows[0];
  }
}
