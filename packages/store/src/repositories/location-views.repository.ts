import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../database.js';
import {
  allOf,
  cursorText,
  type OcpiPageResult,
  type OcpiWindow,
  partyTuples,
  windowConditions,
} from './ocpi-window.js';

/** A connector as stored, inside {@link LocationViewRow.evses}. Times are ISO strings. */
export interface ConnectorViewRow {
  ocpi_connector_id: string;
  standard: string;
  format: string;
  power_type: string;
  max_voltage: number;
  max_amperage: number;
  max_electric_power: number | null;
  tariff_ids: string[];
  ocpp_status: string | null;
  last_updated: number;
}

/** An EVSE as stored, with its connectors. */
export interface EvseViewRow {
  evse_uid: string;
  evse_id: string | null;
  status: string;
  station_online: boolean;
  data: Record<string, unknown>;
  last_updated: number;
  connectors: ConnectorViewRow[];
}

/** A location row with every EVSE of the stations linked to it: the input of the OCPI view. */
export interface LocationViewRow {
  id: number;
  country_code: string;
  party_id: string;
  location_id: string;
  data: Record<string, unknown>;
  time_zone: string;
  publish: boolean;
  last_updated: Date;
  cursor_ts: string;
  evses: EvseViewRow[];
}

/**
 * The version of one location's rendered view, without the view: enough to tell whether a
 * rendering cached earlier is still current (see {@link LocationViewsRepository.pageVersions}).
 */
export interface LocationVersionRow {
  id: number;
  /** Opaque: changes whenever anything the OCPI view of this location reads changes. */
  version: string;
  cursor_ts: string;
}

/**
 * SQL of a location's version (alias `l`): the row versions (`xmin` — every update of a row gives
 * it a new one) of the location and of its EVSEs, counted (deletes) and summed, plus how many of
 * the EVSEs' stations are online (a flip also rewrites the EVSE rows: touchEvsesOnOnlineChange). Connectors are left out on purpose (probing them doubled the cost,
 * docs/benchmarks.md scenario 4): every connector write also rewrites its EVSE row — the gateway
 * sets the EVSE's status/`last_updated` with it, and the 0003 trigger raises the EVSE's
 * `last_updated` on a connector change (unless the EVSE's is already later).
 */
function locationVersion(): RawBuilder<string> {
  return sql<string>`concat_ws(':', l.xmin, (
      select concat_ws(':', count(*), sum(e.xmin::text::bigint), count(*) filter (where s.online))
        from stations s join evses e on e.station_id = s.id
       where s.location_id = l.id))`;
}

/**
 * Reads locations together with their EVSEs and connectors in ONE query per page: the EVSE tree
 * is aggregated to JSON inside PostgreSQL (a lateral subquery per location on the
 * `stations_location` / `evses_station` / connectors (evse_id, …) indexes), so a page of 1,000
 * locations is one round trip, not 1 + N.
 */
