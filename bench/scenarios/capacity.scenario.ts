import { startFleet } from '../support/fleet-process.js';
import { rssBytes, until } from '../support/processes.js';
import { commandFor, n, type Scenario, sleep } from './scenario.js';

/**
 * 1. Capacity: ramp to N idle stations on one gateway process (boot, status, heartbeats flowing)
 * and measure the gateway's resident memory per connection: (RSS loaded − RSS idle) / connections.
 */
export const capacityScenario: Scenario = {
  name: 'capacity',
  async run(hub, flags) {
    const stations = flags.stations ?? 50_000;
    const ramp = flags.ramp ?? 1_000;
    const settleS = flags.durationS ?? 30;
    const gatewayPid = hub.gateway.pid!;
    const idleRss = rssBytes(gatewayPid);
    const fleet = startFleet(hub.ocppUrl, stations, [
      '--idle-only',
      '--connectors',
      '2',
      '--ramp',
      String(Math.ceil(ramp / Math.ceil(stations / 15_000))),
      '--heartbeat-interval',
      '30',
      '--reconnect-base-ms',
      '2000',
    ]);
    await hub.provision(fleet.identities);
    const started = Date.now();
    let reason = '';
    try {
      await until(() => fleet.progress().booted >= stations, stations * 2 + 60_000, 'all stations booted');
    } catch (err) {
      reason = (err as Error).message;
    }
    const rampS = (Date.now() - started) / 1000;
    // Heartbeats keep flowing while we settle; sample RSS at the end.
    const before = fleet.progress();
    await sleep(settleS * 1000);
    const after = fleet.progress();
    const loadedRss = rssBytes(gatewayPid);
    const connected = after.connected;
    const summaries = await fleet.stop();
    const perConnection = connected > 0 ? (loadedRss - idleRss) / connected : Number.NaN;
    const kB = perConnection / 1024;
    const met = connected >= 50_000 && kB <= 10;
    return {
      scenario: 'capacity',
      label: '1. capacity',
      target: '50,000 idle stations on one gateway, ≤ 10 kB per connection',
      result: `${n(connected)} connected (of ${n(stations)}), ${kB.toFixed(1)} kB/connection, ramp ${rampS.toFixed(0)} s`,
      met,
      command: commandFor('capacity', flags),
      note:
        `Gateway RSS ${(idleRss / 2 ** 20).toFixed(0)} MiB idle → ${(loadedRss / 2 ** 20).toFixed(0)} MiB with ` +
        `${n(connected)} connections; ${n((after.acked - before.acked) / settleS)} messages/s acknowledged while idle ` +
        `(heartbeats every 30 s). ${reason}`,
      details: { stations, connected, idleRss, loadedRss, bytesPerConnection: perConnection, rampS, summaries },
    };
  },
};
