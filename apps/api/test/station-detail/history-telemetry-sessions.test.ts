/**
 * Station detail API, the station's history: status changes per connector and offline gaps,
 * telemetry, its transactions and the summary header.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ocppStation } from '../../../../test/gateway/helpers/ocpp-station.js';
import { startedForFile } from '../support/started-for-file.js';
import { connectCommandStations, type Json, startStationDetailHub } from './station-detail.fixture.js';

const hub = startedForFile(startStationDetailHub);

beforeAll(async () => {
  await connectCommandStations(hub);
});

describe('status history, telemetry and sessions', () => {
  it('status changes per connector, and offline gaps from connection events', async () => {
    const cs = ocppStation({ url: hub.gw.url, identity: 'CMD-201', version: '2.0.1' });
    await cs.connect().catch(() => {}); // replaces the earlier socket of CMD-201
    hub.clients.push(cs);
    const at = (s: number) => new Date(Date.now() - 60_000 + s * 1000).toISOString();
    for (const [i, status] of (['Occupied', 'Available'] as const).entries()) {
      await cs.call('StatusNotification', { timestamp: at(i), connectorStatus: status, evseId: 1, connectorId: 1 });
    }
    const history = (await hub.get('/stations/CMD-201/status-history')).json();
    expect(history.online).toBe(true);
    const provisioned = (await hub.repos.stations.findByIdentity('CMD-201'))!.created_at;
    expect(history.provisioned_at).toBe(provisioned.toISOString());
    expect(history.connectivity_source).toBe('events');
    // Offline only from its provisioning until its first connection, a moment later.
    expect(history.offline).toHaveLength(1);
    expect(Date.parse(history.offline[0].to) - Date.parse(history.offline[0].from)).toBeLessThan(10_000);
    expect(history.connectors).toEqual([{ evse_id: 1, connector_id: 1, status: 'Available' }]);
    expect(history.changes.map((c: Json) => [c.evse_id, c.connector_id, c.status])).toEqual([
      [1, 1, 'Occupied'],
      [1, 1, 'Available'],
    ]);
    const gone = (await hub.get('/stations/CMD-GONE/status-history')).json();
    expect(gone.online).toBe(false);
    expect(gone.connectivity_source).toBe('events');
    // Provisioned → first connection, then open since the disconnect.
    expect(gone.offline).toHaveLength(2);
    expect(gone.offline[0].to).not.toBeNull();
    expect(gone.offline[1].to).toBeNull();
    const lastSeen = (await hub.repos.stations.findByIdentity('CMD-GONE'))!.last_seen_at!;
    expect(Math.abs(Date.parse(gone.offline[1].from) - lastSeen.getTime())).toBeLessThan(1000);
    // A station that never connected has no events: offline since it was provisioned, and not before.
    const created = (await hub.repos.stations.findByIdentity('CMD-NEVER'))!.created_at;
    const never = (await hub.get('/stations/CMD-NEVER/status-history')).json();
    expect([never.connectivity_source, never.offline]).toEqual([
      'last_seen',
      [{ from: created.toISOString(), to: null }],
    ]);
    const before = (
      await hub.get('/stations/CMD-NEVER/status-history?from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z')
    ).json();
    expect(before.offline).toEqual([]);
    expect(
      (await hub.get('/stations/CMD-201/status-history?from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z')).statusCode,
    ).toBe(400);
  });

  it('telemetry folds samples into kW, A and SoC points', async () => {
    const station = (await hub.repos.stations.findByIdentity('CMD-201'))!;
    const t1 = new Date(Date.now() - 120_000);
    const t2 = new Date(Date.now() - 60_000);
    const sample = (at: Date, measurand: string, unit: string, value: number, phase: string | null = null) => ({
      station_id: station.id,
      transaction_id: null,
      ocpp_evse_id: 1,
      sampled_at: at,
      measurand,
      phase,
      context: 'Sample.Periodic',
      location: null,
      unit,
      value,
    });
    await hub.repos.meterSamples.append([
      sample(t1, 'Power.Active.Import', 'W', 11_000),
      sample(t1, 'Current.Import', 'A', 16, 'L1'),
      sample(t1, 'Current.Import', 'A', 15.5, 'L2'),
      sample(t1, 'SoC', 'Percent', 40),
      sample(t1, 'Energy.Active.Import.Register', 'Wh', 1234),
      sample(t2, 'Power.Active.Import', 'W', 3_700, 'L1-N'),
      sample(t2, 'Power.Active.Import', 'W', 3_600, 'L2-N'),
      sample(t2, 'SoC', 'Percent', 41),
    ]);
    const res = (await hub.get('/stations/CMD-201/telemetry')).json();
    expect(res.truncated).toBe(false);
    expect(res.samples).toEqual([
      { at: t1.toISOString(), evse_id: 1, transaction_id: null, power_kw: 11, current_a: 16, soc: 40 },
      { at: t2.toISOString(), evse_id: 1, transaction_id: null, power_kw: 7.3, current_a: null, soc: 41 },
    ]);
  });

  it("lists the station's transactions, newest first, by transaction row id", async () => {
    const cs = hub.clients.at(-1)!;
    for (const [i, id] of ['TX-OLD', 'TX-NEW'].entries()) {
      await cs.call('TransactionEvent', {
        eventType: 'Started',
        timestamp: new Date(Date.now() - 30_000 + i * 1000).toISOString(),
        triggerReason: 'Authorized',
        seqNo: 0,
        transactionInfo: { transactionId: id },
        evse: { id: 1, connectorId: 1 },
      });
    }
    const res = (await hub.get('/stations/CMD-201/sessions')).json();
    expect(res.total).toBe(2);
    expect(res.items.map((s: Json) => [s.transaction_id, s.status, s.evse_id])).toEqual([
      ['TX-NEW', 'active', 1],
      ['TX-OLD', 'active', 1],
    ]);
    const row = await hub.repos.transactions.findByUid(
      (await hub.repos.stations.findByIdentity('CMD-201'))!.id,
      'TX-NEW',
    );
    expect(res.items[0].id).toBe(row!.id);
  });

  it('the summary has the header fields and the location time zone', async () => {
    const res = (await hub.get('/stations/CMD-201/summary')).json();
    expect(res).toMatchObject({
      identity: 'CMD-201',
      party_name: 'Test CPO',
      location_id: 'LOC1',
      location_name: 'Test site',
      time_zone: 'Europe/Amsterdam',
      protocol: '2.0.1',
      online: true,
      schema_violations: 0,
    });
  });
});
