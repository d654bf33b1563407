import { connectorStatusTable, STATION_STATUS_SEVERITY } from '@chargebridge/domain';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../database.js';

/** The network at a glance (the dashboard's KPI cards). */
export interface OverviewKpis {
  stations: { total: number; online: number; offline: number };
  /** EVSEs by published status (offline stations' EVSEs are UNKNOWN, as published). */
  evses: { total: number; on_offline_stations: number; by_status: Record<string, number> };
  sessions_active: number;
  /** Sum of the latest power sample of each active transaction, kW. */
  power_kw_now: number;
  /** Energy of the transactions active today (started, stopped or still running today), kWh. */
  energy_kwh_today: number;
  /** CDRs that ended today (UTC), per currency; amounts are decimal strings. */
  revenue_today: Array<{ currency: string; cdrs: number; total_excl_vat: string; total_incl_vat: string }>;
  alerts_open: number;
  alerts_acknowledged: number;
  /** Push deliveries not delivered (pending or failing). */
  push_backlog: number;
}

/** One hosted CPO party's power series. */
export interface PartyPowerSeries {
  country_code: string;
  party_id: string;
  name: string | null;
  /** kW per bucket start (ISO), only buckets with data. */
  points: Array<{ at: string; kw: number }>;
}

/** Sessions started in one hour. */
export interface HourlySessions {
  hour: string;
  started: number;
  energy_kwh: number;
}

/** One gateway node and the stations connected to it. */
export interface GatewayNodeConnections {
  node: string;
  connections: number;
  last_seen: string | null;
}

const textList = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));
const STORED = STATION_STATUS_SEVERITY.filter((s) => s !== 'OFFLINE' && s !== 'UNKNOWN');
const MAPPED = connectorStatusTable().filter(([, evse]) => evse !== 'UNKNOWN');

/**
 * SQL of an EVSE's first connector status that maps to a known OCPI status (alias `e`):
 * `publishedEvseStatus`'s fallback when the EVSE stores none. A correlated lookup through the
 * unique (evse_id, ocpp_connector_id) index, so it only runs for the EVSEs that need it.
 */
function firstMappedConnectorSql(): RawBuilder<string> {
  const cases = sql.join(
    MAPPED.map(([ocpp, evse]) => sql`when ${sql.lit(ocpp)} then ${sql.lit(evse)}`),
    sql` `,
  );
  return sql<string>`(select case c.ocpp_status ${cases} end
                from connectors c
               where c.evse_id = e.id and c.ocpp_status in (${textList(MAPPED.map(([o]) => o))})
               order by c.ocpp_connector_id limit 1)`;
}

/** SQL of an EVSE's published status (aliases `e`, `s`): the `publishedEvseStatus` rule. */
const PUBLISHED_STATUS = sql<string>`case when not s.online then 'UNKNOWN'
  when e.status in (${textList(STORED)}) then e.status
  else coalesce(${firstMappedConnectorSql()}, 'UNKNOWN') end`;

/** The latest active power of transaction `t` in W: the total, else the sum of L1–L3. */
const LATEST_POWER = sql`
  select coalesce(max(m.value) filter (where m.phase is null),
                  sum(m.value) filter (where m.phase in ('L1', 'L2', 'L3')),
                  sum(m.value) filter (where m.phase in ('L1-N', 'L2-N', 'L3-N'))) as watts
    from meter_samples m
   where m.transaction_id = t.id and m.measurand = 'Power.Active.Import' and m.unit = 'W'
     and m.sampled_at = (select max(m2.sampled_at) from meter_samples m2
                          where m2.transaction_id = t.id and m2.measurand = 'Power.Active.Import' and m2.unit = 'W')`;

const iso = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const toIso = (v: unknown): string | null =>
  v == null ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString();

/**
 * The overview's aggregates, each one set-based statement that stays interactive at fleet scale
 * (10,000 stations, 30,000 EVSEs): counts over stations and EVSEs, per-transaction lookups only
 * for active transactions (index `meter_samples_transaction`), and time ranges on indexed columns.
 */
