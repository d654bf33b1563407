/**
 * The public shapes of the stations table and the fleet map: the filters and sort orders they
 * take, and the rows, points and filter options they answer with.
 */
import type { StationWorstStatus } from '@chargebridge/domain';

/** Filters shared by the stations table and the fleet map (all optional, all ANDed). */
export interface StationFilters {
  /** Case-insensitive substring of the identity, the location id or the location name. */
  q?: string;
  /** Hosting party. */
  party?: { countryCode: string; partyId: string };
  /** OCPI location id (`locations.location_id`). */
  location?: string;
  /** OCPP version the station last spoke; `none` for stations that never connected. */
  protocol?: string;
  /** Worst statuses to keep (see `stationWorstStatus`), e.g. `['OUTOFORDER', 'OFFLINE']`. */
  statuses?: readonly string[];
  online?: boolean;
}

/** Orders of the stations table; `-` in front reverses. `status` is worst first. */
export const STATION_TABLE_SORTS = [
  'identity',
  '-identity',
  'last_seen',
  '-last_seen',
  'status',
  '-status',
  'violations',
  '-violations',
] as const;
export type StationTableSort = (typeof STATION_TABLE_SORTS)[number];

/** One connector of a table row: its OCPP status and its EVSE's published status. */
export interface StationTableConnector {
  evse_uid: string;
  connector_id: string;
  status: string | null;
  evse_status: string;
}

/** One row of the stations table. */
export interface StationTableRow {
  identity: string;
  country_code: string;
  party_id: string;
  location_id: string | null;
  location_name: string | null;
  time_zone: string;
  protocol: string | null;
  online: boolean;
  last_seen: string | null;
  connectors: StationTableConnector[];
  worst_status: StationWorstStatus;
  firmware: string | null;
  schema_violations: number;
  /** Sum of the latest active power of its active transactions, kW; null when none reports any. */
  power_kw: number | null;
}

/** One station on the fleet map. */
export interface StationMapPoint {
  identity: string;
  lon: number;
  lat: number;
  worst_status: StationWorstStatus;
  online: boolean;
  party: string;
  protocol: string | null;
  location_id: string;
}

/** What the filter dropdowns can offer: only values some station has. */
export interface StationFilterOptions {
  parties: Array<{ id: string; name: string | null }>;
  locations: Array<{ id: string; name: string | null; party: string }>;
  protocols: string[];
  statuses: StationWorstStatus[];
}
