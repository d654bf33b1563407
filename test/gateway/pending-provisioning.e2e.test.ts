/**
 * interfaces.md `registration_status: Pending`: the hub answers the boot Pending, provisions the
 * station (reads its configuration or device model, writes the hub's settings), accepts it and
 * asks it to boot again — against the hub as `startHub` composes it (PostgreSQL + BullMQ on
 * Redis) and independent ocpp-rpc stations in strict mode (they validate every CALL we send).
 */
import { STATION_HEARTBEAT_INTERVAL_S, STATION_METER_INTERVAL_S } from '@chargebridge/domain';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Simulator } from '../../packages/simulator/src/index.js';
import { seedHostedSite } from '../bridge/hosted-site.js';
import { type AdminCall, startTestHub, type TestHub } from '../support/test-hub.js';
import { ocppStation } from './helpers/ocpp-station.js';
import { stationEvents } from './helpers/station-events.js';

type Json = Record<string, unknown>;

let hub: TestHub;
let admin: AdminCall;
const clients: RPCClient[] = [];

beforeAll(async () => {
  hub = await startTestHub({
    nodeId: 'provisioning-node',
    adminToken: 'provisioning-admin-token-0123456789',
    env: { OCPP_CALL_TIMEOUT_MS: '2000', OCPP_AUTO_REGISTER: 'true' },
  });
  admin = hub.admin;
  await seedHostedSite(admin, { party: 'CPO', site: 'Site' });
}, 60_000);

afterAll(async () => {
  for (const c of clients) await c.close({ force: true }).catch(() => {});
  await hub?.close();
});

/** A station at LOC1 of the hosted CPO, without credentials. */
const REGISTRATION = { country_code: 'NL', party_id: 'CPO', location_id: 'LOC1', security_profile: 0 };

/** Registers `identity` Pending at LOC1 (201 created, 200 replaced). */
async function registerPending(identity: string, expected = 201): Promise<void> {
  const put = await admin('PUT', `/stations/${identity}`, { ...REGISTRATION, registration_status: 'Pending' });
  expect(put.status).toBe(expected);
}

/** A strict ocpp-rpc station recording the CALLs it receives, in order. */
function station(identity: string, version: '1.6' | '2.0.1') {
  const client = ocppStation({ url: hub.ocppUrl!, identity, version });
  clients.push(client);
  const received: Array<{ action: string; params: Json }> = [];
  const handle = (action: string, reply: (params: Json) => Json | Promise<Json>) =>
    client.handle(action, async ({ params }) => {
      received.push({ action, params: params as Json });
      return reply(params as Json);
    });
  return { client, received, handle };
}

const boot16 = { chargePointVendor: 'ACME', chargePointModel: 'W1' };
const boot2x = (reason: string) => ({ reason, chargingStation: { vendorName: 'ACME', model: 'W2' } });

/** The station's events of `kind`, oldest first. */
const events = (identity: string, kind: string) => stationEvents(hub.db.store, identity, kind);

async function configuration(identity: string): Promise<Record<string, string | null>> {
  const { json } = await admin('GET', `/stations/${identity}/configuration`);
  return Object.fromEntries(
    (json.variables as Json[]).map((v) => [
      v.component === 'Configuration' ? v.variable : `${v.component}.${v.variable}`,
      v.value as string | null,
    ]),
  );
}

