/**
 * The stations table and map with 10,000 stations and 30,000 EVSEs added to the five seeded ones:
 * pages, filters and the whole map answer within a second.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { startedForFile } from '../support/started-for-file.js';
import { startStationTableApi, type TablePage } from './station-table.fixture.js';

const api = startedForFile(startStationTableApi);

describe('with 10,000 stations and 30,000 EVSEs', () => {
  beforeAll(async () => {
    const db = api.database.store.db;
    await sql`insert into parties (country_code, party_id, name) values ('FR', 'BLK', 'Bulk')`.execute(db);
    await sql`insert into locations (country_code, party_id, location_id, data)
      select 'FR', 'BLK', 'BULK-' || g,
             jsonb_build_object('name', 'Bulk ' || g, 'coordinates',
               jsonb_build_object('latitude', (40 + (g % 20))::text, 'longitude', (-5 + (g % 30))::text))
        from generate_series(1, 500) g`.execute(db);
    await sql`insert into stations (identity, country_code, party_id, location_id, protocol, online, last_seen_at, boot_info)
      select 'BULK-' || lpad(g::text, 5, '0'), 'FR', 'BLK',
             (select id from locations where location_id = 'BULK-' || (1 + g % 500)),
             (array['1.6', '2.0.1', '2.1'])[1 + g % 3], g % 10 <> 0, now() - (g || ' seconds')::interval,
             jsonb_build_object('firmwareVersion', '1.' || (g % 7))
        from generate_series(1, 10000) g`.execute(db);
    await sql`insert into evses (station_id, ocpp_evse_id, evse_uid, status)
      select s.id, n, s.identity || '-' || n,
             (array['AVAILABLE', 'CHARGING', 'AVAILABLE', 'OUTOFORDER', 'UNKNOWN', 'RESERVED'])[1 + (s.id + n) % 6]
        from stations s cross join generate_series(1, 3) n where s.party_id = 'BLK'`.execute(db);
    await sql`insert into connectors (evse_id, ocpp_connector_id, ocpi_connector_id, ocpp_status)
      select e.id, 1, '1', (array['Available', 'Occupied', 'Available', 'Faulted', 'Unavailable', 'Reserved'])[1 + e.id % 6]
        from evses e join stations s on s.id = e.station_id where s.party_id = 'BLK'`.execute(db);
    await sql`insert into transactions (station_id, transaction_uid, protocol, status, ocpp_evse_id)
      select s.id, 'bulk-' || s.id, '2.0.1', 'active', 2 from stations s where s.party_id = 'BLK' and s.id % 3 = 0`.execute(
      db,
    );
    await sql`insert into meter_samples (station_id, transaction_id, ocpp_evse_id, sampled_at, measurand, unit, value)
      select t.station_id, t.id, 2, now() - (k || ' minutes')::interval, 'Power.Active.Import', 'W', 1000 * k
        from transactions t cross join generate_series(1, 5) k where t.transaction_uid like 'bulk-%'`.execute(db);
    await sql`analyze`.execute(db);
  }, 120_000);

  /** Best of three (the first run warms caches), in ms. */
  async function timed(url: string): Promise<{ ms: number; body: unknown }> {
    let best = Number.POSITIVE_INFINITY;
    let body: unknown;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const response = await api.inject(url);
      best = Math.min(best, performance.now() - start);
      expect(response.statusCode, response.body).toBe(200);
      body = response.json();
    }
    return { ms: best, body };
  }

  it('answers a 200-row page and the whole map quickly', async () => {
    const measured: Record<string, number> = {};
    for (const query of ['', '?sort=status', '?status=OUTOFORDER&sort=-last_seen', '?q=BULK-09&offset=200']) {
      const { ms, body } = await timed(`/api/v1/stations/table${query}&limit=200`.replace('table&', 'table?'));
      measured[`table${query || ' (identity)'}`] = Math.round(ms);
      expect(ms).toBeLessThan(1000);
      expect((body as TablePage).items.length).toBeGreaterThan(0);
    }
    const page = (await timed('/api/v1/stations/table?party=FR-BLK&offset=9900&limit=200')).body as TablePage;
    expect(page.total).toBe(10_000);
    expect(page.items).toHaveLength(100);
    expect(page.items.every((r) => r.connectors.length === 3)).toBe(true);
    expect(page.items.filter((r) => r.power_kw !== null).every((r) => r.power_kw === 1)).toBe(true);
    expect(page.items.some((r) => r.power_kw === 1)).toBe(true);

    const map = await timed('/api/v1/stations/map');
    measured.map = Math.round(map.ms);
    expect(map.ms).toBeLessThan(1000);
    const points = map.body as { items: Array<{ worst_status: string }>; unplaced: number };
    expect(points.items.length).toBe(10_003);
    expect(points.items.filter((p) => p.worst_status === 'OFFLINE').length).toBeGreaterThanOrEqual(1000);
    const filters = await timed('/api/v1/stations/filters');
    measured.filters = Math.round(filters.ms);
    console.log('station table/map timings with 10k stations (ms, best of 3):', measured);
  });
});
