/**
 * `GET /stations/{identity}/events`: the station's event log through a real gateway — what the
 * station reported (firmware, security events) and what the hub recorded (connection,
 * provisioning) — newest first, with a summary per kind, kind counts, a kind filter and paging.
 */
import { describe, expect, it } from 'vitest';
import { ocppStation } from '../../../../test/gateway/helpers/ocpp-station.js';
import { startedForFile } from '../support/started-for-file.js';
import { type Json, startStationDetailHub, waitFor } from './station-detail.fixture.js';

const hub = startedForFile(startStationDetailHub);

describe('the station event log', () => {
  it('lists events newest first with summaries, counts per kind, a kind filter and keyset paging', async () => {
    expect((await hub.provision('EVT-16')).statusCode).toBe(201);
    const cs = ocppStation({ url: hub.gw.url, identity: 'EVT-16', version: '1.6' });
    hub.clients.push(cs);
    await cs.connect();
    await cs.call('BootNotification', { chargePointVendor: 'ACME', chargePointModel: 'E1' });
    await cs.call('FirmwareStatusNotification', { status: 'Downloading' });
    await cs.call('FirmwareStatusNotification', { status: 'Installed' });
    await cs.call('SecurityEventNotification', {
      type: 'InvalidCentralSystemCertificate',
      timestamp: new Date().toISOString(),
      techInfo: 'chain too short',
    });
    const station = (await hub.repos.stations.findByIdentity('EVT-16'))!;
    await hub.repos.stationActivity.addEvents([
      {
        stationId: station.id,
        kind: 'ProvisioningFailed',
        payload: { reason: 'GetConfiguration timed out', code: 'call_timeout' },
        occurredAt: new Date(),
      },
    ]);

    const page = await waitFor(
      async () => (await hub.get('/stations/EVT-16/events')).json() as Json,
      (p) => p.items.length === 5,
    );
    expect(page.items.map((e: Json) => e.kind)).toEqual([
      'ProvisioningFailed',
      'SecurityEventNotification',
      'FirmwareStatusNotification',
      'FirmwareStatusNotification',
      'Connected',
    ]);
    expect(page.items.map((e: Json) => e.summary)).toEqual([
      'provisioning failed: GetConfiguration timed out',
      'InvalidCentralSystemCertificate · chain too short',
      'firmware: Installed',
      'firmware: Downloading',
      'connected to node-d · OCPP 1.6',
    ]);
    expect(page.items[2].payload).toEqual({ status: 'Installed' });
    expect(page.kinds).toEqual([
      { kind: 'FirmwareStatusNotification', count: 2 },
      { kind: 'Connected', count: 1 },
      { kind: 'ProvisioningFailed', count: 1 },
      { kind: 'SecurityEventNotification', count: 1 },
    ]);
    expect(page.next_before_id).toBeNull();

    const firmware = (await hub.get('/stations/EVT-16/events?kind=FirmwareStatusNotification&limit=1')).json() as Json;
    expect(firmware.items.map((e: Json) => e.summary)).toEqual(['firmware: Installed']);
    expect(firmware.next_before_id).toBe(firmware.items[0].id);
    const older = (
      await hub.get(
        `/stations/EVT-16/events?kind=FirmwareStatusNotification&limit=1&before_id=${firmware.next_before_id}`,
      )
    ).json() as Json;
    expect(older.items.map((e: Json) => e.summary)).toEqual(['firmware: Downloading']);
  });

  it('404 for an unknown station, 400 for a bad limit', async () => {
    expect((await hub.get('/stations/NOPE/events')).statusCode).toBe(404);
    expect((await hub.get('/stations/EVT-16/events?limit=0')).statusCode).toBe(400);
  });
});
