/** OCPI 2.2.1 EVSE status values the hub publishes (OCPI 2.2.1 mod_locations §8.4.22). */
export type EvseStatus =
  | 'AVAILABLE'
  | 'BLOCKED'
  | 'CHARGING'
  | 'INOPERATIVE'
  | 'OUTOFORDER'
  | 'PLANNED'
  | 'REMOVED'
  | 'RESERVED'
  | 'UNKNOWN';

/**
 * OCPP connector status (1.6 ChargePointStatus or 2.x ConnectorStatusEnumType) → OCPI EVSE status,
 * the table in docs/architecture.md "Status mapping". The one place this mapping lives.
 * Unknown values (lenient stations) map to UNKNOWN rather than guessing.
 */
const STATUS_TO_EVSE: Readonly<Record<string, EvseStatus>> = {
  Available: 'AVAILABLE',
  // 1.6: every phase of a session occupies the connector.
  Preparing: 'CHARGING',
  Charging: 'CHARGING',
  SuspendedEV: 'CHARGING',
  SuspendedEVSE: 'CHARGING',
  Finishing: 'CHARGING',
  // 2.0.1 / 2.1
  Occupied: 'CHARGING',
  Reserved: 'RESERVED',
  Unavailable: 'INOPERATIVE',
  Faulted: 'OUTOFORDER',
};

/** Maps an OCPP connector status to the OCPI EVSE status; `online: false` always gives UNKNOWN. */
export function toEvseStatus(ocppStatus: string | null | undefined, online = true): EvseStatus {
  if (!online || ocppStatus == null) return 'UNKNOWN';
  return STATUS_TO_EVSE[ocppStatus] ?? 'UNKNOWN';
}
