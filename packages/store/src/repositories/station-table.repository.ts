/**
 * The stations table and fleet map repository: pages of stations with their connectors, worst
 * status and power, map points, and the values the filter dropdowns offer.
 */
import {
  publishedEvseStatus,
  STATION_STATUS_SEVERITY,
  type StationWorstStatus,
  stationWorstStatus,
} from '@chargebridge/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.js';
import { allOf } from './ocpi-window.js';
import { FIRMWARE, filterConditions, orderBy, WORST_STATUS, worstEvseTable } from './station-table.sql.js';
import type {
  StationFilterOptions,
  StationFilters,
  StationMapPoint,
  StationTableRow,
  StationTableSort,
} from './station-table.types.js';

export * from './station-table.types.js';

interface PageRow {
  id: number;
  identity: string;
  country_code: string;
  party_id: string;
  protocol: string | null;
  online: boolean;
  last_seen_at: Date | string | null;
  schema_violations: number;
  firmware: string | null;
  location_id: string | null;
  location_name: string | null;
  time_zone: string | null;
}

const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

/**
 * The dashboard's station list and map, each answered with a few set-based queries: the page and
 * the filtered count, then the page's EVSEs and connectors and its power.
 * Worst statuses are computed in SQL only when a filter or sort needs them for every station.
 */
