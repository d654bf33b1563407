/**
 * Done-when 1 and 2 of issue 3: an independent strict OCPP client (ocpp-rpc) connects as a 1.6, a
 * 2.0.1 and a 2.1 station to the same endpoint, boots, reports status, authorizes and runs a
 * full transaction with meter values; the store holds one correct transaction each, energy in Wh.
 */
import { repositories } from '@chargebridge/store';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { aStation, aToken, seedParty, startGateway } from './helpers/gateway-harness.js';
import { ocppStation, type StationVersion } from './helpers/ocpp-station.js';

let db: TestDatabase;
let gw: Awaited<ReturnType<typeof startGateway>>;
const clients: RPCClient[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedParty(db.store);
  await aToken(db.store, 'CARD0001');
  gw = await startGateway(db.store, db.url);
});

afterAll(async () => {
  for (const c of clients) await c.close({ force: true }).catch(() => {});
  await gw?.gateway.close();
  await db?.drop();
});

async function connect(identity: string, version: StationVersion, password = 'correct-horse-1') {
  await aStation(db.store, { identity, password });
  const client = ocppStation({ url: gw.url, identity, version, password });
  clients.push(client);
  await client.connect();
  return client;
}

const at = (minute: number) => new Date(Date.UTC(2025, 0, 10, 10, minute)).toISOString();

async function transactionsOf(identity: string) {
  const repos = repositories(db.store.db);
  const station = await repos.stations.findByIdentity(identity);
  return db.store.db.selectFrom('transactions').selectAll().where('station_id', '=', station!.id).execute();
}

describe('OCPP 1.6J station (strict ocpp-rpc client)', () => {
  it('boots, reports status, authorizes and runs a full transaction with meter values', async () => {
    const cs = await connect('CS16-A', '1.6');
    const boot = await cs.call('BootNotification', { chargePointVendor: 'ACME', chargePointModel: 'Wallbox' });
    expect(boot).toMatchObject({ status: 'Accepted', interval: 300 });
    await cs.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
    expect(await cs.call('Authorize', { idTag: 'CARD0001' })).toEqual({ idTagInfo: { status: 'Accepted' } });
    expect(await cs.call('Authorize', { idTag: 'NOPE' })).toEqual({ idTagInfo: { status: 'Invalid' } });
    const start = { connectorId: 1, idTag: 'CARD0001', meterStart: 1000, timestamp: at(0) };
    const started = (await cs.call('StartTransaction', start)) as {
      transactionId: number;
      idTagInfo: { status: string };
    };
    expect(started.idTagInfo.status).toBe('Accepted');
    // A retried StartTransaction (same business key) gets the same transactionId.
    expect(((await cs.call('StartTransaction', start)) as { transactionId: number }).transactionId).toBe(
      started.transactionId,
    );
    await cs.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
    await cs.call('MeterValues', {
      connectorId: 1,
      transactionId: started.transactionId,
      meterValue: [
        {
          timestamp: at(5),
          sampledValue: [
            { value: '1.75', unit: 'kWh' },
            { value: '7.2', measurand: 'Power.Active.Import', unit: 'kW' },
          ],
        },
      ],
    });
    await cs.call('StopTransaction', {
      transactionId: started.transactionId,
      meterStop: 4500,
      timestamp: at(30),
      reason: 'EVDisconnected',
      transactionData: [{ timestamp: at(30), sampledValue: [{ value: '4500' }] }],
    });
    expect(await cs.call('Heartbeat', {})).toHaveProperty('currentTime');

    const txs = await transactionsOf('CS16-A');
    expect(txs).toHaveLength(1);
    expect(txs[0]).toMatchObject({
      transaction_uid: String(started.transactionId),
      status: 'completed',
      meter_start_wh: 1000,
      meter_stop_wh: 4500,
      energy_wh: 3500,
      stop_reason: 'EVDisconnected',
      id_token: 'CARD0001',
      ocpp_evse_id: 1,
    });
    const samples = await repositories(db.store.db).meterSamples.listForTransaction(txs[0]!.id);
    expect(samples.map((s) => [s.measurand, s.unit, s.value])).toEqual([
      ['Energy.Active.Import.Register', 'Wh', 1750],
      ['Power.Active.Import', 'W', 7200],
      ['Energy.Active.Import.Register', 'Wh', 4500],
    ]);
    const station = await repositories(db.store.db).stations.findByIdentity('CS16-A');
    expect(station).toMatchObject({ protocol: '1.6', online: true, connected_node: 'test-node' });
    expect(station!.boot_info).toMatchObject({ chargePointVendor: 'ACME' });
    const evses = await repositories(db.store.db).stations.listEvses(station!.id);
    expect(evses.map((e) => [e.ocpp_evse_id, e.status])).toEqual([[1, 'CHARGING']]);
    // Every frame in and out is in the raw frame log (flushed with the batches).
    await expect
      .poll(async () => (await repositories(db.store.db).frames.listForStation('CS16-A', 100)).length)
      .toBeGreaterThanOrEqual(20);
  });

  it('links MeterValues without a transactionId to the active transaction of their connector, and only while it runs', async () => {
    const cs = await connect('CS16-C', '1.6');
    await cs.call('BootNotification', { chargePointVendor: 'ACME', chargePointModel: 'Wallbox' });
    const mv = (value: string, minute: number) => ({
      connectorId: 2,
      meterValue: [{ timestamp: at(minute), sampledValue: [{ value }] }],
    });
    await cs.call('MeterValues', mv('100', 0)); // before the start: no transaction
    const start = { connectorId: 2, idTag: 'CARD0001', meterStart: 100, timestamp: at(1) };
    const { transactionId } = (await cs.call('StartTransaction', start)) as { transactionId: number };
    await cs.call('MeterValues', mv('600', 2));
    await cs.call('MeterValues', mv('900', 3));
    // Energy follows the samples while the transaction runs (refreshed once per batch).
    expect((await transactionsOf('CS16-C'))[0]).toMatchObject({ status: 'active', energy_wh: 800 });
    await cs.call('StopTransaction', { transactionId, meterStop: 1000, timestamp: at(4) });
    await cs.call('MeterValues', mv('1000', 5)); // after the stop: no transaction again

    const [tx] = await transactionsOf('CS16-C');
    expect(tx).toMatchObject({ status: 'completed', energy_wh: 900 });
    const samples = await db.store.db
      .selectFrom('meter_samples')
      .select(['transaction_id', 'value'])
      .where('station_id', '=', tx!.station_id)
      .orderBy('sampled_at')
      .execute();
    expect(samples).toEqual([
      { transaction_id: null, value: 100 },
      { transaction_id: tx!.id, value: 600 },
      { transaction_id: tx!.id, value: 900 },
      { transaction_id: null, value: 1000 },
    ]);
  });

  it('answers a valid but unhandled action NotImplemented and records it', async () => {
    const cs = await connect('CS201-U', '2.0.1');
    await expect(cs.call('NotifyDisplayMessages', { requestId: 7 })).rejects.toMatchObject({
      rpcErrorCode: 'NotImplemented',
    });
    const station = await repositories(db.store.db).stations.findByIdentity('CS201-U');
    const events = await repositories(db.store.db).stationActivity.listEvents(station!.id, 'Unhandled');
    expect(events.map((e) => (e.payload as { action: string }).action)).toEqual(['NotifyDisplayMessages']);
  });
});

