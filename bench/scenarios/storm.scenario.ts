import type { SimulationSummary } from '@chargebridge/simulator';
import { startFleet } from '../support/fleet-process.js';
import { until } from '../support/processes.js';
import { commandFor, n, type Scenario, sleep } from './scenario.js';

/**
 * 3. Reconnect storm: N charging stations, every connection dropped at once (SIGUSR2 → the
 * simulator terminates its sockets and reconnects within 1 s, booting again); measures the time
 * until every station is booted again, then stops, drains, and counts transactions in the
 * database against what the simulator had acknowledged.
 */
export const stormScenario: Scenario = {
  name: 'storm',
  async run(hub, flags) {
    const stations = flags.stations ?? 10_000;
    const fleet = startFleet(hub.ocppUrl, stations, [
      '--protocol',
      'mix',
      '--connectors',
      '1',
      '--ramp',
      String(flags.ramp ?? 1_000),
      '--session',
      '10-40',
      '--idle',
      '1-10',
      '--meter-interval',
      '5',
      '--heartbeat-interval',
      '120',
      '--reconnect-base-ms',
      '1000',
      '--drop-within-ms',
      '1000',
      '--drain',
      '60',
    ]);
    await hub.provision(fleet.identities);
    await until(() => fleet.progress().booted >= stations, stations * 2 + 60_000, 'all booted');
    await sleep((flags.durationS ?? 20) * 1000);
    const before = fleet.progress().bootsAccepted;
    const dropAt = Date.now();
    fleet.dropAll();
    let stormS = Number.NaN;
    let failure = '';
    try {
      await until(
        () => {
          const p = fleet.progress();
          return p.bootsAccepted >= before + stations && p.booted >= stations;
        },
        300_000,
        'every station booted again',
      );
      stormS = (Date.now() - dropAt) / 1000;
    } catch (err) {
      failure = (err as Error).message;
    }
    await sleep(10_000);
    const summaries = await fleet.stop();
    const sum = (pick: (s: Partial<SimulationSummary>) => number | undefined) =>
      summaries.reduce((acc, s) => acc + (pick(s as Partial<SimulationSummary>) || 0), 0);
    const started = sum((s) => s.transactions?.started);
    const stopped = sum((s) => s.transactions?.stopped);
    const stillQueued = sum((s) => s.transactions?.stillQueued);
    const rejected = sum((s) => s.errors?.transactionMessagesRejected);
    const [row] = await hub.query<{ total: string; ended: string }>(
      `select count(*) as total, count(*) filter (where stopped_at is not null) as ended from transactions`,
    );
    const dbTotal = Number(row?.total ?? 0);
    const dbEnded = Number(row?.ended ?? 0);
    const lost = started - dbTotal + (stopped - dbEnded);
    const met = stations >= 10_000 && stormS <= 30 && lost === 0 && stillQueued === 0;
    return {
      scenario: 'storm',
      label: '3. reconnect storm',
      target: `${n(10_000)} stations dropped at once: all booted in ≤ 30 s, no transaction message lost`,
      result: `${n(stations)} stations re-booted in ${Number.isNaN(stormS) ? '—' : `${stormS.toFixed(1)} s`}; transactions ${n(dbTotal)}/${n(started)} in DB, stops ${n(dbEnded)}/${n(stopped)}`,
      met,
      command: commandFor('storm', flags),
      note:
        `Stations reconnect within 1 s of the drop (uniform spread) and send BootNotification again; ` +
        `transaction messages queued meanwhile are replayed after the boot. Still queued at the end: ${stillQueued}; ` +
        `refused with a CALLERROR: ${rejected}. ${failure}`,
      details: { stations, stormS, started, stopped, dbTotal, dbEnded, stillQueued, rejected, summaries },
    };
  },
};
