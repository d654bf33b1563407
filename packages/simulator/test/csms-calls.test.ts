import type { JsonObject, RpcConnection } from '@chargebridge/ocpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Simulator } from '../src/index.js';
import { startTinyCsms, type TinyCsms } from './helpers/tiny-csms.js';
import { waitFor } from './helpers/wait-for.js';

describe('CSMS-initiated calls', () => {
  let csms: TinyCsms;
  let sim: Simulator;
  const conn = (version: string): RpcConnection =>
    csms.connection(sim.stations.find((s) => s.version === version)!.identity)!;
  const identityOf = (version: string) => sim.stations.find((s) => s.version === version)!.identity;
  const sent = (version: string, action: string) =>
    csms.received.filter((r) => r.identity === identityOf(version) && r.action === action);

  beforeAll(async () => {
    csms = await startTinyCsms();
    sim = new Simulator({
      url: csms.url,
      stations: 3,
      connectors: 2,
      protocol: 'mix',
      idPrefix: 'CMD',
      rampPerSecond: 0,
      // No local sessions during the test: every session here is a remote start.
      idleSeconds: [600, 600],
      sessionSeconds: [600, 600],
      meterIntervalSeconds: 0.2,
    });
    sim.start();
    await waitFor(() => sim.stats.booted === 3 && sim.stats.acked.get('StatusNotification') === 6);
  });

  afterAll(async () => {
    await sim.stop();
    await csms.close();
  });

  it('1.6 RemoteStartTransaction starts a session; RemoteStopTransaction ends it', async () => {
    expect(await conn('1.6').call('RemoteStartTransaction', { connectorId: 2, idTag: 'REMOTE1' })).toEqual({
      status: 'Accepted',
    });
    await waitFor(() => sent('1.6', 'StartTransaction').length === 1 && sent('1.6', 'MeterValues').length >= 2);
    const start = sent('1.6', 'StartTransaction')[0]!;
    expect(start.payload).toMatchObject({ connectorId: 2, idTag: 'REMOTE1' });
    expect(sent('1.6', 'Authorize')).toHaveLength(0);
    const transactionId = sim.stations.find((s) => s.version === '1.6')!.connectors[1]!.session!.transactionId;
    expect(await conn('1.6').call('RemoteStopTransaction', { transactionId })).toEqual({ status: 'Accepted' });
    expect(await conn('1.6').call('RemoteStopTransaction', { transactionId: 999_999 })).toEqual({ status: 'Rejected' });
    await waitFor(() => sent('1.6', 'StopTransaction').length === 1);
    expect(sent('1.6', 'StopTransaction')[0]!.payload).toMatchObject({ transactionId, reason: 'Remote' });
  });

  for (const version of ['2.0.1', '2.1']) {
    it(`${version} RequestStartTransaction starts with RemoteStart and the remoteStartId`, async () => {
      const res = await conn(version).call('RequestStartTransaction', {
        idToken: { idToken: 'REMOTE2', type: 'ISO14443' },
        remoteStartId: 42,
        evseId: 1,
      });
      expect(res).toMatchObject({ status: 'Accepted' });
      await waitFor(() => sent(version, 'TransactionEvent').length >= 2);
      const started = sent(version, 'TransactionEvent')[0]!.payload;
      expect(started).toMatchObject({
        eventType: 'Started',
        triggerReason: 'RemoteStart',
        transactionInfo: { remoteStartId: 42 },
      });
      const transactionId = (started.transactionInfo as JsonObject).transactionId;
      expect(await conn(version).call('RequestStopTransaction', { transactionId })).toEqual({ status: 'Accepted' });
      await waitFor(() => sent(version, 'TransactionEvent').some((e) => e.payload.eventType === 'Ended'));
      const ended = sent(version, 'TransactionEvent').find((e) => e.payload.eventType === 'Ended')!.payload;
      expect(ended).toMatchObject({ triggerReason: 'RemoteStop', transactionInfo: { stoppedReason: 'Remote' } });
    });
  }

  it('1.6 configuration: GetConfiguration, ChangeConfiguration of HeartbeatInterval', async () => {
    const res = await conn('1.6').call<JsonObject>('GetConfiguration', { key: ['HeartbeatInterval', 'Nope'] });
    expect(res).toEqual({
      configurationKey: [{ key: 'HeartbeatInterval', value: '300', readonly: false }],
      unknownKey: ['Nope'],
    });
    expect(await conn('1.6').call('ChangeConfiguration', { key: 'HeartbeatInterval', value: '1' })).toEqual({
      status: 'Accepted',
    });
    expect(await conn('1.6').call('ChangeConfiguration', { key: 'NumberOfConnectors', value: '3' })).toEqual({
      status: 'Rejected',
    });
    await waitFor(() => sent('1.6', 'Heartbeat').length >= 1, 3_000, 'a heartbeat at the new interval');
  });

  it('2.0.1 device model: GetVariables and SetVariables', async () => {
    const component = { name: 'OCPPCommCtrlr' };
    const variable = { name: 'HeartbeatInterval' };
    const set = await conn('2.0.1').call<JsonObject>('SetVariables', {
      setVariableData: [{ component, variable, attributeValue: '120' }],
    });
    expect(set.setVariableResult).toEqual([{ attributeStatus: 'Accepted', component, variable }]);
    const get = await conn('2.0.1').call<JsonObject>('GetVariables', {
      getVariableData: [
        { component, variable },
        { component: { name: 'Foo' }, variable: { name: 'Bar' } },
      ],
    });
    expect(get.getVariableResult).toEqual([
      { attributeStatus: 'Accepted', component, variable, attributeValue: '120' },
      { attributeStatus: 'UnknownVariable', component: { name: 'Foo' }, variable: { name: 'Bar' } },
    ]);
  });

  it('TriggerMessage, ChangeAvailability, ReserveNow / CancelReservation, charging profiles, DataTransfer', async () => {
    const c = conn('2.1');
    const before = sent('2.1', 'StatusNotification').length;
    expect(await c.call('TriggerMessage', { requestedMessage: 'StatusNotification', evse: { id: 2 } })).toEqual({
      status: 'Accepted',
    });
    await waitFor(() => sent('2.1', 'StatusNotification').length === before + 1);
    expect(await c.call('ChangeAvailability', { operationalStatus: 'Inoperative', evse: { id: 2 } })).toEqual({
      status: 'Accepted',
    });
    await waitFor(() => sent('2.1', 'StatusNotification').at(-1)!.payload.connectorStatus === 'Unavailable');
    const expiryDateTime = new Date(Date.now() + 60_000).toISOString();
    const idToken = { idToken: 'RES1', type: 'ISO14443' };
    expect(await c.call('ReserveNow', { id: 7, expiryDateTime, idToken, evseId: 2 })).toEqual({
      status: 'Unavailable',
    });
    const statusesBefore = sent('1.6', 'StatusNotification').length;
    expect(
      await conn('1.6').call('ReserveNow', {
        connectorId: 1,
        expiryDate: expiryDateTime,
        idTag: 'R',
        reservationId: 8,
      }),
    ).toEqual({ status: 'Accepted' });
    // Any status sent since the reservation (the station's own cycle may report another one after it).
    await waitFor(() =>
      sent('1.6', 'StatusNotification')
        .slice(statusesBefore)
        .some((m) => m.payload.status === 'Reserved'),
    );
    expect(await conn('1.6').call('CancelReservation', { reservationId: 8 })).toEqual({ status: 'Accepted' });
    expect(await conn('1.6').call('CancelReservation', { reservationId: 8 })).toEqual({ status: 'Rejected' });
    const profile = {
      chargingProfileId: 1,
      stackLevel: 0,
      chargingProfilePurpose: 'TxDefaultProfile',
      chargingProfileKind: 'Absolute',
      chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }] },
    };
    expect(await conn('1.6').call('SetChargingProfile', { connectorId: 0, csChargingProfiles: profile })).toEqual({
      status: 'Accepted',
    });
    expect(await conn('1.6').call('ClearChargingProfile', {})).toEqual({ status: 'Accepted' });
    expect(await conn('2.0.1').call('DataTransfer', { vendorId: 'x' })).toMatchObject({ status: 'Accepted' });
    expect(await conn('2.0.1').call('UnlockConnector', { evseId: 1, connectorId: 1 })).toEqual({ status: 'Unlocked' });
  });

  it('Reset: the station reconnects and boots again with reason RemoteReset', async () => {
    const identity = identityOf('2.0.1');
    expect(await conn('2.0.1').call('Reset', { type: 'Immediate' })).toEqual({ status: 'Accepted' });
    await waitFor(
      () => csms.received.filter((r) => r.identity === identity && r.action === 'BootNotification').length === 2,
    );
    const boot = csms.received.filter((r) => r.identity === identity && r.action === 'BootNotification')[1]!;
    expect(boot.payload.reason).toBe('RemoteReset');
    expect(boot.connection).toBe(1);
  });
});
