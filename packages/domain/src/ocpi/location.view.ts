import { type EvseStatus, toEvseStatus } from '../connector-status.mapping.js';

/**
 * The OCPI Location view: a stored location plus the EVSEs and connectors of the stations linked
 * to it (stations.location_id) → an OCPI 2.2.1 Location with `evses` (mod_locations §Location,
 * §EVSE, §Connector). The one place this mapping lives; the API, the pushes and the benchmark
 * all go through it. Pure: rows in, JSON-ready object out.
 *
 * `last_updated` (mod_locations §Location: "the timestamp when this Location or one of its EVSEs
 * or Connectors were last updated"): the effective value is the greatest of the location's own
 * and each EVSE's; an EVSE's is the greatest of its own and its connectors'. The store keeps the
 * same rule in triggers (migration 0003) so paging by `date_from` sees EVSE changes.
 */

/** A connector row as the store reads it (times as epoch ms, ISO strings or Dates). */
export interface ConnectorViewInput {
  ocpi_connector_id: string;
  standard: string;
  format: string;
  power_type: string;
  max_voltage: number;
  max_amperage: number;
  max_electric_power: number | null;
  tariff_ids: string[] | null;
  ocpp_status: string | null;
  last_updated: string | number | Date;
}

/** An EVSE row with its connectors. `data` holds optional OCPI EVSE fields kept verbatim. */
export interface EvseViewInput {
  evse_uid: string;
  evse_id: string | null;
  status: string;
  /** Whether the station holding this EVSE is connected; `false` makes the EVSE UNKNOWN. */
  station_online?: boolean;
  data: Record<string, unknown> | null;
  last_updated: string | number | Date;
  connectors: ConnectorViewInput[];
}

/** A location row: `data` is the OCPI Location as stored by the admin API, without `evses`. */
export interface LocationViewInput {
  country_code: string;
  party_id: string;
  location_id: string;
  data: Record<string, unknown>;
  time_zone: string;
  publish: boolean;
  last_updated: string | number | Date;
  evses: EvseViewInput[];
}

const OCPI_EVSE_STATUSES: ReadonlySet<string> = new Set<EvseStatus>([
  'AVAILABLE',
  'BLOCKED',
  'CHARGING',
  'INOPERATIVE',
  'OUTOFORDER',
  'PLANNED',
  'REMOVED',
  'RESERVED',
  'UNKNOWN',
]);

/** EVSE fields stored in `evses.data` that the view may copy (mod_locations §EVSE). */
const EVSE_OPTIONAL_FIELDS = [
  'status_schedule',
  'capabilities',
  'floor_level',
  'coordinates',
  'physical_reference',
  'directions',
  'parking_restrictions',
  'images',
] as const;

function millis(value: string | number | Date): number {
  if (typeof value === 'number') return value;
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

/** OCPI DateTime (UTC, `Z`) of a time given as ISO text or Date. */
function ocpiTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** OCPI Connector of a connector row. */
export function toOcpiConnector(c: ConnectorViewInput): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: c.ocpi_connector_id,
    standard: c.standard,
    format: c.format,
    power_type: c.power_type,
    max_voltage: c.max_voltage,
    max_amperage: c.max_amperage,
  };
  if (c.max_electric_power != null) out.max_electric_power = c.max_electric_power;
  if (c.tariff_ids && c.tariff_ids.length > 0) out.tariff_ids = c.tariff_ids;
  out.last_updated = ocpiTime(millis(c.last_updated));
  return out;
}

/**
 * The OCPI status an EVSE publishes (architecture.md "Status mapping"): UNKNOWN while its station
 * is offline; else the OCPI status the gateway stored; else the first connector status that maps
 * to something other than UNKNOWN. The one rule for the Locations view and the EVSE PATCH pushes.
 */
export function publishedEvseStatus(input: {
  stationOnline?: boolean;
  storedStatus: string;
  connectorStatuses: readonly (string | null)[];
}): EvseStatus {
  if (input.stationOnline === false) return 'UNKNOWN';
  if (OCPI_EVSE_STATUSES.has(input.storedStatus) && input.storedStatus !== 'UNKNOWN') {
    return input.storedStatus as EvseStatus;
  }
  for (const status of input.connectorStatuses) {
    const mapped = toEvseStatus(status);
    if (mapped !== 'UNKNOWN') return mapped;
  }
  return 'UNKNOWN';
}

function evseStatus(e: EvseViewInput): string {
  return publishedEvseStatus({
    stationOnline: e.station_online,
    storedStatus: e.status,
    connectorStatuses: e.connectors.map((c) => c.ocpp_status),
  });
}

/** OCPI EVSE of an EVSE row, `last_updated` raised to its newest connector. */
export function toOcpiEvse(e: EvseViewInput): Record<string, unknown> {
  let last = millis(e.last_updated);
  for (const c of e.connectors) last = Math.max(last, millis(c.last_updated));
  const out: Record<string, unknown> = { uid: e.evse_uid };
  if (e.evse_id) out.evse_id = e.evse_id;
  out.status = evseStatus(e);
  const data = e.data ?? {};
  for (const field of EVSE_OPTIONAL_FIELDS) if (data[field] !== undefined) out[field] = data[field];
  out.connectors = e.connectors.map(toOcpiConnector);
  out.last_updated = ocpiTime(last);
  return out;
}

/** The OCPI Location of a location row and its EVSE rows. */
export function toOcpiLocation(l: LocationViewInput): Record<string, unknown> {
  const evses = l.evses.map(toOcpiEvse);
  let last = millis(l.last_updated);
  for (const e of evses) last = Math.max(last, Date.parse(e.last_updated as string));
  const { evses: _ignored, last_updated: _stored, ...rest } = l.data;
  return {
    ...rest,
    country_code: l.country_code,
    party_id: l.party_id,
    id: l.location_id,
    publish: l.publish,
    time_zone: l.time_zone,
    ...(evses.length > 0 ? { evses } : {}),
    last_updated: ocpiTime(last),
  };
}
