import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { parseNextLink } from '@chargebridge/ocpi';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../apps/api/src/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { seedCpoAndEmsp } from './seed-partner.js';

const TOTAL = 10_000;
const PUBLIC_URL = 'https://hub.example.com';
const auth = { authorization: `Token ${Buffer.from('paging-token').toString('base64')}` };
let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.store.db;
  await seedCpoAndEmsp(db, 'paging-token');
  // Bulk seed: 10,000 locations sharing a few timestamps (ties are ordered by id), and a station
  // with one EVSE at each of the first 200 so that EVSE changes exercise the triggers too.
  await sql`insert into locations (country_code, party_id, location_id, data, last_updated)
    select 'NL', 'CPO', 'LOC' || lpad(g::text, 5, '0'),
           jsonb_build_object('name', 'L' || g, 'address', 'a', 'city', 'c', 'country', 'NLD',
             'coordinates', jsonb_build_object('latitude', '52.00000', 'longitude', '5.00000')),
           timestamptz '2024-01-01T00:00:00Z' + ((g % 50) || ' seconds')::interval
      from generate_series(1, ${TOTAL}) g`.execute(db);
  await sql`insert into stations (identity, country_code, party_id, location_id)
    select 'ST' || l.id, 'NL', 'CPO', l.id from locations l order by l.id limit 200`.execute(db);
  await sql`insert into evses (station_id, ocpp_evse_id, evse_uid, last_updated)
    select s.id, 1, 'E' || s.id, timestamptz '2024-01-01T00:00:00Z' from stations s`.execute(db);
  await sql`update locations set last_updated = timestamptz '2024-01-01T00:00:00Z' + ((id % 50) || ' seconds')::interval`.execute(
    db,
  );
  app = await build({
    config: loadConfig({ DATABASE_URL: database.url, PUBLIC_URL }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken: 'test-admin-token-0123456789',
  });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

/** Moves `n` random locations forward: half directly (an admin PUT), half through an EVSE change. */
async function concurrentUpdates(n: number, touched: Set<string>): Promise<void> {
  const db = database.store.db;
  const direct = await sql<{ location_id: string }>`
    update locations set last_updated = clock_timestamp()
     where id in (select id from locations order by random() limit ${n / 2}) returning location_id`.execute(db);
  const viaEvse = await sql<{ location_id: string }>`
    with picked as (select e.id from evses e order by random() limit ${n / 2}),
         changed as (update evses e set status = 'CHARGING', last_updated = clock_timestamp()
                      from picked where e.id = picked.id returning e.station_id)
    select l.location_id from changed c join stations s on s.id = c.station_id join locations l on l.id = s.location_id`.execute(
    db,
  );
  for (const r of [...direct.rows, ...viaEvse.rows]) touched.add(r.location_id);
}

/** Follows Link from `url` to the end; returns the ids in order and the snapshot `date_to`. */
async function walk(url: string, touched?: Set<string>): Promise<{ ids: string[]; dateTo: string | undefined }> {
  const ids: string[] = [];
  let next: string | undefined = url;
  let dateTo: string | undefined;
  while (next) {
    const path = next.startsWith(PUBLIC_URL) ? next.slice(PUBLIC_URL.length) : next;
    // Updates race the page read itself, not only the gaps between pages.
    const [response] = await Promise.all([
      app.inject({ url: path, headers: auth }),
      touched ? concurrentUpdates(40, touched) : Promise.resolve(),
    ]);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status_code).toBe(1000);
    expect(response.headers['x-limit']).toBe('1000');
    for (const location of body.data) ids.push(location.id);
    next = parseNextLink(response.headers.link as string | undefined);
    if (next) {
      expect(next.startsWith(`${PUBLIC_URL}/ocpi/2.2.1/locations?`)).toBe(true);
      dateTo = new URL(next).searchParams.get('date_to') ?? dateTo;
    }
  }
  return { ids, dateTo };
}

it('returns every location exactly once under concurrent updates', async () => {
  const touched = new Set<string>();
  const first = await walk('/ocpi/2.2.1/locations?limit=700&date_from=2023-01-01T00:00:00Z', touched);
  // Within one walk nothing repeats …
  expect(new Set(first.ids).size).toBe(first.ids.length);
  // … every location not changed during the walk is in it …
  const seen = new Set(first.ids);
  const all = Array.from({ length: TOTAL }, (_, i) => `LOC${String(i + 1).padStart(5, '0')}`);
  const missing = all.filter((id) => !seen.has(id));
  expect(missing.filter((id) => !touched.has(id))).toEqual([]);
  expect(touched.size).toBeGreaterThan(0);
  // … and the next incremental walk (date_from = this walk's date_to) brings every changed one.
  expect(first.dateTo).toBeDefined();
  const second = await walk(`/ocpi/2.2.1/locations?limit=1000&date_from=${first.dateTo}`);
  expect(new Set(second.ids).size).toBe(second.ids.length);
  const union = new Set([...first.ids, ...second.ids]);
  expect(union.size).toBe(TOTAL);
  for (const id of missing) expect(second.ids).toContain(id);
}, 120_000);

it('keeps filters in Link and reports X-Total-Count of the window', async () => {
  const response = await app.inject({
    url: '/ocpi/2.2.1/locations?date_from=2024-01-01T00:00:10Z&date_to=2024-01-01T00:00:20Z&limit=5',
    headers: auth,
  });
  const count = Number(response.headers['x-total-count']);
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(TOTAL);
  const link = parseNextLink(response.headers.link as string);
  expect(link).toContain('date_from=2024-01-01T00:00:10Z');
  expect(link).toContain('date_to=2024-01-01T00:00:20');
  expect(link).toContain('offset=5');
  const stamps = response.json().data.map((l: { last_updated: string }) => l.last_updated);
  expect([...stamps].sort()).toEqual(stamps);
});
