import type { OcppVersion } from '@chargebridge/ocpp';
import { type SimStation, Simulator } from '../../../packages/simulator/src/index.js';
import { TOKENS } from './seed-network.js';

/**
 * Simulated stations the tests drive by hand: they boot, report Available and heartbeat, but
 * start no sessions of their own (`charging: false`). They answer the hub's calls (remote
 * start/stop …) as real stations would; a remote-started session runs with a meter sample every
 * second until it is stopped remotely.
 */
export function simFleet(ocppUrl: string, idPrefix: string, protocols: readonly OcppVersion[]): Simulator {
  return new Simulator({
    url: ocppUrl,
    stations: protocols.length,
    connectors: 1,
    idPrefix,
    protocol: protocols,
    rampPerSecond: 0,
    charging: false,
    sessionSeconds: [3600, 3600],
    idleSeconds: [3600, 3600],
    meterIntervalSeconds: 1,
    suspendProbability: 0,
    tokens: TOKENS,
    callTimeoutMs: 10_000,
    reconnectBaseMs: 200,
    reconnectMaxMs: 2_000,
  });
}

/** Connector statuses a test can report, in the 1.6 spelling (2.x maps Preparing… to Occupied). */
export type ReportedStatus = 'Available' | 'Faulted' | 'Unavailable' | 'Occupied';

/**
 * Sends a StatusNotification for connector / EVSE 1 of `station` right now and resolves with
 * `Date.now()` at the moment the hub answered it — the start of every "within N s" measurement.
 */
export async function reportStatus(station: SimStation, status: ReportedStatus): Promise<number> {
  const connection = station.connection;
  if (connection === undefined || !station.online) throw new Error(`${station.identity} is not online`);
  const timestamp = new Date().toISOString();
  const payload =
    station.version === '1.6'
      ? {
          connectorId: 1,
          errorCode: status === 'Faulted' ? 'GroundFailure' : 'NoError',
          status: status === 'Occupied' ? 'Preparing' : status,
          timestamp,
        }
      : { timestamp, connectorStatus: status, evseId: 1, connectorId: 1 };
  await connection.call('StatusNotification', payload);
  return Date.now();
}

/** Resolves once every station of the fleet is booted (Accepted). */
export async function fleetBooted(sim: Simulator, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (sim.stats.booted < sim.stations.length) {
    if (Date.now() > deadline) throw new Error(`only ${sim.stats.booted}/${sim.stations.length} stations booted`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