export class OverviewRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Runs fleet-wide aggregates in one read transaction with PostgreSQL's JIT off: compiling
   * them (about a second) would cost far more than running them (tens of milliseconds).
   */
  private aggregate<T>(run: (db: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      await sql`set local jit = off`.execute(trx);
      return run(trx);
    });
  }

  async kpis(now: Date): Promise<OverviewKpis> {
    return this.aggregate((db) => this.kpisIn(db, now));
  }

  private async kpisIn(db: Kysely<Database>, now: Date): Promise<OverviewKpis> {
    const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const dayEnd = new Date(dayStart.getTime() + 86_400_000);
    const counts = await sql<{
      stations_total: number;
      stations_online: number;
      sessions_active: number;
      power_w: number | null;
      energy_wh: number | null;
      alerts_open: number;
      alerts_acknowledged: number;
      push_backlog: number;
    }>`
      select
        (select count(*) from stations)::int as stations_total,
        (select count(*) from stations where online)::int as stations_online,
        (select count(*) from transactions where status = 'active')::int as sessions_active,
        (select sum(p.watts) from transactions t cross join lateral (${LATEST_POWER}) p
          where t.status = 'active')::float8 as power_w,
        ((select coalesce(sum(energy_wh), 0) from transactions where status = 'active')
         + (select coalesce(sum(energy_wh), 0) from transactions
             where status = 'completed' and updated_at >= ${iso(dayStart)} and stopped_at >= ${iso(dayStart)}))::float8
          as energy_wh,
        (select count(*) from alerts where status = 'open')::int as alerts_open,
        (select count(*) from alerts where status = 'acknowledged')::int as alerts_acknowledged,
        (select count(*) from push_deliveries where status in ('pending', 'failed'))::int as push_backlog`.execute(db);
    const evses = await sql<{ status: string; online: boolean; n: number }>`
      select ${PUBLISHED_STATUS} as status, s.online, count(*)::int as n
        from evses e join stations s on s.id = e.station_id
       group by 1, 2`.execute(db);
    const revenue = await sql<{ currency: string; cdrs: number; excl: string; incl: string }>`
      select currency, count(*)::int as cdrs,
             sum(total_cost_excl_vat)::text as excl,
             sum(coalesce(total_cost_incl_vat, total_cost_excl_vat))::text as incl
        from cdrs
       where end_date_time >= ${iso(dayStart)} and end_date_time < ${iso(dayEnd)}
       group by currency order by currency`.execute(db);
    const c = counts.rows[0];
    const byStatus: Record<string, number> = {};
    let evseTotal = 0;
    let onOffline = 0;
    for (const r of evses.rows) {
      const n = Number(r.n);
      byStatus[r.status] = (byStatus[r.status] ?? 0) + n;
      evseTotal += n;
      if (!r.online) onOffline += n;
    }
    const total = Number(c?.stations_total ?? 0);
    const online = Number(c?.stations_online ?? 0);
    return {
      stations: { total, online, offline: total - online },
      evses: { total: evseTotal, on_offline_stations: onOffline, by_status: byStatus },
      sessions_active: Number(c?.sessions_active ?? 0),
      power_kw_now: Math.round(Number(c?.power_w ?? 0)) / 1000,
      energy_kwh_today: Math.round(Number(c?.energy_wh ?? 0)) / 1000,
      revenue_today: revenue.rows.map((r) => ({
        currency: r.currency,
        cdrs: Number(r.cdrs),
        total_excl_vat: r.excl,
        total_incl_vat: r.incl,
      })),
      alerts_open: Number(c?.alerts_open ?? 0),
      alerts_acknowledged: Number(c?.alerts_acknowledged ?? 0),
      push_backlog: Number(c?.push_backlog ?? 0),
    };
  }

  /**
   * Power per hosted CPO party in buckets of `bucketMinutes` over [from, to): per transaction and
   * bucket the mean of its `Power.Active.Import` samples (the total), else the power its energy
   * register implies (Δ Wh / Δ t); summed over the party's transactions. Only transactions that
   * can have samples in the range are read (active, or completed since `from`), each through the
   * index `meter_samples_transaction` (transaction_id, sampled_at). This reads every such sample
   * of the range: callers keep closed buckets (see the API's power cache).
   */
  async powerByParty(from: Date, to: Date, bucketMinutes = 15): Promise<PartyPowerSeries[]> {
    const energy = sql`m.measurand = 'Energy.Active.Import.Register'`;
    const { rows } = await this.aggregate((db) =>
      sql<{ country_code: string; party_id: string; name: string | null; bucket: unknown; kw: number | null }>`
        select s.country_code, s.party_id, pa.name, b.bucket,
               (sum(coalesce(b.avg_w, case when b.e_last > b.e_first
                  then (b.e_max - b.e_min) * 3600 / extract(epoch from b.e_last - b.e_first)::float8 end)) / 1000)::float8 as kw
          from transactions t
          join stations s on s.id = t.station_id
          left join parties pa on pa.country_code = s.country_code and pa.party_id = s.party_id
          cross join lateral (
            select date_bin(${`${bucketMinutes} minutes`}::interval, m.sampled_at, timestamptz '1970-01-01 00:00:00+00') as bucket,
                   avg(m.value) filter (where m.measurand = 'Power.Active.Import' and m.unit = 'W' and m.phase is null) as avg_w,
                   max(m.value) filter (where ${energy}) as e_max,
                   min(m.value) filter (where ${energy}) as e_min,
                   max(m.sampled_at) filter (where ${energy}) as e_last,
                   min(m.sampled_at) filter (where ${energy}) as e_first
              from meter_samples m
             where m.transaction_id = t.id and m.sampled_at >= ${iso(from)} and m.sampled_at < ${iso(to)}
               and ((m.measurand = 'Power.Active.Import' and m.unit = 'W' and m.phase is null)
                 or (${energy} and m.unit = 'Wh' and m.phase is null and (m.location is null or m.location = 'Outlet')))
             group by 1
          ) b
         where (t.status = 'active' or (t.status = 'completed' and t.updated_at >= ${iso(from)}))
           and (t.started_at is null or t.started_at < ${iso(to)})
         group by 1, 2, 3, 4
         order by 1, 2, 4`.execute(db),
    );
    const series = new Map<string, PartyPowerSeries>();
    for (const r of rows) {
      const key = `${r.country_code}*${r.party_id}`;
      let s = series.get(key);
      if (!s) {
        s = { country_code: r.country_code, party_id: r.party_id, name: r.name, points: [] };
        series.set(key, s);
      }
      if (r.kw == null) continue;
      s.points.push({
        at: (r.bucket instanceof Date ? r.bucket : new Date(String(r.bucket))).toISOString(),
        kw: Math.round(Number(r.kw) * 1000) / 1000,
      });
    }
    return [...series.values()];
  }

  /** Transactions started per hour over [from, to), with their energy so far. */
  async sessionsPerHour(from: Date, to: Date): Promise<HourlySessions[]> {
    const { rows } = await sql<{ hour: number; started: number; energy_wh: number }>`
      select floor(extract(epoch from started_at) / 3600) * 3600 as hour,
             count(*)::int as started, coalesce(sum(energy_wh), 0)::float8 as energy_wh
        from transactions
       where started_at >= ${iso(from)} and started_at < ${iso(to)}
       group by 1 order by 1`.execute(this.db);
    return rows.map((r) => ({
      hour: new Date(Number(r.hour) * 1000).toISOString(),
      started: Number(r.started),
      energy_kwh: Math.round(Number(r.energy_wh)) / 1000,
    }));
  }

  /** Gateway nodes holding station connections now (stations.connected_node of online stations). */
  async gatewayNodes(): Promise<GatewayNodeConnections[]> {
    const { rows } = await sql<{ node: string; connections: number; last_seen: unknown }>`
      select connected_node as node, count(*)::int as connections, max(last_seen_at) as last_seen
        from stations
       where online and connected_node is not null
       group by connected_node order by connected_node`.execute(this.db);
    return rows.map((r) => ({ node: r.node, connections: Number(r.connections), last_seen: toIso(r.last_seen) }));
  }
}
