import { STATION_STATUS_SEVERITY } from '@chargebridge/domain';
import { STATION_TABLE_SORTS } from '@chargebridge/store';
import { describe, expect, it } from 'vitest';
import { clusterPoints, fitView, hitTest, project, unproject, viewBounds } from '../src/screens/map/canvas-draw.js';
import { inBounds, type MapPoint, SEVERITY, severityOf } from '../src/screens/map/map-points.js';
import { validateMapSearch } from '../src/screens/map/search.js';
import { STATION_SORTS, validateStationsSearch } from '../src/screens/stations/search.js';
import { type StationTableRow, withConnector, withStation } from '../src/screens/stations/use-station-pages.js';

const point = (identity: string, lon: number, lat: number, worst_status = 'AVAILABLE'): MapPoint => ({
  identity,
  lon,
  lat,
  worst_status,
  online: worst_status !== 'OFFLINE',
  party: 'DE-ABC',
  protocol: '2.0.1',
  location_id: 'L1',
});

describe('the dashboard agrees with the hub', () => {
  it('orders statuses worst first exactly as packages/domain does (cluster colours, status sort)', () => {
    expect([...SEVERITY]).toEqual([...STATION_STATUS_SEVERITY]);
    expect(severityOf('outoforder')).toBe(0);
    expect(severityOf('SOMETHING_NEW')).toBe(SEVERITY.indexOf('UNKNOWN'));
  });

  it('offers the table sorts the API accepts', () => {
    expect([...STATION_SORTS]).toEqual([...STATION_TABLE_SORTS]);
  });
});

describe('URL filters', () => {
  it('reads values the router parsed as numbers or booleans as text, and drops unknown sorts', () => {
    expect(validateStationsSearch({ protocol: 1.6, online: true, sort: '-status', q: '' })).toEqual({
      q: undefined,
      party: undefined,
      location: undefined,
      protocol: '1.6',
      status: undefined,
      online: 'true',
      sort: '-status',
    });
    expect(validateStationsSearch({ sort: 'drop table' }).sort).toBeUndefined();
    expect(validateMapSearch({ renderer: 'canvas', station: 'CP-1', party: 'DE-ABC' })).toMatchObject({
      renderer: 'canvas',
      station: 'CP-1',
      party: 'DE-ABC',
    });
    expect(validateMapSearch({ renderer: 'svg' }).renderer).toBeUndefined();
  });
});

describe('the canvas map', () => {
  const view = { lon: 10, lat: 50, zoom: 1 };

  it('projects equirectangularly and back', () => {
    expect(project(view, 720, 360, 10, 50)).toEqual([360, 180]);
    const [x, y] = project(view, 720, 360, 100, 5);
    expect(unproject(view, 720, 360, x, y)).toEqual([100, 5]);
    const b = viewBounds(view, 720, 360);
    expect(b.west).toBeCloseTo(-170);
    expect(b.east).toBeCloseTo(190);
  });

  it('clusters nearby stations into one mark coloured by the worst, and leaves distant ones alone', () => {
    const zoomed = { lon: 10, lat: 50, zoom: 8 };
    const points = [
      point('A', 10.0, 50.0, 'AVAILABLE'),
      point('B', 10.01, 50.01, 'OUTOFORDER'),
      point('C', 10.02, 50.0, 'CHARGING'),
      point('FAR', 20, 55, 'CHARGING'),
      point('OFFSCREEN', -120, 40, 'OFFLINE'),
    ];
    const clusters = clusterPoints(points, zoomed, 800, 600);
    expect(clusters).toHaveLength(2);
    const near = clusters.find((c) => c.count === 3);
    expect(near?.identities.sort()).toEqual(['A', 'B', 'C']);
    expect(near?.severity).toBe(severityOf('OUTOFORDER'));
    expect(near?.colocated).toBe(false);
    const far = clusters.find((c) => c.count === 1);
    expect(far?.identities).toEqual(['FAR']);
    expect(hitTest(clusters, far?.x ?? 0, far?.y ?? 0)?.identities).toEqual(['FAR']);
    expect(hitTest(clusters, -50, -50)).toBeUndefined();
    const site = clusterPoints([point('X', 4, 52), point('Y', 4, 52)], zoomed, 800, 600);
    expect(site).toMatchObject([{ count: 2, colocated: true }]);
  });

  it('fits the view around every station, and clusters 10,000 stations quickly', () => {
    const points = Array.from({ length: 10_000 }, (_, i) =>
      point(`S${i}`, -9 + ((i * 37) % 380) / 10, 36 + ((i * 53) % 240) / 10),
    );
    const fitted = fitView(points, 800, 600);
    const bounds = viewBounds(fitted, 800, 600);
    expect(points.every((p) => inBounds(p, bounds))).toBe(true);
    const started = performance.now();
    const clusters = clusterPoints(points, fitted, 800, 600);
    const ms = performance.now() - started;
    expect(clusters.reduce((n, c) => n + c.count, 0)).toBe(10_000);
    expect(ms).toBeLessThan(500);
  });
});

describe('live patches of table rows', () => {
  const row: StationTableRow = {
    identity: 'CP-1',
    country_code: 'DE',
    party_id: 'ABC',
    location_id: 'L1',
    location_name: 'Site',
    time_zone: 'Europe/Berlin',
    protocol: '1.6',
    online: true,
    last_seen: '2026-01-01T00:00:00.000Z',
    connectors: [
      { evse_uid: 'E1', connector_id: '1', status: 'Available', evse_status: 'AVAILABLE' },
      { evse_uid: 'E1', connector_id: '2', status: 'Available', evse_status: 'AVAILABLE' },
      { evse_uid: 'E2', connector_id: '1', status: 'Charging', evse_status: 'CHARGING' },
    ],
    worst_status: 'CHARGING',
    firmware: '1.0',
    schema_violations: 0,
    power_kw: 11,
  };

  it('sets the connector status, its EVSE status and the worst status from a connector event', () => {
    const next = withConnector(row, {
      identity: 'CP-1',
      evse_uid: 'E1',
      ocpp_evse_id: 1,
      connector_id: '2',
      ocpp_status: 'Faulted',
      evse_status: 'OUTOFORDER',
      worst_status: 'OUTOFORDER',
      at: '2026-01-01T00:01:00.000Z',
    });
    expect(next.worst_status).toBe('OUTOFORDER');
    expect(next.connectors.map((c) => [c.status, c.evse_status])).toEqual([
      ['Available', 'OUTOFORDER'],
      ['Faulted', 'OUTOFORDER'],
      ['Charging', 'CHARGING'],
    ]);
    expect(row.connectors[1]?.status).toBe('Available');
  });

  it('takes the online state and worst status a station event carries; offline EVSEs publish UNKNOWN', () => {
    const offline = withStation(row, {
      identity: 'CP-1',
      online: false,
      last_seen: '2026-01-01T00:02:00.000Z',
      protocol: '1.6',
      worst_status: 'OFFLINE',
    });
    expect(offline).toMatchObject({ online: false, worst_status: 'OFFLINE', last_seen: '2026-01-01T00:02:00.000Z' });
    expect(offline.connectors.every((c) => c.evse_status === 'UNKNOWN')).toBe(true);
    const back = withStation(offline, {
      identity: 'CP-1',
      online: true,
      last_seen: null,
      protocol: '2.0.1',
      worst_status: 'AVAILABLE',
    });
    expect(back).toMatchObject({ online: true, worst_status: 'AVAILABLE', protocol: '2.0.1' });
  });
});
