import { type EvseStatus, toEvseStatus } from './connector-status.mapping.js';

/** What colours a station on the dashboard: its worst EVSE status, or OFFLINE. */
export type StationWorstStatus = EvseStatus | 'OFFLINE';

/**
 * Every station status from worst to best. A station shows the first of these that any of its
 * EVSEs has; an offline station is OFFLINE whatever its EVSEs last said. The order matches the
 * dashboard's `statusLook().rank` (faults, then unusable, then unknown/offline, then busy, then free).
 */
export const STATION_STATUS_SEVERITY: readonly StationWorstStatus[] = [
  'OUTOFORDER',
  'INOPERATIVE',
  'BLOCKED',
  'OFFLINE',
  'UNKNOWN',
  'RESERVED',
  'CHARGING',
  'PLANNED',
  'REMOVED',
  'AVAILABLE',
];

/** The OCPP connector statuses of every version that map to an OCPI status other than UNKNOWN. */
export const KNOWN_CONNECTOR_STATUSES: readonly string[] = [
  'Available',
  'Preparing',
  'Charging',
  'SuspendedEV',
  'SuspendedEVSE',
  'Finishing',
  'Occupied',
  'Reserved',
  'Unavailable',
  'Faulted',
];

/** OCPP connector status → OCPI EVSE status for every known connector status (for SQL CASEs). */
export function connectorStatusTable(): Array<[ocpp: string, evse: EvseStatus]> {
  return KNOWN_CONNECTOR_STATUSES.map((s) => [s, toEvseStatus(s)]);
}

/**
 * The worst of a station's published EVSE statuses (see `publishedEvseStatus`); OFFLINE when the
 * station is offline, UNKNOWN when it has no EVSE.
 */
export function stationWorstStatus(input: { online: boolean; evseStatuses: readonly string[] }): StationWorstStatus {
  if (!input.online) return 'OFFLINE';
  let worst = STATION_STATUS_SEVERITY.length;
  for (const status of input.evseStatuses) {
    const rank = STATION_STATUS_SEVERITY.indexOf(status as StationWorstStatus);
    worst = Math.min(worst, rank === -1 ? STATION_STATUS_SEVERITY.indexOf('UNKNOWN') : rank);
  }
  return STATION_STATUS_SEVERITY[worst] ?? 'UNKNOWN';
}
