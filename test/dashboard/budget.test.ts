import { beforeAll, describe, expect, it } from 'vitest';
import { allChunks, type BuiltChunk, initialChunks, LIBRARY_MARKERS } from './support/bundle-graph.js';
import { dashboardSnapshot } from './support/dashboard-build.js';

/**
 * The dashboard's performance budget, read from the built bundle: initial JavaScript under
 * 300 kB gzipped, one chunk per screen, MapLibre and ECharts only in route chunks.
 */

/** Issue 8's bar: the JavaScript of a first visit, gzip-compressed. */
const INITIAL_JS_BUDGET_GZIP = 300 * 1024;

/** Every screen is a route of its own, loaded when first visited. */
const SCREENS = [
  'LoginScreen',
  'OverviewScreen',
  'MapScreen',
  'StationsScreen',
  'StationScreen',
  'SessionsScreen',
  'SessionScreen',
  'CdrsScreen',
  'PartnersScreen',
  'TariffsScreen',
  'TokensScreen',
  'AlertsScreen',
  'SystemScreen',
  'AccessScreen',
];

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

describe('dashboard performance budget (built bundle)', () => {
  let initial: BuiltChunk[];
  let all: BuiltChunk[];

  beforeAll(async () => {
    // A complete copy of the build, read while nothing rebuilds it.
    const snapshot = await dashboardSnapshot();
    try {
      initial = initialChunks(snapshot.dir);
      all = allChunks(snapshot.dir);
    } finally {
      snapshot.remove();
    }
  }, 300_000);

  it('the initial JavaScript (entry, modulepreloads and their static imports) is under 300 kB gzipped', () => {
    const gzip = initial.reduce((sum, c) => sum + c.gzipBytes, 0);
    const raw = initial.reduce((sum, c) => sum + c.bytes, 0);
    const lazy = all.filter((c) => !initial.some((i) => i.file === c.file));
    console.log(
      `[budget] initial JS: ${initial.length} file(s), ${kB(raw)} raw, ${kB(gzip)} gzip ` +
        `(${initial.map((c) => `${c.file} ${kB(c.gzipBytes)}`).join(', ')}); ` +
        `${lazy.length} lazy chunks, ${kB(lazy.reduce((s, c) => s + c.gzipBytes, 0))} gzip`,
    );
    expect(initial.length).toBeGreaterThan(0);
    expect(gzip).toBeLessThan(INITIAL_JS_BUDGET_GZIP);
  });

  it("is a production build (React's development runtime is not bundled)", () => {
    // A build started with NODE_ENV=test (vitest's) would bundle jsx-dev-runtime: larger, slower.
    const dev = all.filter((c) => /jsx-dev-runtime/.test(c.file) || c.code.includes('jsxDEV')).map((c) => c.file);
    expect(dev).toEqual([]);
  });

  it('every screen is its own chunk, none of them in the initial load', () => {
    const initialFiles = new Set(initial.map((c) => c.file));
    for (const screen of SCREENS) {
      const chunk = all.find((c) => new RegExp(`^assets/${screen}-[\\w-]+\\.js$`).test(c.file));
      expect(chunk, `a chunk for ${screen}`).toBeDefined();
      expect(initialFiles.has(chunk!.file), `${screen} is loaded up front`).toBe(false);
    }
  });

  it('MapLibre and ECharts are bundled, but only in route chunks, not in the initial load', () => {
    for (const [library, marker] of Object.entries(LIBRARY_MARKERS)) {
      const inInitial = initial.filter((c) => c.code.includes(marker)).map((c) => c.file);
      expect(inInitial, `${library} in the initial load`).toEqual([]);
      const holders = all.filter((c) => c.code.includes(marker));
      expect(holders.length, `${library} is bundled in some lazy chunk`).toBeGreaterThan(0);
      console.log(`[budget] ${library}: ${holders.map((c) => `${c.file} ${kB(c.gzipBytes)} gzip`).join(', ')}`);
    }
  });
});