describe.each(['2.0.1', '2.1'] as const)('OCPP %s station (strict ocpp-rpc client)', (version) => {
  const identity = `CS${version.replace(/\./g, '')}-A`;

  it('boots, reports status, authorizes and runs a full transaction with meter values', async () => {
    const cs = await connect(identity, version);
    expect(
      await cs.call('BootNotification', {
        reason: 'PowerUp',
        chargingStation: { model: 'Wallbox', vendorName: 'ACME' },
      }),
    ).toMatchObject({ status: 'Accepted' });
    await cs.call('StatusNotification', { timestamp: at(0), connectorStatus: 'Available', evseId: 1, connectorId: 1 });
    expect(await cs.call('Authorize', { idToken: { idToken: 'CARD0001', type: 'ISO14443' } })).toEqual({
      idTokenInfo: { status: 'Accepted' },
    });
    expect(await cs.call('Authorize', { idToken: { idToken: 'NOPE', type: 'ISO14443' } })).toEqual({
      idTokenInfo: { status: 'Unknown' },
    });
    const tx = { transactionId: `TX-${version}` };
    const energy = (wh: number, ts: string, context = 'Sample.Periodic') => [
      { timestamp: ts, sampledValue: [{ value: wh, context, unitOfMeasure: { unit: 'Wh' } }] },
    ];
    const started = await cs.call('TransactionEvent', {
      eventType: 'Started',
      timestamp: at(0),
      triggerReason: 'Authorized',
      seqNo: 0,
      transactionInfo: { ...tx, chargingState: 'EVConnected' },
      evse: { id: 1, connectorId: 1 },
      idToken: { idToken: 'CARD0001', type: 'ISO14443' },
      meterValue: energy(20_000, at(0), 'Transaction.Begin'),
    });
    expect(started).toEqual({ idTokenInfo: { status: 'Accepted' } });
    await cs.call('StatusNotification', { timestamp: at(1), connectorStatus: 'Occupied', evseId: 1, connectorId: 1 });
    await cs.call('TransactionEvent', {
      eventType: 'Updated',
      timestamp: at(10),
      triggerReason: 'MeterValuePeriodic',
      seqNo: 1,
      transactionInfo: { ...tx, chargingState: 'Charging' },
      meterValue: [
        { timestamp: at(10), sampledValue: [{ value: 2.5, unitOfMeasure: { unit: 'kWh', multiplier: 1 } }] },
      ],
    });
    await cs.call('TransactionEvent', {
      eventType: 'Ended',
      timestamp: at(20),
      triggerReason: 'EVDeparted',
      seqNo: 2,
      transactionInfo: { ...tx, chargingState: 'Idle', stoppedReason: 'EVDisconnected' },
      meterValue: energy(31_500, at(20), 'Transaction.End'),
    });
    await cs.call('MeterValues', { evseId: 0, meterValue: energy(99_000, at(21)) });
    expect(await cs.call('Heartbeat', {})).toHaveProperty('currentTime');

    const txs = await transactionsOf(identity);
    expect(txs).toHaveLength(1);
    expect(txs[0]).toMatchObject({
      transaction_uid: tx.transactionId,
      protocol: version,
      status: 'completed',
      energy_wh: 11_500,
      stop_reason: 'EVDisconnected',
      id_token: 'CARD0001',
      charging_state: 'Idle',
      last_seq_no: 2,
      seq_gaps: [],
    });
    const station = await repositories(db.store.db).stations.findByIdentity(identity);
    expect(station).toMatchObject({ protocol: version, online: true });
  });

  it('accepts an offline replay with duplicates and out-of-order events: one transaction, right energy', async () => {
    const cs = await connect(`${identity}-R`, version);
    const tx = { transactionId: `OFF-${version}` };
    const ev = (seqNo: number, eventType: string, minute: number, wh: number) => ({
      eventType,
      timestamp: at(minute),
      triggerReason:
        eventType === 'Started' ? 'CablePluggedIn' : eventType === 'Ended' ? 'EVDeparted' : 'MeterValuePeriodic',
      seqNo,
      offline: true,
      transactionInfo: { ...tx, ...(eventType === 'Ended' ? { stoppedReason: 'Local' } : {}) },
      evse: { id: 1, connectorId: 1 },
      meterValue: [{ timestamp: at(minute), sampledValue: [{ value: wh }] }],
    });
    // Replayed late and out of order, each event twice; seqNo 3 never arrives.
    for (const e of [
      ev(1, 'Updated', 5, 1500),
      ev(0, 'Started', 0, 1000),
      ev(1, 'Updated', 5, 1500),
      ev(4, 'Ended', 30, 6000),
      ev(2, 'Updated', 10, 2500),
      ev(0, 'Started', 0, 1000),
      ev(4, 'Ended', 30, 6000),
    ]) {
      expect(await cs.call('TransactionEvent', e)).toEqual({});
    }
    const txs = await transactionsOf(`${identity}-R`);
    expect(txs).toHaveLength(1);
    expect(txs[0]).toMatchObject({
      status: 'completed',
      energy_wh: 5000,
      offline: true,
      last_seq_no: 4,
      seq_gaps: [3],
    });
    expect(txs[0]!.started_at?.toISOString()).toBe(at(0));
    const events = await db.store.db
      .selectFrom('transaction_events')
      .select('seq_no')
      .where('transaction_id', '=', txs[0]!.id)
      .execute();
    expect(events).toHaveLength(4);
  });
});