export class LocationViewsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** One page of the locations of `parties`, window and order per {@link OcpiWindow}. */
  async page(
    parties: readonly { country_code: string; party_id: string }[],
    window: OcpiWindow,
  ): Promise<OcpiPageResult<LocationViewRow>> {
    const scope = sql`(l.country_code, l.party_id) in ${partyTuples(parties)}`;
    const keyset = window.after !== undefined;
    const where = allOf([scope, ...windowConditions('l', window, keyset)]);
    const countWhere = allOf([scope, ...windowConditions('l', window, false)]);
    const [rows, count] = await Promise.all([
      this.select(where, window.limit, keyset ? 0 : window.offset),
      sql<{ n: number }>`select count(*)::int as n from locations l where ${countWhere}`.execute(this.db),
    ]);
    const last = rows.at(-1);
    return {
      items: rows,
      total: count.rows[0]?.n ?? 0,
      last: last ? { lastUpdated: last.cursor_ts, id: last.id } : undefined,
    };
  }

  /**
   * The same page as {@link page}, but only each location's id, keyset position and version —
   * no EVSE JSON — so a caller holding rendered locations re-reads ({@link findByIds}) only the
   * changed ones. The version is built from the row versions (`xmin`) of the location and its
   * EVSEs plus the stations' `online` flags (see locationVersion): `last_updated` alone is not enough
   * (an upserted location may keep or lower it; a trigger skips raising it when it is already in
   * the future; a writer whose transaction started earlier may commit later), and `online` makes
   * EVSEs UNKNOWN (architecture.md status table). Heartbeats (`stations.last_seen_at`) do not
   * change it.
   */
  async pageVersions(
    parties: readonly { country_code: string; party_id: string }[],
    window: OcpiWindow,
  ): Promise<OcpiPageResult<LocationVersionRow>> {
    const scope = sql`(l.country_code, l.party_id) in ${partyTuples(parties)}`;
    const keyset = window.after !== undefined;
    const where = allOf([scope, ...windowConditions('l', window, keyset)]);
    const countWhere = allOf([scope, ...windowConditions('l', window, false)]);
    const [rows, count] = await Promise.all([
      // Ids sorted narrow first, then versions for the page only (as in select()): in one
      // level, PostgreSQL computed the version of every location in the window before the limit.
      sql<LocationVersionRow>`
        with ids as (
          select l.id from locations l
           where ${where}
           order by l.last_updated, l.id
           limit ${window.limit} offset ${keyset ? 0 : window.offset}
        )
        select l.id, ${cursorText('l.last_updated')} as cursor_ts, ${locationVersion()} as version
          from ids join locations l on l.id = ids.id
         order by l.last_updated, l.id`.execute(this.db),
      sql<{ n: number }>`select count(*)::int as n from locations l where ${countWhere}`.execute(this.db),
    ]);
    const last = rows.rows.at(-1);
    return {
      items: rows.rows,
      total: count.rows[0]?.n ?? 0,
      last: last ? { lastUpdated: last.cursor_ts, id: last.id } : undefined,
    };
  }

  /** Locations by surrogate id with their EVSEs (the changed ones of a {@link pageVersions} page). */
  async findByIds(ids: readonly number[]): Promise<LocationViewRow[]> {
    if (ids.length === 0) return [];
    return this.select(sql`l.id = any(${ids}::bigint[])`, ids.length, 0);
  }

  /** A location (by OCPI id) with its EVSEs, if it belongs to one of `parties`; the oldest first. */
  async find(
    parties: readonly { country_code: string; party_id: string }[],
    locationId: string,
  ): Promise<LocationViewRow | undefined> {
    const where = sql`(l.country_code, l.party_id) in ${partyTuples(parties)} and l.location_id = ${locationId}`;
    const rows = await this.select(where, 1, 0);
    return rows[0];
  }

  /** The location with surrogate id `id` with its EVSEs (pushes). */
  async findById(id: number): Promise<LocationViewRow | undefined> {
    const rows = await this.select(sql`l.id = ${id}`, 1, 0);
    return rows[0];
  }

  private async select(where: RawBuilder<unknown>, limit: number, offset: number): Promise<LocationViewRow[]> {
    // One round trip per page. Measured (docs/benchmarks.md, scenario 4): a set-based plan with
    // hash joins over CTEs made PostgreSQL mis-estimate the EVSE tree (200 rows for 10,000), hash
    // all 100,000 connectors and spill sorts to disk (~700 ms per page of 1,000 locations).
    // Instead: the page's ids are sorted narrow (not whole rows), and each location's EVSEs and
    // each EVSE's connectors are aggregated by correlated subqueries on the `stations_location`,
    // `evses_station` and connectors (evse_id, ocpp_connector_id) indexes — 11,000 index probes.
    // Times inside the JSON travel as epoch milliseconds: cheaper to build, parse and map than text.
    const result = await sql<LocationViewRow>`
      with ids as (
        select l.id from locations l
         where ${where}
         order by l.last_updated, l.id
         limit ${limit} offset ${offset}
      ),
      page as (
        select l.id, l.country_code, l.party_id, l.location_id, l.data, l.time_zone, l.publish,
               l.last_updated, ${cursorText('l.last_updated')} as cursor_ts
          from ids join locations l on l.id = ids.id
      )
      select page.*, coalesce((
          select json_agg(json_build_object(
                   'evse_uid', e.evse_uid, 'evse_id', e.evse_id, 'status', e.status, 'station_online', s.online,
                   'data', e.data,
                   'last_updated', (extract(epoch from e.last_updated) * 1000)::bigint,
                   'connectors', coalesce((
                     select json_agg(json_build_object(
                              'ocpi_connector_id', c.ocpi_connector_id, 'standard', c.standard, 'format', c.format,
                              'power_type', c.power_type, 'max_voltage', c.max_voltage, 'max_amperage', c.max_amperage,
                              'max_electric_power', c.max_electric_power, 'tariff_ids', c.tariff_ids,
                              'ocpp_status', c.ocpp_status,
                              'last_updated', (extract(epoch from c.last_updated) * 1000)::bigint)
                            order by c.ocpp_connector_id)
                       from connectors c where c.evse_id = e.id), '[]'::json))
                 order by e.evse_uid)
            from stations s join evses e on e.station_id = s.id
           where s.location_id = page.id), '[]'::json) as evses
        from page
       order by page.last_updated, page.id`.execute(this.db);
    return result.rows;
  }
}
