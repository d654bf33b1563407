import type { OcppVersion } from '@chargebridge/ocpp';
import type { Simulator } from '../../../packages/simulator/src/index.js';
import { type DashboardHub, startDashboardHub } from './dashboard-hub.js';
import { OcpiPartner } from './ocpi-partner.js';
import { seedNetwork } from './seed-network.js';
import { connectSilentStation, type SilentStation } from './silent-station.js';
import { fleetBooted, simFleet } from './sim-fleet.js';

/** Resolves once the admin API reports `identity` online (or offline). */
async function waitOnline(hub: DashboardHub, identity: string, online: boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  while ((await hub.adminOk('GET', `/stations/${identity}`)).online !== online) {
    if (Date.now() > deadline) throw new Error(`${identity} not ${online ? 'online' : 'offline'} after 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What a dashboard scenario runs against. */
export interface DashboardNetwork {
  readonly hub: DashboardHub;
  /** Simulated stations, booted, one connector each (identities `${prefix}00001`…). */
  readonly sim: Simulator;
  /** A 1.6 station that booted once and then went away: commands to it find it offline. */
  readonly offlineIdentity: string;
  /** Connected, answers no CALL (when `silent` was asked for). */
  readonly silent: SilentStation | undefined;
  /** A registered eMSP (when `partner` was asked for). */
  readonly partner: OcpiPartner | undefined;
  stop(): Promise<void>;
}

export interface NetworkOptions {
  /** Protocol of each simulated station. */
  protocols: readonly OcppVersion[];
  /** Identity prefix of the simulated stations (distinct per test file keeps logs readable). */
  prefix: string;
  silent?: boolean;
  partner?: boolean;
  /** Extra hub environment. */
  env?: Record<string, string>;
}

/**
 * The hub with the built dashboard, seeded (CPO, location with coordinates, tariff, tokens),
 * simulated stations booted, an offline station, optionally a silent station and a registered
 * OCPI partner. `stop()` tears down everything in reverse.
 */
export async function startDashboardNetwork(options: NetworkOptions): Promise<DashboardNetwork> {
  const hub = await startDashboardHub(options.env);
  let sim: Simulator | undefined;
  let goesAway: Simulator | undefined;
  let silent: SilentStation | undefined;
  let partner: OcpiPartner | undefined;
  const stop = async () => {
    await sim?.stop().catch(() => {});
    await goesAway?.stop().catch(() => {});
    await silent?.close().catch(() => {});
    await partner?.stop().catch(() => {});
    await hub.stop();
  };
  try {
    sim = simFleet(hub.ocppUrl, options.prefix, options.protocols);
    goesAway = simFleet(hub.ocppUrl, `${options.prefix}OFF`, ['1.6']);
    const offlineIdentity = goesAway.stations[0]!.identity;
    const silentIdentity = `${options.prefix}MUTE`;
    await seedNetwork(hub, [
      ...sim.stations.map((s) => s.identity),
      offlineIdentity,
      ...(options.silent ? [silentIdentity] : []),
    ]);
    if (options.partner) {
      partner = new OcpiPartner('DE', 'EMP');
      await partner.start();
      await partner.registerWith(hub);
    }
    sim.start();
    goesAway.start();
    await Promise.all([fleetBooted(sim), fleetBooted(goesAway)]);
    await goesAway.stop();
    await waitOnline(hub, offlineIdentity, false);
    for (const station of sim.stations) await waitOnline(hub, station.identity, true);
    if (options.silent) silent = await connectSilentStation(hub.ocppUrl, silentIdentity);
    return { hub, sim, offlineIdentity, silent, partner, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
