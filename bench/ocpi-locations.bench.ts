/**
 * Benchmark (not a test): GET a page of 1,000 OCPI locations with 100,000 EVSEs in the store.
 * The same measurement as `npm run bench -- --scenario ocpi-reads`, standalone:
 *
 *   node --import tsx bench/ocpi-locations.bench.ts        # TEST_DATABASE_URL or a throwaway PostgreSQL
 *
 * Target: p50 < 100 ms per page.
 */
import { startThrowawayPostgres } from '../test/support/throwaway-postgres.js';
import { measureOcpiReads } from './support/ocpi-locations.measure.js';

const throwaway = process.env.TEST_DATABASE_URL ? undefined : await startThrowawayPostgres();
try {
  const r = await measureOcpiReads(process.env.TEST_DATABASE_URL ?? (throwaway as { url: string }).url);
  console.log(`seeded ${r.evses} EVSEs in ${Math.round(r.seedMs)} ms`);
  console.log(
    `  of which: SQL (query + pg JSON parse) median ${r.stages.sql.toFixed(1)} ms, view mapping ${r.stages.map.toFixed(1)} ms, ` +
      `serialization ${r.stages.serialize.toFixed(1)} ms; versions-only page query ${r.stages.versions.toFixed(1)} ms`,
  );
  console.log(
    `cold (empty rendered-locations cache): first page ${r.coldFirst.toFixed(1)} ms, median of the first pass over ` +
      `the 10 pages ${r.coldP50.toFixed(1)} ms`,
  );
  console.log(
    `GET /ocpi/2.2.1/locations?limit=1000 (${(r.pageBytes / 1e6).toFixed(1)} MB): median ${r.p50.toFixed(1)} ms, ` +
      `p95 ${r.p95.toFixed(1)} ms (warm), min ${r.min.toFixed(1)} ms over ${r.runs} runs`,
  );
  console.log(r.plan);
} finally {
  await throwaway?.stop();
}