export class StationTableRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One page of the filtered, sorted stations table and the filtered total. */
  async page(
    filters: StationFilters,
    sort: StationTableSort,
    offset: number,
    limit: number,
  ): Promise<{ total: number; items: StationTableRow[] }> {
    const filterWorst = (filters.statuses?.length ?? 0) > 0;
    const needWorst = filterWorst || sort.endsWith('status');
    const worstJoin = (needed: boolean) =>
      needed ? sql`left join ${worstEvseTable()} w on w.station_id = s.id` : sql``;
    const where = allOf(filterConditions(filters, filterWorst));
    // The page and the count run side by side; sorted by identity (the default) the page reads
    // just its rows through the identity index.
    const [{ rows: page }, count] = await Promise.all([
      sql<PageRow>`
        select s.id, s.identity, s.country_code, s.party_id, s.protocol, s.online, s.last_seen_at,
               s.schema_violations, ${FIRMWARE} as firmware,
               l.location_id, l.data->>'name' as location_name, l.time_zone
          from stations s
          left join locations l on l.id = s.location_id
          ${worstJoin(needWorst)}
         where ${where}
         order by ${orderBy(sort)} offset ${offset} limit ${limit}`.execute(this.db),
      sql<{ total: number }>`
        select count(*) as total from stations s
          left join locations l on l.id = s.location_id
          ${worstJoin(filterWorst)}
         where ${where}`.execute(this.db),
    ]);
    const total = Number(count.rows[0]?.total ?? 0);
    if (page.length === 0) return { total, items: [] };
    const ids = page.map((r) => r.id);
    const [evses, power] = await Promise.all([this.evsesOf(ids), this.powerOf(ids)]);
    const items = page.map((r): StationTableRow => {
      const stationEvses = evses.get(r.id) ?? [];
      const evseStatuses = stationEvses.map((e) =>
        publishedEvseStatus({
          stationOnline: r.online,
          storedStatus: e.status,
          connectorStatuses: e.connectorStatuses,
        }),
      );
      const onlineStatuses = stationEvses.map((e) =>
        publishedEvseStatus({ storedStatus: e.status, connectorStatuses: e.connectorStatuses }),
      );
      const watts = power.get(r.id);
      return {
        identity: r.identity,
        country_code: r.country_code,
        party_id: r.party_id,
        location_id: r.location_id,
        location_name: r.location_name,
        time_zone: r.time_zone ?? 'UTC',
        protocol: r.protocol,
        online: r.online,
        last_seen: iso(r.last_seen_at),
        connectors: stationEvses.flatMap((e, i) =>
          e.connectors.map((c) => ({
            evse_uid: e.evseUid,
            connector_id: c.connectorId,
            status: c.status,
            evse_status: evseStatuses[i] ?? 'UNKNOWN',
          })),
        ),
        worst_status: stationWorstStatus({ online: r.online, evseStatuses: onlineStatuses }),
        firmware: r.firmware,
        schema_violations: r.schema_violations,
        power_kw: watts === undefined ? null : Math.round(watts) / 1000,
      };
    });
    return { total, items };
  }

  /** Every filtered station that has a location with coordinates, and how many have none. */
  async mapPoints(filters: StationFilters): Promise<{ items: StationMapPoint[]; unplaced: number }> {
    const { rows } = await sql<{
      identity: string;
      country_code: string;
      party_id: string;
      protocol: string | null;
      online: boolean;
      location_id: string | null;
      lat: string | null;
      lon: string | null;
      worst_status: StationWorstStatus;
    }>`
      with l as materialized (
        select id, location_id, data, data->'coordinates'->>'latitude' as lat,
               data->'coordinates'->>'longitude' as lon from locations
      )
      select s.identity, s.country_code, s.party_id, s.protocol, s.online, l.location_id, l.lat, l.lon,
             ${WORST_STATUS} as worst_status
        from stations s
        left join l on l.id = s.location_id
        left join ${worstEvseTable()} w on w.station_id = s.id
       where ${allOf(filterConditions(filters, true))}
       order by s.identity
    `.execute(this.db);
    const items: StationMapPoint[] = [];
    let unplaced = 0;
    for (const r of rows) {
      const lat = r.lat === null ? Number.NaN : Number(r.lat);
      const lon = r.lon === null ? Number.NaN : Number(r.lon);
      if (
        !r.location_id ||
        !Number.isFinite(lat) ||
        !Number.isFinite(lon) ||
        Math.abs(lat) > 90 ||
        Math.abs(lon) > 180
      ) {
        unplaced++;
        continue;
      }
      items.push({
        identity: r.identity,
        lon,
        lat,
        worst_status: r.worst_status,
        online: r.online,
        party: `${r.country_code}-${r.party_id}`,
        protocol: r.protocol,
        location_id: r.location_id,
      });
    }
    return { items, unplaced };
  }

  /** The parties, locations and protocols that stations have, for filter dropdowns. */
  async filterOptions(): Promise<StationFilterOptions> {
    const [parties, locations, protocols] = await Promise.all([
      sql<{ country_code: string; party_id: string; name: string | null }>`
        select s.country_code, s.party_id, max(p.name) as name
          from (select distinct country_code, party_id from stations) s
          left join parties p on p.country_code = s.country_code and p.party_id = s.party_id
         group by s.country_code, s.party_id order by s.country_code, s.party_id`.execute(this.db),
      sql<{ location_id: string; name: string | null; country_code: string; party_id: string }>`
        select l.location_id, l.data->>'name' as name, l.country_code, l.party_id from locations l
         where exists (select 1 from stations s where s.location_id = l.id)
         order by l.location_id, l.country_code, l.party_id`.execute(this.db),
      sql<{ protocol: string }>`
        select distinct protocol from stations where protocol is not null order by protocol`.execute(this.db),
    ]);
    return {
      parties: parties.rows.map((p) => ({ id: `${p.country_code}-${p.party_id}`, name: p.name })),
      locations: locations.rows.map((l) => ({
        id: l.location_id,
        name: l.name,
        party: `${l.country_code}-${l.party_id}`,
      })),
      protocols: protocols.rows.map((p) => p.protocol),
      statuses: [...STATION_STATUS_SEVERITY],
    };
  }

  /** EVSEs (by OCPP EVSE id) of the given stations with their connectors (by connector id). */
  private async evsesOf(stationIds: number[]) {
    const { rows } = await sql<{
      station_id: number;
      evse_uid: string;
      status: string;
      ocpi_connector_id: string | null;
      ocpp_status: string | null;
    }>`
      select e.station_id, e.evse_uid, e.status, c.ocpi_connector_id, c.ocpp_status
        from evses e left join connectors c on c.evse_id = e.id
       where e.station_id in (${sql.join(stationIds)})
       order by e.station_id, e.ocpp_evse_id, c.ocpp_connector_id`.execute(this.db);
    type Evse = {
      evseUid: string;
      status: string;
      connectorStatuses: (string | null)[];
      connectors: Array<{ connectorId: string; status: string | null }>;
    };
    const byStation = new Map<number, Evse[]>();
    let last: Evse | undefined;
    for (const r of rows) {
      if (last?.evseUid !== r.evse_uid) {
        last = { evseUid: r.evse_uid, status: r.status, connectorStatuses: [], connectors: [] };
        const list = byStation.get(r.station_id) ?? [];
        list.push(last);
        byStation.set(r.station_id, list);
      }
      if (r.ocpi_connector_id !== null) {
        last.connectorStatuses.push(r.ocpp_status);
        last.connectors.push({ connectorId: r.ocpi_connector_id, status: r.ocpp_status });
      }
    }
    return byStation;
  }

  /**
   * Watts now per station: for each active transaction its latest `Power.Active.Import` sample
   * (the total, else the sum of L1–L3), summed per station. Stations without any are absent.
   */
  private async powerOf(stationIds: number[]): Promise<Map<number, number>> {
    const { rows } = await sql<{ station_id: number; watts: number | null }>`
      select t.station_id, sum(p.watts) as watts
        from transactions t
        cross join lateral (
          select coalesce(max(m.value) filter (where m.phase is null),
                          sum(m.value) filter (where m.phase in ('L1', 'L2', 'L3')),
                          sum(m.value) filter (where m.phase in ('L1-N', 'L2-N', 'L3-N'))) as watts
            from meter_samples m
           where m.transaction_id = t.id and m.measurand = 'Power.Active.Import' and m.unit = 'W'
             and m.sampled_at = (select max(m2.sampled_at) from meter_samples m2
                                  where m2.transaction_id = t.id and m2.measurand = 'Power.Active.Import'
                                    and m2.unit = 'W')
        ) p
       where t.status = 'active' and t.station_id in (${sql.join(stationIds)}) and p.watts is not null
       group by t.station_id`.execute(this.db);
    return new Map(rows.map((r) => [r.station_id, Number(r.watts)]));
  }
}
