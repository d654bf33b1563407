/**
 * How OCPP connector numbering maps to the hub's EVSEs, the same for every version so that a
 * station upgraded from 1.6 to 2.0.1 keeps its EVSEs:
 * - 1.6 connector N (N ≥ 1) is EVSE N with one connector, connector 1 (2.0.1 part 1 §3: the 1.6
 *   "connector" is what 2.x calls an EVSE). Connector 0 is the station itself.
 * - 2.x (evseId, connectorId) are kept as given.
 */
export interface EvseRef {
  evseId: number;
  connectorId: number;
}

/** 1.6 connectorId → EVSE reference; `undefined` for connector 0 (the whole station). */
export function fromConnector16(connectorId: number): EvseRef | undefined {
  if (connectorId <= 0) return undefined;
  return { evseId: connectorId, connectorId: 1 };
}

/** EVSE reference → 1.6 connectorId. */
export function toConnector16(ref: EvseRef): number {
  return ref.evseId;
}

/**
 * The hub's EVSE uid (OCPI `uid`, CiString(36)): ours, never a hardware id, stable for the life of
 * the station row (the row id, not the identity, so renaming a station keeps its uids).
 */
export function evseUid(stationRowId: number, ocppEvseId: number): string {
  return `CB${stationRowId}-${ocppEvseId}`;
}
