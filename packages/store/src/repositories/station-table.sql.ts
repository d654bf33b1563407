/**
 * SQL fragments of the stations table and the fleet map: each station's worst status computed in
 * the database (to filter and sort every station by it), its firmware, the filter conditions and
 * the sort orders.
 */
import { connectorStatusTable, STATION_STATUS_SEVERITY } from '@chargebridge/domain';
import { type RawBuilder, sql } from 'kysely';
import type { StationFilters, StationTableSort } from './station-table.types.js';

const textList = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));
/** `array['OUTOFORDER', …]::text[]`, worst first. */
const SEVERITY = sql`array[${textList(STATION_STATUS_SEVERITY)}]::text[]`;
/** OCPI statuses an EVSE row can store that `publishedEvseStatus` takes as they are. */
const STORED_EVSE_STATUSES = STATION_STATUS_SEVERITY.filter((s) => s !== 'OFFLINE' && s !== 'UNKNOWN');
const MAPPED_CONNECTOR_STATUSES = connectorStatusTable().filter(([, evse]) => evse !== 'UNKNOWN');

/** `case <expr> when 'OUTOFORDER' then 1 … end`: a status as its (1-based) SEVERITY position. */
function severityPosition(expr: RawBuilder<unknown>): RawBuilder<number> {
  const whens = STATION_STATUS_SEVERITY.map((status, i) => sql`when ${sql.lit(status)} then ${sql.lit(i + 1)}`);
  return sql<number>`case ${expr} ${sql.join(whens, sql` `)} end`;
}

const UNKNOWN_POSITION = STATION_STATUS_SEVERITY.indexOf('UNKNOWN') + 1;

/**
 * Derived table `w(station_id, worst_pos)`: each station's worst EVSE status as its SEVERITY
 * position, by the rule of `publishedEvseStatus` for an online station — the stored OCPI status,
 * else the first connector status that maps to a known one. The two cases are separate branches
 * so that the connector lookup (rare: EVSEs that never reported) is estimated, and run, only
 * for the EVSEs that need it; one CASE with a correlated subquery per EVSE made PostgreSQL
 * estimate a cost high enough to JIT-compile the query, which cost more than the query.
 */
export function worstEvseTable(): RawBuilder<unknown> {
  const mapped = sql.join(
    MAPPED_CONNECTOR_STATUSES.map(([ocpp, evse]) => sql`when ${sql.lit(ocpp)} then ${sql.lit(evse)}`),
    sql` `,
  );
  const stored = textList(STORED_EVSE_STATUSES);
  return sql`(select x.station_id, min(x.pos) as worst_pos from (
      select e.station_id, ${severityPosition(sql`e.status`)} as pos
        from evses e where e.status in (${stored})
      union all
      select e.station_id, coalesce((
          select ${severityPosition(sql`case c.ocpp_status ${mapped} end`)} from connectors c
           where c.evse_id = e.id and c.ocpp_status in (${textList(MAPPED_CONNECTOR_STATUSES.map(([o]) => o))})
           order by c.ocpp_connector_id limit 1), ${sql.lit(UNKNOWN_POSITION)}) as pos
        from evses e where e.status not in (${stored})
    ) x group by x.station_id)`;
}

/** SQL of a station's worst status (aliases `s` and `w`). */
export const WORST_STATUS = sql<string>`case when not s.online then 'OFFLINE'
  else coalesce((${SEVERITY})[w.worst_pos], 'UNKNOWN') end`;

/** SQL of a station's worst status as its SEVERITY position, for sorting (aliases `s` and `w`). */
const WORST_RANK = sql<number>`case when not s.online then ${sql.lit(STATION_STATUS_SEVERITY.indexOf('OFFLINE') + 1)}
  else coalesce(w.worst_pos, ${sql.lit(UNKNOWN_POSITION)}) end`;

/** SQL of the station's firmware version from its last BootNotification (1.6 or 2.x shape). */
export const FIRMWARE = sql<
  string | null
>`coalesce(s.boot_info->>'firmwareVersion', s.boot_info#>>'{chargingStation,firmwareVersion}')`;

export function filterConditions(f: StationFilters, withWorst: boolean): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    out.push(sql`(s.identity ilike ${like} or l.location_id ilike ${like} or l.data->>'name' ilike ${like})`);
  }
  if (f.party) out.push(sql`s.country_code = ${f.party.countryCode} and s.party_id = ${f.party.partyId}`);
  if (f.location) out.push(sql`l.location_id = ${f.location}`);
  if (f.protocol === 'none') out.push(sql`s.protocol is null`);
  else if (f.protocol) out.push(sql`s.protocol = ${f.protocol}`);
  if (f.online !== undefined) out.push(sql`s.online = ${f.online}`);
  if (withWorst && f.statuses && f.statuses.length > 0) {
    out.push(sql`(${WORST_STATUS}) in (${sql.join(f.statuses.map((s) => sql`${s}`))})`);
  }
  return out;
}

export function orderBy(sort: StationTableSort): RawBuilder<unknown> {
  const desc = sort.startsWith('-');
  const dir = desc ? sql`desc` : sql`asc`;
  switch (sort.replace('-', '')) {
    case 'last_seen':
      return sql`s.last_seen_at ${dir} nulls last, s.identity`;
    case 'status':
      return sql`${WORST_RANK} ${dir}, s.identity`;
    case 'violations':
      return sql`s.schema_violations ${dir}, s.identity`;
    default:
      return sql`s.identity ${dir}`;
  }
}
