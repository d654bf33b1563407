import type { JsonObject } from '@chargebridge/ocpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Simulator } from '../src/index.js';
import { startTinyCsms, type TinyCsms } from './helpers/tiny-csms.js';
import { waitFor } from './helpers/wait-for.js';

describe('offline periods queue transaction messages and replay them in order', () => {
  let csms: TinyCsms;
  let sim: Simulator;

  beforeAll(async () => {
    csms = await startTinyCsms();
    sim = new Simulator({
      url: csms.url,
      stations: 2,
      connectors: 1,
      protocol: ['1.6', '2.0.1'],
      idPrefix: 'OFF',
      rampPerSecond: 0,
      idleSeconds: [0, 0],
      sessionSeconds: [2.5, 2.5],
      meterIntervalSeconds: 0.1,
      suspendProbability: 0,
    });
    sim.start();
    // Both sessions are running (and acknowledged) before the link goes down.
    await waitFor(
      () => sim.stats.acked.get('StartTransaction') === 1 && (sim.stats.acked.get('TransactionEvent') ?? 0) >= 2,
    );
    for (const station of sim.stations) station.drop(700);
    await waitFor(
      () =>
        csms.received.some((r) => r.action === 'StopTransaction') &&
        csms.received.some((r) => r.payload.eventType === 'Ended') &&
        // The CSMS has the last message before its answer reaches the station's outbox.
        sim.queuedTransactionMessages() === 0,
      8_000,
      'both sessions to end and every queued message to be acknowledged',
    );
  });

  afterAll(async () => {
    await sim.stop();
    await csms.close();
  });

  it('queued messages while offline and replayed all of them after the second boot', () => {
    expect(sim.stats.queuedOffline).toBeGreaterThan(4);
    expect(sim.stats.replayed).toBe(sim.stats.queuedOffline);
    expect(sim.queuedTransactionMessages()).toBe(0);
    for (const station of sim.stations) {
      const boots = csms.received.filter((r) => r.identity === station.identity && r.action === 'BootNotification');
      expect(boots.map((b) => b.connection)).toEqual([0, 1]);
    }
  });

  it('2.0.1: seqNo has no gap and no reordering; events from the offline period say offline: true', () => {
    const station = sim.stations.find((s) => s.version === '2.0.1')!;
    const events = csms.received.filter((r) => r.identity === station.identity && r.action === 'TransactionEvent');
    expect(events.map((e) => e.payload.seqNo)).toEqual(events.map((_, i) => i));
    const replayed = events.filter((e) => e.connection === 1 && e.payload.offline === true);
    expect(replayed.length).toBeGreaterThan(2);
    // Offline events come first on the new connection, before anything that happened after it.
    const onSecond = events.filter((e) => e.connection === 1);
    const firstOnline = onSecond.findIndex((e) => e.payload.offline !== true);
    if (firstOnline >= 0) expect(onSecond.slice(firstOnline).every((e) => e.payload.offline !== true)).toBe(true);
    const times = events.map((e) => Date.parse(e.payload.timestamp as string));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('1.6: MeterValues in timestamp order with the transactionId, then StopTransaction with transactionData', () => {
    const station = sim.stations.find((s) => s.version === '1.6')!;
    const got = csms.received.filter((r) => r.identity === station.identity);
    const start = got.find((r) => r.action === 'StartTransaction')!;
    const meters = got.filter((r) => r.action === 'MeterValues');
    const times = meters.map((m) => Date.parse((m.payload.meterValue as JsonObject[])[0]!.timestamp as string));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(meters.filter((m) => m.connection === 1).length).toBeGreaterThan(2);
    const stop = got.find((r) => r.action === 'StopTransaction')!;
    expect(got.indexOf(stop)).toBeGreaterThan(got.indexOf(meters.at(-1)!));
    expect(stop.payload.transactionId).toBeTypeOf('number');
    expect(meters.every((m) => m.payload.transactionId === stop.payload.transactionId)).toBe(true);
    expect((stop.payload.transactionData as JsonObject[]).length).toBeGreaterThan(1);
    expect(start.connection).toBe(0);
  });
});
