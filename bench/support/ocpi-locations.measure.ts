import { createHash } from 'node:crypto';
import { build } from '@chargebridge/api';
import { loadConfig } from '@chargebridge/config';
import { toOcpiLocation } from '@chargebridge/domain';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { ocpiSuccess } from '@chargebridge/ocpi';
import { migrateToLatest, openStore, repositories } from '@chargebridge/store';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { pino } from 'pino';

export const LOCATIONS = 10_000;
export const EVSES_PER_LOCATION = 10;

/** What one run of the OCPI reads benchmark measured (milliseconds unless named otherwise). */
export interface OcpiReadsResult {
  evses: number;
  seedMs: number;
  pageBytes: number;
  runs: number;
  /** Whole `GET /ocpi/2.2.1/locations?limit=1000` through fastify inject, warm (see coldP50). */
  p50: number;
  p95: number;
  min: number;
  /** The very first page request: empty rendered-locations cache, cold JIT and plan cache. */
  coldFirst: number;
  /** Median of the first pass over the 10 pages (each rendered for the first time: cache misses). */
  coldP50: number;
  /** Stages, medians: SQL round trip incl. pg's JSON parse; view mapping; envelope JSON.stringify. */
  stages: { sql: number; map: number; serialize: number; versions: number };
  /** EXPLAIN (ANALYZE, BUFFERS) of the page query. */
  plan: string;
}

const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * Creates a database on `adminUrl`'s server, seeds 10,000 locations × 10 EVSEs (one station per
 * location, one connector per EVSE) with bulk inserts, and times pages of 1,000 locations through
 * the real API (fastify inject: routing, auth, SQL, the view mapping and serialization), then each
 * stage on its own.
 */
export async function measureOcpiReads(adminUrl: string, runs = 30): Promise<OcpiReadsResult> {
  const name = `cb_bench_ocpi_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
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
    const evses = (await sql<{ n: number }>`select count(*)::int as n from evses`.execute(db)).rows[0]?.n ?? 0;
    const seedMs = performance.now() - t0;

    const app = await build({
      config: loadConfig({ DATABASE_URL: url.toString(), PUBLIC_URL: 'http://bench.local' }),
      store,
      runner: new InProcessJobRunner(),
      logger: pino({ level: 'silent' }),
      adminToken: 'bench-admin-token-0123456789',
    });
    const headers = { authorization: `Token ${Buffer.from('bench-token').toString('base64')}` };
    const times: number[] = [];
    let pageBytes = 0;
    const cold: number[] = [];
    // The first pass over the 10 pages renders every location (the API's rendered-locations cache
    // is empty): recorded apart as "cold". The measured runs after it are the steady state of
    // repeated pulls of unchanged locations ("warm").
    for (let i = 0; i < runs + 10; i++) {
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
      pageBytes = response.body.length;
      if (i < 10) cold.push(elapsed);
      else times.push(elapsed);
    }
    await app.close();

    // Where the time goes: the page query, the view mapping, the response serialization.
    const views = repositories(db).locationViews;
    const sqlMs: number[] = [];
    const mapMs: number[] = [];
    const serMs: number[] = [];
    const verMs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const v0 = performance.now();
      await views.pageVersions([{ country_code: 'NL', party_id: 'CPO' }], {
        offset: i * 1000,
        limit: 1001,
        dateTo: new Date(),
      });
      verMs.push(performance.now() - v0);
      const s0 = performance.now();
      const page = await views.page([{ country_code: 'NL', party_id: 'CPO' }], {
        offset: i * 1000,
        limit: 1001,
        dateTo: new Date(),
      });
      const s1 = performance.now();
      const mapped = page.items.map(toOcpiLocation);
      const s2 = performance.now();
      JSON.stringify(ocpiSuccess(mapped));
      serMs.push(performance.now() - s2);
      mapMs.push(s2 - s1);
      sqlMs.push(s1 - s0);
    }
    const plan = await explainPage(url.toString());
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] as number;
    return {
      evses,
      seedMs,
      pageBytes,
      runs,
      p50: pct(50),
      p95: pct(95),
      min: times[0] as number,
      coldFirst: cold[0] as number,
      coldP50: med(cold),
      stages: { sql: med(sqlMs), map: med(mapMs), serialize: med(serMs), versions: med(verMs) },
      plan,
    };
  } finally {
    await store.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of the repository's own page query, captured from Kysely's log. */
async function explainPage(url: string): Promise<string> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  let captured: { sql: string; parameters: readonly unknown[] } | undefined;
  const db = new Kysely({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query' && event.query.sql.includes('json_agg')) captured = event.query;
    },
  });
  try {
    await repositories(db as never).locationViews.page([{ country_code: 'NL', party_id: 'CPO' }], {
      offset: 5000,
      limit: 1001,
    });
    if (!captured) return '(page query not captured)';
    const { rows } = await pool.query(`explain (analyze, buffers) ${captured.sql}`, [...captured.parameters]);
    return rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  } finally {
    await db.destroy();
  }
}
