import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, cpuProfileFlags, exited, repoRoot, spawnCli } from '../support/processes.js';
import { commandFor, n, type Scenario } from './scenario.js';

const DEFAULT_CDRS = 1_000_000;
const SEED_CHUNK = 100_000;

/** Seeds `count` CDRs (every 50th a credit) with bulk `insert … select generate_series`. */
export function seedSql(fromId: number, toId: number): string {
  // Realistic OCPI CDR documents (~1.2 kB): token, location, two tariffs, two charging periods, every cost.
  return `insert into cdrs (country_code, party_id, cdr_id, session_id, token_country_code, token_party_id,
      currency, total_cost_excl_vat, total_cost_incl_vat, total_energy_kwh, start_date_time, end_date_time,
      credit, credit_reference_id, data)
    select 'NL', case when g % 4 = 0 then 'CPB' else 'CPA' end, 'CDR' || g, 'S' || g, 'DE', 'EMP', 'EUR',
      v.sign * v.excl, v.sign * round(v.excl * 1.21, 4), v.sign * v.kwh, v.start_at, v.end_at,
      g % 50 = 0, case when g % 50 = 0 then 'CDR' || (g - 1) end,
      jsonb_build_object(
        'country_code', 'NL', 'party_id', 'CPA', 'id', 'CDR' || g,
        'start_date_time', v.start_at, 'end_date_time', v.end_at, 'session_id', 'S' || g,
        'cdr_token', jsonb_build_object('country_code', 'DE', 'party_id', 'EMP', 'uid', 'UID' || (g % 5000),
          'type', 'RFID', 'contract_id', 'DE-EMP-C' || (g % 5000)),
        'auth_method', 'WHITELIST',
        'cdr_location', jsonb_build_object('id', 'LOC' || (g % 1000), 'name', 'Location ' || (g % 1000),
          'address', 'Main street ' || (g % 1000), 'city', 'Utrecht', 'postal_code', '3511AB', 'country', 'NLD',
          'coordinates', jsonb_build_object('latitude', '52.09083', 'longitude', '5.12222'),
          'evse_uid', 'EVSE' || (g % 10000), 'evse_id', 'NL*CPA*E' || (g % 10000), 'connector_id', '1',
          'connector_standard', 'IEC_62196_T2', 'connector_format', 'SOCKET', 'connector_power_type', 'AC_3_PHASE'),
        'currency', 'EUR',
        'tariffs', jsonb_build_array(jsonb_build_object('id', 'T1'), jsonb_build_object('id', 'T2')),
        'charging_periods', jsonb_build_array(
          jsonb_build_object('start_date_time', v.start_at, 'tariff_id', 'T1',
            'dimensions', jsonb_build_array(jsonb_build_object('type', 'ENERGY', 'volume', v.kwh),
              jsonb_build_object('type', 'TIME', 'volume', 1.5))),
          jsonb_build_object('start_date_time', v.start_at + interval '90 minutes', 'tariff_id', 'T1',
            'dimensions', jsonb_build_array(jsonb_build_object('type', 'PARKING_TIME', 'volume', 0.25)))),
        'total_cost', jsonb_build_object('excl_vat', v.sign * v.excl, 'incl_vat', v.sign * round(v.excl * 1.21, 4)),
        'total_fixed_cost', jsonb_build_object('excl_vat', v.sign * 0.5, 'incl_vat', v.sign * 0.605),
        'total_energy', v.sign * v.kwh,
        'total_energy_cost', jsonb_build_object('excl_vat', v.sign * (v.excl - 1), 'incl_vat', v.sign * round((v.excl - 1) * 1.21, 4)),
        'total_time', v.sign * 1.75,
        'total_parking_time', v.sign * 0.25,
        'total_parking_cost', jsonb_build_object('excl_vat', v.sign * 0.5, 'incl_vat', v.sign * 0.605),
        'credit', g % 50 = 0,
        'last_updated', v.end_at)
    from generate_series(${fromId}, ${toId}) g,
      lateral (select case when g % 50 = 0 then -1 else 1 end as sign,
        round((5 + (g % 400) / 10.0)::numeric, 3) as kwh,
        round((1 + (5 + (g % 400) / 10.0) * 0.35)::numeric, 4) as excl,
        timestamptz '2026-01-01T00:00:00Z' + (g * interval '30 seconds') as start_at,
        timestamptz '2026-01-01T02:00:00Z' + (g * interval '30 seconds') as end_at) v`;
}

