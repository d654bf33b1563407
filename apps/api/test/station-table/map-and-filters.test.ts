/**
 * `GET /api/v1/stations/map` (stations at their location coordinates, the unplaced counted) and
 * `GET /api/v1/stations/filters` (the values the filter dropdowns offer).
 */
import { describe, expect, it } from 'vitest';
import { startedForFile } from '../support/started-for-file.js';
import { startStationTableApi } from './station-table.fixture.js';

const api = startedForFile(startStationTableApi);

describe('GET /api/v1/stations/map and /stations/filters', () => {
  it('places stations at their location coordinates and counts the unplaced ones', async () => {
    const map = await api.get<{ items: Array<Record<string, unknown>>; unplaced: number }>('/api/v1/stations/map');
    expect(map.unplaced).toBe(2);
    expect(map.items).toEqual([
      {
        identity: 'ST-A',
        lon: 13.369402,
        lat: 52.525084,
        worst_status: 'CHARGING',
        online: true,
        party: 'DE-ABC',
        protocol: '2.0.1',
        location_id: 'LOC-BER',
      },
      expect.objectContaining({ identity: 'ST-B', worst_status: 'OUTOFORDER' }),
      expect.objectContaining({ identity: 'ST-E', worst_status: 'INOPERATIVE', protocol: '2.1' }),
    ]);
    const faulted = await api.get<{ items: Array<{ identity: string }>; unplaced: number }>(
      '/api/v1/stations/map?status=OUTOFORDER&protocol=1.6',
    );
    expect(faulted).toEqual({ items: [expect.objectContaining({ identity: 'ST-B' })], unplaced: 0 });
    const offline = await api.get<{ items: unknown[]; unplaced: number }>('/api/v1/stations/map?status=OFFLINE');
    expect(offline).toEqual({ items: [], unplaced: 2 });
  });

  it('offers the parties, locations and protocols that stations have', async () => {
    const options = await api.get<Record<string, unknown>>('/api/v1/stations/filters');
    expect(options).toEqual({
      parties: [
        { id: 'DE-ABC', name: 'Alpha Charge' },
        { id: 'NL-XYZ', name: 'Xylo' },
      ],
      locations: [
        { id: 'LOC-BER', name: 'Berlin Hbf', party: 'DE-ABC' },
        { id: 'LOC-NOWHERE', name: 'Depot', party: 'DE-ABC' },
      ],
      protocols: ['1.6', '2.0.1', '2.1'],
      statuses: expect.arrayContaining(['OUTOFORDER', 'OFFLINE', 'AVAILABLE']),
    });
  });
});
