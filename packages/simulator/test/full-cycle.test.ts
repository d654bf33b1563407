import type { JsonObject } from '@chargebridge/ocpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Simulator } from '../src/index.js';
import { actionsOf, type Received, startTinyCsms, type TinyCsms } from './helpers/tiny-csms.js';
import { waitFor } from './helpers/wait-for.js';

const MEASURANDS = ['Energy.Active.Import.Register', 'Power.Active.Import', 'Current.Import', 'SoC'];

describe('a station of each version completes a full charging cycle', () => {
  let csms: TinyCsms;
  let sim: Simulator;

  beforeAll(async () => {
    csms = await startTinyCsms();
    sim = new Simulator({
      url: csms.url,
      stations: 3,
      connectors: 1,
      protocol: 'mix',
      idPrefix: 'CYC',
      rampPerSecond: 0,
      idleSeconds: [0.05, 0.1],
      sessionSeconds: [1.2, 1.2],
      meterIntervalSeconds: 0.15,
      suspendProbability: 1,
      password: 'secret-password-1',
    });
    sim.start();
    // Every station has ended at least one session and reported its connector free again.
    await waitFor(
      () =>
        sim.stations.every((s) => {
          const actions = csms.received.filter((r) => r.identity === s.identity);
          const stop = actions.findIndex((r) => isStop(r));
          return stop >= 0 && actions.slice(stop).some((r) => statusOf(r) === 'Available');
        }),
      8_000,
      'a full cycle on every station',
    );
  });

  afterAll(async () => {
    await sim.stop();
    await csms.close();
  });

  it('sends only schema-valid messages and gets no CALLERROR', () => {
    expect(csms.received.length).toBeGreaterThan(20);
    expect(csms.received.filter((r) => !r.valid)).toEqual([]);
    expect(sim.stats.callErrors).toBe(0);
    expect(sim.summary().protocols).toEqual({ '1.6': 1, '2.0.1': 1, '2.1': 1 });
  });

  it('sends basic-auth credentials of identity:password', () => {
    const identity = sim.stations[0]!.identity;
    const expected = `Basic ${Buffer.from(`${identity}:secret-password-1`).toString('base64')}`;
    expect(csms.authorization.get(identity)).toBe(expected);
  });

  it('1.6: Boot, Preparing, Authorize, StartTransaction, MeterValues, SuspendedEV, Stop, Finishing, Available', () => {
    const station = sim.stations.find((s) => s.version === '1.6')!;
    const got = csms.received.filter((r) => r.identity === station.identity);
    const seq = got.map((r) => (r.action === 'StatusNotification' ? `Status:${statusOf(r)}` : r.action));
    expect(seq[0]).toBe('BootNotification');
    expect(seq[1]).toBe('Status:Available');
    inOrder(seq, [
      'Status:Preparing',
      'Authorize',
      'StartTransaction',
      'Status:Charging',
      'MeterValues',
      'Status:SuspendedEV',
      'Status:Charging',
      'StopTransaction',
      'Status:Finishing',
      'Status:Available',
    ]);
    const meter = got.find((r) => r.action === 'MeterValues' && r.payload.transactionId !== undefined)!;
    const values = (meter.payload.meterValue as JsonObject[])[0]!.sampledValue as JsonObject[];
    expect(values.map((v) => v.measurand)).toEqual(MEASURANDS);
    const start = got.find((r) => r.action === 'StartTransaction')!;
    const stop = got.find((r) => r.action === 'StopTransaction')!;
    expect(stop.payload.transactionId).toBe(meter.payload.transactionId);
    expect(stop.payload.meterStop as number).toBeGreaterThanOrEqual(start.payload.meterStart as number);
  });

  for (const version of ['2.0.1', '2.1'] as const) {
    it(`${version}: Occupied, Authorize, TransactionEvent Started/Updated/Ended with seqNo 0,1,2…`, () => {
      const station = sim.stations.find((s) => s.version === version)!;
      const got = csms.received.filter((r) => r.identity === station.identity);
      const seq = got.map((r) =>
        r.action === 'StatusNotification'
          ? `Status:${statusOf(r)}`
          : r.action === 'TransactionEvent'
            ? `TE:${r.payload.eventType}:${r.payload.triggerReason}`
            : r.action,
      );
      expect(seq[0]).toBe('BootNotification');
      inOrder(seq, [
        'Status:Occupied',
        'Authorize',
        'TE:Started:Authorized',
        'TE:Updated:MeterValuePeriodic',
        'TE:Updated:ChargingStateChanged',
        'TE:Ended:StopAuthorized',
        'Status:Available',
      ]);
      const firstTx = got.find((r) => r.action === 'TransactionEvent')!;
      const txId = (firstTx.payload.transactionInfo as JsonObject).transactionId;
      const events = got.filter(
        (r) => r.action === 'TransactionEvent' && (r.payload.transactionInfo as JsonObject).transactionId === txId,
      );
      expect(events.map((e) => e.payload.seqNo)).toEqual(events.map((_, i) => i));
      const states = events.map((e) => (e.payload.transactionInfo as JsonObject).chargingState);
      expect(states).toContain('SuspendedEV');
      const updated = events.find((e) => e.payload.triggerReason === 'MeterValuePeriodic')!;
      const values = (updated.payload.meterValue as JsonObject[])[0]!.sampledValue as JsonObject[];
      expect(values.map((v) => v.measurand)).toEqual(MEASURANDS);
      expect(actionsOf(csms, station.identity)).not.toContain('StartTransaction');
    });
  }
});

function isStop(r: Received): boolean {
  return r.action === 'StopTransaction' || (r.action === 'TransactionEvent' && r.payload.eventType === 'Ended');
}

function statusOf(r: Received): unknown {
  return r.action === 'StatusNotification' ? (r.payload.status ?? r.payload.connectorStatus) : undefined;
}

/** `expected` occurs in `seq` as a subsequence. */
function inOrder(seq: string[], expected: string[]): void {
  let i = 0;
  for (const item of seq) if (item === expected[i]) i++;
  expect({ matched: expected.slice(0, i), next: expected[i], seq }).toMatchObject({ matched: expected });
}