describe('a station registered Pending is provisioned, then accepted', () => {
  it('1.6: Pending boot → GetConfiguration, ChangeConfiguration where needed, TriggerMessage → Accepted boot', async () => {
    await registerPending('PROV-16');
    const s = station('PROV-16', '1.6');
    const booted = new Promise<Json>((resolve) => {
      s.handle('GetConfiguration', () => ({
        configurationKey: [
          { key: 'HeartbeatInterval', readonly: false, value: '60' },
          { key: 'MeterValueSampleInterval', readonly: false, value: '0' },
          { key: 'NumberOfConnectors', readonly: true, value: '2' },
        ],
      }));
      s.handle('ChangeConfiguration', () => ({ status: 'Accepted' }));
      s.handle('TriggerMessage', () => {
        // As a station does: answer, then send the requested message.
        setTimeout(() => resolve(s.client.call('BootNotification', boot16) as Promise<Json>), 50);
        return { status: 'Accepted' };
      });
    });
    await s.client.connect();
    const first = (await s.client.call('BootNotification', boot16)) as Json;
    expect(first).toMatchObject({ status: 'Pending', interval: 60 });

    const second = await booted;
    expect(second).toMatchObject({ status: 'Accepted', interval: STATION_HEARTBEAT_INTERVAL_S });
    expect(s.received.map((r) => r.action)).toEqual([
      'GetConfiguration',
      'ChangeConfiguration',
      'ChangeConfiguration',
      'TriggerMessage',
    ]);
    expect(s.received[0]!.params).toEqual({});
    expect(s.received.slice(1, 3).map((r) => r.params)).toEqual([
      { key: 'HeartbeatInterval', value: String(STATION_HEARTBEAT_INTERVAL_S) },
      { key: 'MeterValueSampleInterval', value: String(STATION_METER_INTERVAL_S) },
    ]);
    expect(s.received[3]!.params).toEqual({ requestedMessage: 'BootNotification' });

    expect((await admin('GET', '/stations/PROV-16')).json.registration_status).toBe('Accepted');
    expect(await configuration('PROV-16')).toMatchObject({
      HeartbeatInterval: String(STATION_HEARTBEAT_INTERVAL_S),
      MeterValueSampleInterval: String(STATION_METER_INTERVAL_S),
      NumberOfConnectors: '2',
    });
    const [provisioned] = await events('PROV-16', 'Provisioned');
    expect(provisioned).toMatchObject({ configuration: 3, accepted: true, boot_trigger: 'Accepted' });
    expect(provisioned!.settings).toEqual([
      { setting: 'HeartbeatInterval', value: '300', status: 'Accepted' },
      { setting: 'MeterValueSampleInterval', value: '60', status: 'Accepted' },
    ]);
    // The station header shows the run.
    expect((await admin('GET', '/stations/PROV-16/summary')).json).toMatchObject({
      registration_status: 'Accepted',
      provisioning: { outcome: 'provisioned', accepted: true, detail: '3 values read; 2 of 2 settings written' },
    });
    // Accepted now: ordinary messages are handled.
    expect(await s.client.call('Heartbeat', {})).toHaveProperty('currentTime');
  });

  it('2.0.1: Pending boot → GetBaseReport and its NotifyReport, SetVariables, TriggerMessage → Accepted boot', async () => {
    await registerPending('PROV-201');
    const s = station('PROV-201', '2.0.1');
    const booted = new Promise<Json>((resolve) => {
      s.handle('GetBaseReport', (params) => {
        setTimeout(() => {
          void s.client.call('NotifyReport', {
            requestId: params.requestId,
            generatedAt: new Date().toISOString(),
            seqNo: 0,
            tbc: false,
            reportData: [
              {
                component: { name: 'OCPPCommCtrlr' },
                variable: { name: 'HeartbeatInterval' },
                variableAttribute: [{ type: 'Actual', value: '300', mutability: 'ReadWrite' }],
              },
              {
                component: { name: 'SampledDataCtrlr' },
                variable: { name: 'TxUpdatedInterval' },
                variableAttribute: [{ type: 'Actual', value: '0', mutability: 'ReadWrite' }],
              },
            ],
          });
        }, 50);
        return { status: 'Accepted' };
      });
      s.handle('SetVariables', (params) => ({
        setVariableResult: (params.setVariableData as Json[]).map((d) => ({
          attributeStatus: 'Accepted',
          component: d.component,
          variable: d.variable,
        })),
      }));
      s.handle('TriggerMessage', () => {
        setTimeout(() => resolve(s.client.call('BootNotification', boot2x('Triggered')) as Promise<Json>), 50);
        return { status: 'Accepted' };
      });
    });
    await s.client.connect();
    expect(await s.client.call('BootNotification', boot2x('PowerUp'))).toMatchObject({ status: 'Pending' });

    expect(await booted).toMatchObject({ status: 'Accepted', interval: STATION_HEARTBEAT_INTERVAL_S });
    expect(s.received.map((r) => r.action)).toEqual(['GetBaseReport', 'SetVariables', 'TriggerMessage']);
    expect(s.received[0]!.params).toMatchObject({ reportBase: 'FullInventory' });
    // Only what differs is written: the heartbeat already matches, sampling was off.
    expect(s.received[1]!.params).toEqual({
      setVariableData: [
        {
          component: { name: 'SampledDataCtrlr' },
          variable: { name: 'TxUpdatedInterval' },
          attributeValue: String(STATION_METER_INTERVAL_S),
        },
      ],
    });
    expect(await configuration('PROV-201')).toMatchObject({
      'OCPPCommCtrlr.HeartbeatInterval': '300',
      'SampledDataCtrlr.TxUpdatedInterval': String(STATION_METER_INTERVAL_S),
    });
    expect((await events('PROV-201', 'Provisioned'))[0]).toMatchObject({ configuration: 2, accepted: true });
  });

  it('a station that implements none of it (CALLERROR NotImplemented) is still accepted', async () => {
    await registerPending('PROV-BARE');
    const s = station('PROV-BARE', '1.6');
    await s.client.connect();
    expect(await s.client.call('BootNotification', boot16)).toMatchObject({ status: 'Pending' });
    await expect.poll(() => events('PROV-BARE', 'Provisioned'), { timeout: 10_000 }).toHaveLength(1);
    const [provisioned] = await events('PROV-BARE', 'Provisioned');
    expect(provisioned).toMatchObject({ configuration: 0, settings: [], accepted: true });
    expect(provisioned!.configuration_refused).toMatch(/GetConfiguration refused \(CALLERROR NotImplemented\)/);
    expect(provisioned!.boot_trigger).toMatch(/TriggerMessage refused/);
    expect(await s.client.call('BootNotification', boot16)).toMatchObject({ status: 'Accepted' });
  });

  it('a station that does not answer stays Pending, with why; its next Pending boot tries again', async () => {
    await registerPending('PROV-SILENT');
    const s = station('PROV-SILENT', '1.6');
    let calls = 0;
    s.client.handle('GetConfiguration', () => {
      calls++;
      return new Promise(() => {}); // never answers
    });
    await s.client.connect();
    expect(await s.client.call('BootNotification', boot16)).toMatchObject({ status: 'Pending' });
    await expect.poll(() => events('PROV-SILENT', 'ProvisioningFailed'), { timeout: 10_000 }).toHaveLength(1);
    expect((await events('PROV-SILENT', 'ProvisioningFailed'))[0]).toMatchObject({ code: 'call_timeout' });
    expect(await s.client.call('BootNotification', boot16)).toMatchObject({ status: 'Pending' });
    await expect.poll(() => calls, { timeout: 10_000 }).toBe(2);
    expect((await admin('GET', '/stations/PROV-SILENT')).json.registration_status).toBe('Pending');
    const { json: summary } = await admin('GET', '/stations/PROV-SILENT/summary');
    expect(summary).toMatchObject({
      registration_status: 'Pending',
      provisioning: { outcome: 'failed', accepted: false },
    });
    expect(summary.provisioning.detail).toMatch(/GetConfiguration/);
  });

  it('an auto-registered station has its configuration read but stays Pending until an operator registers it', async () => {
    const s = station('PROV-AUTO', '1.6');
    s.handle('GetConfiguration', () => ({
      configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }],
    }));
    await s.client.connect();
    expect(await s.client.call('BootNotification', boot16)).toMatchObject({ status: 'Pending' });
    await expect.poll(() => events('PROV-AUTO', 'Provisioned'), { timeout: 10_000 }).toHaveLength(1);
    expect((await events('PROV-AUTO', 'Provisioned'))[0]).toMatchObject({ accepted: false, configuration: 1 });
    expect(s.received.map((r) => r.action)).toEqual(['GetConfiguration']);
    expect(await configuration('PROV-AUTO')).toEqual({ HeartbeatInterval: '300' });
    // Its boot retries do not read it again while it waits for an operator.
    expect(await s.client.call('BootNotification', boot16)).toMatchObject({ status: 'Pending' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await events('PROV-AUTO', 'Provisioned')).toHaveLength(1);
    expect(s.received.map((r) => r.action)).toEqual(['GetConfiguration']);

    // Registered by an operator, still Pending: the next boot's provisioning accepts it.
    s.handle('TriggerMessage', () => ({ status: 'Rejected' }));
    await registerPending('PROV-AUTO', 200);
    expect(await s.client.call('BootNotification', boot16)).toMatchObject({ status: 'Pending' });
    await expect
      .poll(async () => (await admin('GET', '/stations/PROV-AUTO')).json.registration_status, { timeout: 10_000 })
      .toBe('Accepted');
    expect((await events('PROV-AUTO', 'Provisioned'))[1]).toMatchObject({ accepted: true, boot_trigger: 'Rejected' });
    // The station did not boot on the trigger: its own retry is answered Accepted.
    expect(await s.client.call('BootNotification', boot16)).toMatchObject({ status: 'Accepted' });
  });

  it('an operator changing registration_status takes effect at the next boot on the same connection', async () => {
    const s = station('PROV-OPERATOR', '1.6');
    s.handle('GetConfiguration', () => ({ configurationKey: [] }));
    await s.client.connect();
    expect(await s.client.call('BootNotification', boot16)).toMatchObject({ status: 'Pending' });
    const put = await admin('PUT', '/stations/PROV-OPERATOR', { ...REGISTRATION, registration_status: 'Rejected' });
    expect(put.status).toBe(200);
    expect(await s.client.call('BootNotification', boot16)).toMatchObject({ status: 'Rejected' });
  });

  it('a station not accepted gets SecurityError for all but its boot and what the hub asked for (TC_B_30_CSMS)', async () => {
    const s = station('GATE-201', '2.0.1');
    s.handle('GetBaseReport', () => ({ status: 'EmptyResultSet' }));
    s.handle('TriggerMessage', () => ({ status: 'Accepted' }));
    await s.client.connect();
    expect(await s.client.call('BootNotification', boot2x('PowerUp'))).toMatchObject({ status: 'Pending' });
    const status = (connectorStatus: string) => ({
      timestamp: new Date().toISOString(),
      connectorStatus,
      evseId: 1,
      connectorId: 1,
    });
    await expect(s.client.call('StatusNotification', status('Faulted'))).rejects.toMatchObject({
      rpcErrorCode: 'SecurityError',
    });
    // The hub asks for one StatusNotification: that one is processed, the next is refused again.
    const trigger = await admin('POST', '/stations/GATE-201/calls', {
      action: 'TriggerMessage',
      payload: { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } },
    });
    expect(trigger).toMatchObject({ status: 200, json: { response: { status: 'Accepted' } } });
    expect(await s.client.call('StatusNotification', status('Occupied'))).toEqual({});
    await expect(s.client.call('StatusNotification', status('Faulted'))).rejects.toMatchObject({
      rpcErrorCode: 'SecurityError',
    });
    const stored = await hub.db.store.db
      .selectFrom('connectors as c')
      .innerJoin('evses as e', 'e.id', 'c.evse_id')
      .innerJoin('stations as st', 'st.id', 'e.station_id')
      .select('c.ocpp_status')
      .where('st.identity', '=', 'GATE-201')
      .execute();
    expect(stored.map((r) => r.ocpp_status)).toEqual(['Occupied']);

    // Rejected: nothing but a boot, whatever was asked.
    const r = station('GATE-16', '1.6');
    expect((await admin('PUT', '/stations/GATE-16', { ...REGISTRATION, registration_status: 'Rejected' })).status).toBe(
      201,
    );
    await r.client.connect();
    expect(await r.client.call('BootNotification', boot16)).toMatchObject({ status: 'Rejected' });
    await expect(r.client.call('Heartbeat', {})).rejects.toMatchObject({ rpcErrorCode: 'SecurityError' });
    expect(await r.client.call('BootNotification', boot16)).toMatchObject({ status: 'Rejected' });
  });

  it('simulated stations (1.6, 2.0.1) registered Pending are provisioned and accepted without waiting out their retry', async () => {
    const sim = new Simulator({
      url: hub.ocppUrl!,
      stations: 2,
      connectors: 1,
      protocol: ['1.6', '2.0.1'],
      idPrefix: 'PROV-SIM',
      rampPerSecond: 0,
      idleSeconds: [60, 60],
      meterIntervalSeconds: 30,
    });
    for (const st of sim.stations) await registerPending(st.identity);
    sim.start();
    try {
      // Pending retries come after 60 s: being accepted within seconds means the trigger worked.
      await expect.poll(() => sim.stats.bootsAccepted, { timeout: 15_000 }).toBe(2);
      expect(sim.stats.bootsPending).toBe(2);
      for (const st of sim.stations) {
        const values = await configuration(st.identity);
        // The simulator starts with a 60 s heartbeat: provisioning wrote the hub's.
        const heartbeatKey = st.version === '1.6' ? 'HeartbeatInterval' : 'OCPPCommCtrlr.HeartbeatInterval';
        expect(values[heartbeatKey]).toBe(String(STATION_HEARTBEAT_INTERVAL_S));
      }
    } finally {
      await sim.stop();
    }
  });
});
