import type { SimConnector } from './sim-connector.js';
import type { SimStation } from './sim-station.js';

/**
 * What a station does when the CSMS asks, in version-neutral terms; the per-version call handlers
 * translate requests and answers. Effects run a few ms after the answer, as on a real station
 * (the CALLRESULT goes out before the StatusNotification it causes).
 */
const AFTER_ANSWER_MS = 5;

function later(station: SimStation, fn: () => void, ms = AFTER_ANSWER_MS): void {
  station.scheduler.after(ms, fn);
}

/** Connector `id`, or `undefined` when out of range (0 = the station itself is not a connector). */
export function connectorById(station: SimStation, id: number | undefined): SimConnector | undefined {
  return id === undefined ? undefined : station.connectors[id - 1];
}

/** Remote start: on `connectorId` if given, else the first free connector. Returns whether accepted. */
export function remoteStart(
  station: SimStation,
  connectorId: number | undefined,
  idTag: string,
  remoteStartId?: number,
): boolean {
  const connector =
    connectorId === undefined ? station.connectors.find((c) => c.canStart(idTag)) : connectorById(station, connectorId);
  if (connector === undefined || !connector.canStart(idTag)) return false;
  // AuthorizeRemoteTxRequests / AuthorizeRemoteStart true: authorize like a local start.
  const remote = { remoteStartId, authorize: station.config.authorizeRemote };
  later(station, () => void connector.plugIn(idTag, remote));
  return true;
}

/** Remote stop of the session with `transactionId`. Returns whether it was found. */
export function remoteStop(station: SimStation, transactionId: string | number): boolean {
  const connector = station.connectors.find(
    (c) => c.session !== undefined && String(c.session.transactionId) === String(transactionId),
  );
  if (connector === undefined) return false;
  later(station, () => connector.stop('Remote'));
  return true;
}

/** Reset: stop sessions (StopTransaction before the reboot, 1.6 §5.14), then reconnect and boot. */
export function reset(station: SimStation, hard: boolean): void {
  later(station, () => {
    for (const connector of station.connectors) {
      connector.stop(hard ? 'HardReset' : 'SoftReset');
      connector.halt();
    }
    // Give the stop messages a moment to go out; whatever is left is replayed after the boot.
    later(station, () => station.restart(500 + Math.random() * 1000), 500);
  });
}

/** ChangeAvailability for one connector or (id 0 / undefined) all. */
export function changeAvailability(
  station: SimStation,
  connectorId: number | undefined,
  operative: boolean,
): 'Accepted' | 'Rejected' | 'Scheduled' {
  const targets =
    connectorId === undefined || connectorId === 0 ? station.connectors : [connectorById(station, connectorId)];
  if (targets.some((c) => c === undefined)) return 'Rejected';
  let scheduled = false;
  for (const connector of targets as SimConnector[]) {
    connector.operative = operative;
    // A running session finishes first; the connector turns Unavailable when it is unplugged.
    if (connector.session !== undefined) {
      scheduled = true;
      continue;
    }
    const target = operative ? 'Available' : 'Unavailable';
    if (connector.state !== target && connector.state !== 'Finishing' && connector.state !== 'Preparing') {
      later(station, () => {
        connector.halt();
        connector.setState(target);
        if (operative) connector.startCycle();
      });
    }
  }
  return scheduled ? 'Scheduled' : 'Accepted';
}

/** Messages a TriggerMessage can ask for, in version-neutral terms. */
export type TriggerKind = 'BootNotification' | 'Heartbeat' | 'StatusNotification' | 'MeterValues';

/** TriggerMessage: sends the requested message after the answer. */
export function trigger(station: SimStation, kind: TriggerKind, connectorId: number | undefined): boolean {
  const connectors =
    connectorId === undefined || connectorId === 0 ? station.connectors : [connectorById(station, connectorId)];
  if (connectors.some((c) => c === undefined)) return false;
  later(station, () => {
    if (kind === 'BootNotification') station.triggerBoot();
    else if (kind === 'Heartbeat') station.enqueue(station.adapter.heartbeat());
    else
      for (const c of connectors as SimConnector[]) kind === 'StatusNotification' ? c.reportStatus() : c.reportMeter();
  });
  return true;
}

/** GetBaseReport: the report follows the answer (B07: NotifyReport after GetBaseReportResponse). */
export function baseReport(station: SimStation, requestId: number): void {
  later(station, () => station.sendReport(requestId));
}

/** UnlockConnector: ends a session on it (1.6 §5.19, 2.0.1 F05), then the cable is free. */
export function unlock(station: SimStation, connectorId: number): boolean {
  const connector = connectorById(station, connectorId);
  if (connector === undefined) return false;
  if (connector.session !== undefined) later(station, () => connector.stop('Unlock'));
  return true;
}

/** ReserveNow. */
export function reserve(
  station: SimStation,
  connectorId: number | undefined,
  reservationId: number,
  idTag: string,
  expiresAt: Date,
): 'Accepted' | 'Occupied' | 'Unavailable' | 'Rejected' {
  const connector =
    connectorId === undefined || connectorId === 0
      ? station.connectors.find((c) => c.state === 'Available' && c.operative)
      : connectorById(station, connectorId);
  if (connector === undefined) return connectorId === undefined || connectorId === 0 ? 'Occupied' : 'Rejected';
  if (!connector.operative) return 'Unavailable';
  if (connector.state !== 'Available' && connector.reservation?.id !== reservationId) return 'Occupied';
  connector.reservation = { id: reservationId, idTag, expiresAt: expiresAt.getTime() };
  later(station, () => connector.setState('Reserved'));
  later(
    station,
    () => {
      if (connector.reservation?.id === reservationId && connector.state === 'Reserved') {
        connector.reservation = undefined;
        connector.setState('Available');
      }
    },
    Math.max(AFTER_ANSWER_MS + 1, expiresAt.getTime() - Date.now()),
  );
  return 'Accepted';
}

/** CancelReservation. Returns whether the reservation existed. */
export function cancelReservation(station: SimStation, reservationId: number): boolean {
  const connector = station.connectors.find((c) => c.reservation?.id === reservationId);
  if (connector === undefined) return false;
  connector.reservation = undefined;
  if (connector.state === 'Reserved') later(station, () => connector.setState('Available'));
  return true;
}

/**
 * SetChargingProfile / ClearChargingProfile: applies the first period's limit (A or W) as a power
 * cap, or clears it. A simplification: schedules over time are not followed.
 */
export function applyChargingLimit(
  station: SimStation,
  connectorId: number | undefined,
  limit: { value: number; unit: 'A' | 'W' } | undefined,
): void {
  const watts = limit === undefined ? undefined : limit.unit === 'W' ? limit.value : limit.value * 230 * 3;
  const targets =
    connectorId === undefined || connectorId === 0 ? station.connectors : [connectorById(station, connectorId)];
  for (const connector of targets) connector?.meter.setLimit(watts);
}