describe('1.6 offline replay', () => {
  it('a replayed Start/MeterValues/Stop sequence yields one transaction with the right energy', async () => {
    const cs = await connect('CS16-R', '1.6');
    const start = { connectorId: 2, idTag: 'CARD0001', meterStart: 500, timestamp: at(0) };
    const first = (await cs.call('StartTransaction', start)) as { transactionId: number };
    const mv = {
      connectorId: 2,
      transactionId: first.transactionId,
      meterValue: [{ timestamp: at(5), sampledValue: [{ value: '900' }] }],
    };
    const stop = {
      transactionId: first.transactionId,
      meterStop: 1700,
      timestamp: at(9),
      transactionData: [{ timestamp: at(9), sampledValue: [{ value: '1700' }] }],
    };
    for (let i = 0; i < 2; i++) {
      expect(((await cs.call('StartTransaction', start)) as { transactionId: number }).transactionId).toBe(
        first.transactionId,
      );
      await cs.call('MeterValues', mv);
      await cs.call('StopTransaction', stop);
    }
    const txs = await transactionsOf('CS16-R');
    expect(txs).toHaveLength(1);
    expect(txs[0]).toMatchObject({ energy_wh: 1200, status: 'completed', ocpp_evse_id: 2 });
    const samples = await repositories(db.store.db).meterSamples.listForTransaction(txs[0]!.id);
    expect(samples).toHaveLength(2);
  });
});
