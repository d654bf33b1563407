/**
 * `GET /api/v1/stations/table`: the rows (connectors, worst status, firmware, power), server-side
 * paging, filters and sorting, and the unchanged shape of `GET /stations`.
 */
import { describe, expect, it } from 'vitest';
import { startedForFile } from '../support/started-for-file.js';
import { identities, startStationTableApi } from './station-table.fixture.js';

const api = startedForFile(startStationTableApi);

describe('GET /api/v1/stations/table', () => {
  it('lists every station by identity with connectors, worst status, firmware and power', async () => {
    const page = await api.table();
    expect(page).toMatchObject({ total: 5, offset: 0, limit: 200 });
    expect(identities(page)).toEqual(['ST-A', 'ST-B', 'ST-C', 'ST-D', 'ST-E']);
    const [a, b, c, d, e] = page.items;
    expect(a).toEqual({
      identity: 'ST-A',
      country_code: 'DE',
      party_id: 'ABC',
      location_id: 'LOC-BER',
      location_name: 'Berlin Hbf',
      time_zone: 'Europe/Berlin',
      protocol: '2.0.1',
      online: true,
      last_seen: '2026-01-01T10:00:00.000Z',
      connectors: [
        { evse_uid: 'ST-A-1', connector_id: '1', status: 'Available', evse_status: 'AVAILABLE' },
        { evse_uid: 'ST-A-2', connector_id: '1', status: 'Occupied', evse_status: 'CHARGING' },
      ],
      worst_status: 'CHARGING',
      firmware: '2.3.1',
      schema_violations: 0,
      power_kw: 11,
    });
    expect(b).toMatchObject({ worst_status: 'OUTOFORDER', firmware: '0.9', schema_violations: 5, power_kw: null });
    expect(b?.connectors.map((x) => x.evse_status)).toEqual(['OUTOFORDER', 'OUTOFORDER']);
    // Offline: the station is OFFLINE and its EVSEs publish UNKNOWN, whatever they last said.
    expect(c).toMatchObject({ worst_status: 'OFFLINE', online: false, location_name: 'Depot' });
    expect(c?.connectors).toEqual([
      { evse_uid: 'ST-C-1', connector_id: '1', status: 'Available', evse_status: 'UNKNOWN' },
    ]);
    expect(d).toMatchObject({
      worst_status: 'OFFLINE',
      location_id: null,
      time_zone: 'UTC',
      protocol: null,
      firmware: null,
      connectors: [],
      last_seen: null,
    });
    // The latest instant's L1–L3 samples summed; the earlier L1 sample is ignored.
    expect(e).toMatchObject({ worst_status: 'INOPERATIVE', power_kw: 9 });
  });

  it('pages on the server and reports the filtered total past the end', async () => {
    const page = await api.table('?offset=1&limit=2');
    expect(page).toMatchObject({ total: 5, offset: 1, limit: 2 });
    expect(identities(page)).toEqual(['ST-B', 'ST-C']);
    const past = await api.table('?offset=50&limit=10');
    expect(past).toEqual({ total: 5, offset: 50, limit: 10, items: [] });
    const tooBig = await api.inject('/api/v1/stations/table?limit=501');
    expect(tooBig.statusCode).toBe(400);
  });

  it('filters by text, party, location, protocol, online and worst status', async () => {
    expect(identities(await api.table('?q=st-c'))).toEqual(['ST-C']);
    expect(identities(await api.table('?q=berlin'))).toEqual(['ST-A', 'ST-B', 'ST-E']);
    expect(identities(await api.table('?q=%25'))).toEqual([]);
    expect(identities(await api.table('?party=NL-XYZ'))).toEqual(['ST-D']);
    expect(identities(await api.table('?location=LOC-NOWHERE'))).toEqual(['ST-C']);
    expect(identities(await api.table('?protocol=1.6'))).toEqual(['ST-B', 'ST-C']);
    expect(identities(await api.table('?protocol=none'))).toEqual(['ST-D']);
    expect(identities(await api.table('?online=false'))).toEqual(['ST-C', 'ST-D']);
    expect(identities(await api.table('?status=OFFLINE'))).toEqual(['ST-C', 'ST-D']);
    expect(identities(await api.table('?status=outoforder,charging'))).toEqual(['ST-A', 'ST-B']);
    const combined = await api.table('?status=OFFLINE&party=DE-ABC');
    expect(combined.total).toBe(1);
    expect(identities(combined)).toEqual(['ST-C']);
    const bad = await api.inject('/api/v1/stations/table?status=BROKEN');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid_status' });
  });

  it('sorts by identity, last seen, status (worst first) and violations', async () => {
    expect(identities(await api.table('?sort=-identity'))).toEqual(['ST-E', 'ST-D', 'ST-C', 'ST-B', 'ST-A']);
    expect(identities(await api.table('?sort=-last_seen'))).toEqual(['ST-B', 'ST-E', 'ST-A', 'ST-C', 'ST-D']);
    expect(identities(await api.table('?sort=last_seen'))).toEqual(['ST-C', 'ST-A', 'ST-E', 'ST-B', 'ST-D']);
    expect(identities(await api.table('?sort=status'))).toEqual(['ST-B', 'ST-E', 'ST-C', 'ST-D', 'ST-A']);
    expect(identities(await api.table('?sort=-status'))).toEqual(['ST-A', 'ST-C', 'ST-D', 'ST-E', 'ST-B']);
    expect(identities(await api.table('?sort=-violations'))).toEqual(['ST-B', 'ST-C', 'ST-A', 'ST-D', 'ST-E']);
    // Status computed in SQL for sorting agrees with the row's own worst status.
    const byStatus = await api.table('?sort=status&limit=2&offset=1');
    expect(byStatus.items.map((r) => r.worst_status)).toEqual(['INOPERATIVE', 'OFFLINE']);
  });

  it('keeps the shape of the existing GET /stations list', async () => {
    const list = await api.get<{ total: number; items: Array<Record<string, unknown>> }>('/api/v1/stations?limit=1');
    expect(list.total).toBe(5);
    expect(list.items[0]).toMatchObject({ identity: 'ST-A', boot_info: expect.any(Object), evses: expect.any(Array) });
  });
});