/** Runs the tariff engine's own benchmark (packages/tariffs/bench/price.bench.ts) and reads its headline. */
async function pricingRate(): Promise<{ perCpuSecond: number | undefined; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/tariffs/bench/price.bench.ts'], {
    cwd: repoRoot,
    env: { ...process.env, BENCH_ONLY_SIMPLE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = collect(child, 'stdout');
  const err = collect(child, 'stderr');
  await exited(child);
  const m = /simple session, compiled tariff\s+best\s+([\d,]+)\/s CPU/.exec(out());
  return { perCpuSecond: m ? Number((m[1] as string).replaceAll(',', '')) : undefined, output: out() + err() };
}

/**
 * 5. Finance: seeds N CDRs (default 1,000,000) into the hub's PostgreSQL, then times
 * `chargebridge cdr export --format csv --out FILE` as a separate process (wall clock including
 * start-up) and its peak RSS, checks the file and the printed totals; then the tariff pricing rate.
 */
export const financeScenario: Scenario = {
  name: 'finance',
  async run(hub, flags) {
    const count = flags.count ?? DEFAULT_CDRS;
    const seed0 = performance.now();
    for (let from = 1; from <= count; from += SEED_CHUNK) {
      await hub.query(seedSql(from, Math.min(count, from + SEED_CHUNK - 1)));
    }
    await hub.query('analyze cdrs');
    const seedS = (performance.now() - seed0) / 1000;
    console.log(`seeded ${n(count)} CDRs in ${seedS.toFixed(1)} s`);
    const [sums] = await hub.query<{ excl: string; incl: string; credits: string }>(
      `select sum(total_cost_excl_vat)::text as excl, sum(total_cost_incl_vat)::text as incl,
              count(*) filter (where credit)::text as credits from cdrs`,
    );

    const dir = mkdtempSync(join(tmpdir(), 'cb-finance-'));
    const file = join(dir, 'cdrs.csv');
    const args = ['cdr', 'export', '--from', '2025-01-01', '--to', '2028-01-01', '--out', file];
    // BENCH_CPU_PROF=DIR: a V8 CPU profile of the export process (open it in Chrome DevTools).
    const started = performance.now();
    const child = spawnCli(args, { DATABASE_URL: hub.databaseUrl }, undefined, cpuProfileFlags());
    const stderr = collect(child, 'stderr');
    let peakRss = 0;
    const sample = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        peakRss = Math.max(peakRss, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
      } catch {}
    }, 50);
    const code = await exited(child);
    clearInterval(sample);
    const wallS = (performance.now() - started) / 1000;
    const exportS = Number(/ in ([\d.]+) s/.exec(stderr())?.[1] ?? Number.NaN);
    const bytes = statSync(file).size;
    let lines = 0;
    const text = readFileSync(file);
    for (let i = 0; i < text.length; i++) if (text[i] === 10) lines++;
    rmSync(dir, { recursive: true, force: true });
    const totalsOk =
      code === 0 &&
      lines === count + 1 &&
      stderr().includes(`total_cost excl. VAT ${Number(sums?.excl)}, incl. VAT ${Number(sums?.incl)}`);

    const pricing = await pricingRate();
    const met = count >= DEFAULT_CDRS && wallS < 30 && totalsOk;
    return {
      scenario: 'finance',
      label: '5. finance',
      target: '1,000,000 CDRs exported in < 30 s; tariff pricing rate',
      result:
        `${n(count)} CDRs → CSV (${(bytes / 1e6).toFixed(0)} MB) in ${wallS.toFixed(1)} s ` +
        `(${n(count / wallS)} CDRs/s), peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB; ` +
        `pricing ${pricing.perCpuSecond === undefined ? '—' : n(pricing.perCpuSecond)} sessions/CPU-s`,
      met,
      command: commandFor('finance', flags),
      note:
        `\`chargebridge cdr export --format csv --out FILE\` as its own process against PostgreSQL: ` +
        `${wallS.toFixed(1)} s wall including process start-up (${exportS.toFixed(1)} s of export proper), ` +
        `${lines - 1} rows written, totals per currency ${totalsOk ? 'match' : 'DO NOT match'} SQL sums ` +
        `(${sums?.credits} credit CDRs). Memory stays flat: keyset batches of 5,000 over the (last_updated, id) index, ` +
        `every field turned into text by PostgreSQL. Seeding took ${seedS.toFixed(0)} s. ` +
        `Tariff pricing: packages/tariffs/bench/price.bench.ts, simple session with a compiled tariff, best round, one core. ` +
        `Profile (node --cpu-prof of the export process, \`BENCH_CPU_PROF=DIR npm run bench -- --scenario finance\`): ` +
        `the main thread is 41–57 % idle waiting for PostgreSQL (≈ 60–135 ms per batch of 5,000 under load), GC 15–18 %, ` +
        `pg wire decoding ≈ 8 %, CSV formatting ≈ 3 %, exact totals ≈ 2 %; ≈ 25 s of client CPU (user+sys) per million rows; ` +
        `start-up (tsx loading every CLI command) 3–6 s. Fixed so far: the CDR document taken apart once per row ` +
        `(jsonb_to_record), the next batch prefetched while the current one is written, quoting checked on text columns only, ` +
        `an exact Number fast path for the totals. Tried and reverted: one json_agg text per batch (client CPU −15 %, ` +
        `but PostgreSQL 2× slower). The run is CPU-bound on a 2-core machine shared with other engineers' test suites ` +
        `(load average 5–9): at load ≈ 5 the export took 28.3 s (34.5 s wall), at ≈ 9 47 s.`,
      details: { count, seedS, wallS, exportS, peakRss, bytes, lines, code, sums, stderr: stderr(), pricing },
    };
  },
};
