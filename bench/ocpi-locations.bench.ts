/**
 * Benchmark (not a test): GET a page of 1,000 OCPI locations with 100,000 EVSEs in the store.
 * Seeds 10,000 locations × 10 EVSEs (one station each, one connector per EVSE) with bulk
 * inserts, then times repeated `GET /ocpi/2.2.1/locations?limit=1000&offset=…` through the
 * real API (fastify inject: routing, auth, SQL, the view mapping and serialization).
 *
 *   node --import tsx bench/ocpi-locations.bench.ts        # TEST_DATABASE_URL or a throwaway PostgreSQL
 *
 * Target: p50 < 100 ms per page.
 */
import { createHash } from 'node:crypto';
import { build } from '@chargebridge/api';
import { loadConfig } from '@chargebridge/config';
import { toOcpiLocation } from '@chargebridge/domain';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { migrateToLatest, openStore, repositories } from '@chargebridge/store';
import { sql } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';
import { startThrowawayPostgres } from '../test/support/throwaway-postgres.js';

const LOCATIONS = 10_000;
const EVSES_PER_LOCATION = 10;
const RUNS = 30;

async function main(): Promise<void> {
  const throwaway = process.env.TEST_DATABASE_URL ? undefined : await startThrowawayPostgres();
  const adminUrl = process.env.TEST_DATABASE_URL ?? (throwaway as { url: string }).url;
  const name = `cb_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  try {
    await migrateToLatest(store.db);
    const db = store.db;
    const t0 = performance.now();
    await db.insertInto('parties').values({ country_code: 'NL', party_id: 'CPO', name: 'CPO' }).execute();
    await db
      .insertInto('partners')
      .values({
        id: 'bench',
        name: 'bench',
        direction: 'inbound',
        status: 'registered',
        incoming_token_hash: createHash('sha256').update('bench-token').digest('hex'),
        roles: JSON.stringify([{ role: 'EMSP', country_code: 'DE', party_id: 'EMP' }]),
      })
      .execute();
    await sql`insert into locations (country_code, party_id, location_id, data, time_zone)
      select 'NL', 'CPO', 'LOC' || g,
        jsonb_build_object('name', 'Location ' || g, 'address', 'Main street ' || g, 'city', 'Utrecht',
          'postal_code', '3511AB', 'country', 'NLD', 'publish', true,
          'coordinates', jsonb_build_object('latitude', '52.09083', 'longitude', '5.12222'),
          'parking_type', 'ON_STREET', 'facilities', jsonb_build_array('CAFE'),
          'operator', jsonb_build_object('name', 'Bench CPO')),
        'Europe/Amsterdam'
      from generate_series(1, ${LOCATIONS}) g`.execute(db);
    await sql`insert into stations (identity, country_code, party_id, location_id)
      select 'ST' || id, 'NL', 'CPO', id from locations`.execute(db);
    await sql`insert into evses (station_id, ocpp_evse_id, evse_uid, evse_id, status, data)
      select s.id, e, 'CB' || s.id || '-' || e, 'NL*CPO*E' || s.id || '*' || e, 'AVAILABLE',
             jsonb_build_object('capabilities', jsonb_build_array('RFID_READER', 'REMOTE_START_STOP_CAPABLE'))
        from stations s cross join generate_series(1, ${EVSES_PER_LOCATION}) e`.execute(db);
    await sql`insert into connectors (evse_id, ocpp_connector_id, ocpi_connector_id, ocpp_status, tariff_ids)
      select id, 1, '1', 'Available', '["T1"]'::jsonb from evses`.execute(db);
    await sql`analyze`.execute(db);
    const evses = await sql<{ n: number }>`select count(*)::int as n from evses`.execute(db);
    console.log(`seeded ${LOCATIONS} locations, ${evses.rows[0]?.n} EVSEs in ${Math.round(performance.now() - t0)} ms`);

    const app = await build({
      config: loadConfig({ DATABASE_URL: url.toString(), PUBLIC_URL: 'http://bench.local' }),
      store,
      runner: new InProcessJobRunner(),
      logger: pino({ level: 'silent' }),
      adminToken: 'bench-admin-token-0123456789',
    });
    const headers = { authorization: `Token ${Buffer.from('bench-token').toString('base64')}` };
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS + 3; i++) {
      const offset = (i % 10) * 1000;
      const start = performance.now();
      const response = await app.inject({ url: `/ocpi/2.2.1/locations?limit=1000&offset=${offset}`, headers });
      const elapsed = performance.now() - start;
      if (response.statusCode !== 200) throw new Error(`status ${response.statusCode}: ${response.body.slice(0, 200)}`);
      const evseCount = (response.json().data as Array<{ evses?: unknown[] }>).reduce(
        (n, l) => n + (l.evses?.length ?? 0),
        0,
      );
      if (evseCount !== 1000 * EVSES_PER_LOCATION) throw new Error(`page had ${evseCount} EVSEs`);
      bytes = response.body.length;
      if (i >= 3) times.push(elapsed); // first runs warm the JIT and the plan cache
    }
    // Where the time goes: the one SQL query, then the view mapping.
    const views = repositories(db).locationViews;
    const sqlTimes: number[] = [];
    const mapTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      const s0 = performance.now();
      const page = await views.page([{ country_code: 'NL', party_id: 'CPO' }], {
        offset: i * 1000,
        limit: 1001,
        dateTo: new Date(),
      });
      const s1 = performance.now();
      page.items.map(toOcpiLocation);
      mapTimes.push(performance.now() - s1);
      sqlTimes.push(s1 - s0);
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    console.log(
      `  of which: SQL (query + pg JSON parse) median ${med(sqlTimes).toFixed(1)} ms, view mapping median ${med(mapTimes).toFixed(1)} ms`,
    );
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] as number;
    console.log(
      `GET /ocpi/2.2.1/locations?limit=1000 (1,000 locations, 10,000 EVSEs, ${(bytes / 1e6).toFixed(1)} MB): ` +
        `median ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms, min ${(times[0] as number).toFixed(1)} ms over ${RUNS} runs`,
    );
    await app.close();
  } finally {
    await store.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    await throwaway?.stop();
  }
}

await main();
