/**
 * The production bundle (scripts/build-hub.mjs): the CLI and the workspace packages in one ES
 * module, third-party packages left in node_modules, and it prices a session exactly like the
 * sources do. (The `chargebridge` command runs this bundle after `npm ci`, so the CLI tests in
 * this folder exercise it too while it is current.)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildHub } from '../../../scripts/build-hub.mjs';
import { cliPath } from './run-cli.js';

// Inside the repository: the bundle imports third-party packages from its node_modules.
const scratch = resolve(import.meta.dirname, '../../../.tmp');
mkdirSync(scratch, { recursive: true });
const dir = mkdtempSync(join(scratch, 'bundle-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};
const tariff = write('tariff.json', {
  country_code: 'NL',
  party_id: 'CBH',
  id: 'T1',
  currency: 'EUR',
  elements: [{ price_components: [{ type: 'ENERGY', price: 0.3, vat: 21, step_size: 1 }] }],
  last_updated: '2026-01-01T00:00:00Z',
});
const cdr = write('cdr.json', {
  currency: 'EUR',
  start_date_time: '2026-03-01T10:00:00Z',
  end_date_time: '2026-03-01T11:00:00Z',
  charging_periods: [{ start_date_time: '2026-03-01T10:00:00Z', dimensions: [{ type: 'ENERGY', volume: 12.5 }] }],
});

function run(command: string[], env: Record<string, string> = {}) {
  const started = performance.now();
  const r = spawnSync(process.execPath, command, { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { ...r, ms: Math.round(performance.now() - started) };
}

describe('the production bundle of the CLI', () => {
  it('bundles the workspace sources only and prices like the sources', { timeout: 60_000 }, async () => {
    const out = join(dir, 'dist');
    const { entry, inputs } = (await buildHub(out)) as { entry: string; inputs: string[] };
    expect(inputs).toContain('apps/hub/src/cli.ts');
    expect(inputs).toContain('packages/tariffs/src/index.ts');
    expect(inputs.filter((p) => p.includes('node_modules'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, 'inputs.json'), 'utf8'))).toEqual(inputs);

    const args = ['tariff', 'price', '--tariff', tariff, '--cdr', cdr];
    const bundled = run([entry, ...args]);
    const sources = run([cliPath, ...args], { CHARGEBRIDGE_FROM_SOURCE: '1' });
    console.log(`[bundle] tariff price: bundle ${bundled.ms} ms, sources through tsx ${sources.ms} ms`);
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(sources.status, sources.stderr).toBe(0);
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(sources.stdout));
    expect(JSON.parse(bundled.stdout).total_cost).toEqual({ excl_vat: 3.75, incl_vat: 4.5375 });
  });
});
