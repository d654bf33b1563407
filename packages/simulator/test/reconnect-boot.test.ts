import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../test/support/free-port.js';
import { Simulator } from '../src/index.js';
import { startTinyCsms, type TinyCsms } from './helpers/tiny-csms.js';
import { waitFor } from './helpers/wait-for.js';

describe('reconnect and boot', () => {
  let csms: TinyCsms | undefined;
  let sim: Simulator | undefined;

  afterEach(async () => {
    await sim?.stop();
    await csms?.close();
    sim = undefined;
    csms = undefined;
  });

  it('retries with growing, jittered delays while nothing listens, then connects and boots', async () => {
    const port = await freePort();
    sim = new Simulator({
      url: `ws://127.0.0.1:${port}/ocpp`,
      stations: 1,
      idPrefix: 'BKO',
      rampPerSecond: 0,
      charging: false,
      reconnectBaseMs: 40,
      reconnectMaxMs: 320,
    });
    const attempts: number[] = [];
    const station = sim.stations[0]!;
    const start = station.start.bind(station);
    station.start = () => {
      attempts.push(performance.now());
      start();
    };
    sim.start();
    await waitFor(() => attempts.length >= 6, 5_000, 'six connection attempts');
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!);
    // base · 2^n with ±50 % jitter: 40, 80, 160, 320 (cap) …
    expect(gaps[0]).toBeGreaterThanOrEqual(15);
    expect(gaps[0]).toBeLessThan(200);
    expect(gaps[3]! + gaps[4]!).toBeGreaterThan(gaps[0]! + gaps[1]!);
    expect(Math.max(...gaps)).toBeLessThan(320 + 200);
    expect(sim.stats.connectFailures).toBeGreaterThanOrEqual(6);
    csms = await startTinyCsms(port);
    await waitFor(() => sim!.stats.booted === 1, 3_000, 'the boot');
  });

  it('reconnects after the CSMS drops the socket, and boots again', async () => {
    csms = await startTinyCsms();
    sim = new Simulator({
      url: csms.url,
      stations: 2,
      idPrefix: 'DRP',
      rampPerSecond: 0,
      charging: false,
      reconnectBaseMs: 50,
    });
    sim.start();
    await waitFor(() => sim!.stats.booted === 2);
    csms.dropAll();
    await waitFor(() => sim!.stats.bootsAccepted === 4, 3_000, 'two boots each');
    expect(sim.stats.disconnects).toBe(2);
    expect(sim.stats.connected).toBe(2);
  });

  it('honours Pending and Rejected: waits the interval, sends nothing else, then boots', async () => {
    csms = await startTinyCsms();
    sim = new Simulator({ url: csms.url, stations: 2, protocol: ['1.6', '2.1'], idPrefix: 'PND', rampPerSecond: 0 });
    const [a, b] = sim.stations.map((s) => s.identity) as [string, string];
    csms.bootScript.set(a, [{ status: 'Pending', interval: 1 }]);
    csms.bootScript.set(b, [{ status: 'Rejected', interval: 1 }]);
    sim.start();
    await waitFor(() => sim!.stats.acked.get('StatusNotification') === 4, 4_000, 'both accepted');
    for (const identity of [a, b]) {
      const got = csms.received.filter((r) => r.identity === identity).map((r) => r.action);
      expect(got.slice(0, 3)).toEqual(['BootNotification', 'BootNotification', 'StatusNotification']);
    }
    expect(sim.stats.bootsPending).toBe(1);
    expect(sim.stats.bootsRejected).toBe(1);
  });
});
