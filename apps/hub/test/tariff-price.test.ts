import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cb-tariff-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

const tariff = file('tariff.json', {
  country_code: 'NL',
  party_id: 'CBH',
  id: 'T1',
  currency: 'EUR',
  elements: [
    { price_components: [{ type: 'FLAT', price: 0.5, vat: 21 }] },
    { price_components: [{ type: 'ENERGY', price: 0.3, vat: 21, step_size: 1 }] },
    // Parking is charged per started 5 minutes (step_size 300 s), at 2.00 per hour.
    { price_components: [{ type: 'PARKING_TIME', price: 2, vat: 21, step_size: 300 }] },
  ],
  last_updated: '2026-01-01T00:00:00Z',
});

const cdr = file('cdr.json', {
  currency: 'EUR',
  start_date_time: '2026-03-01T10:00:00Z',
  end_date_time: '2026-03-01T11:10:00Z',
  charging_periods: [
    {
      start_date_time: '2026-03-01T10:00:00Z',
      dimensions: [
        { type: 'ENERGY', volume: 12 },
        { type: 'TIME', volume: 1 },
      ],
    },
    { start_date_time: '2026-03-01T11:00:00Z', dimensions: [{ type: 'PARKING_TIME', volume: 0.1 }] },
  ],
});

describe('chargebridge tariff price', () => {
  it('prints the CDR cost fields as JSON', async () => {
    const { code, stdout } = await runCli(['tariff', 'price', '--tariff', tariff, '--cdr', cdr], {});
    expect(code).toBe(0);
    const totals = JSON.parse(stdout);
    // FLAT 0.50 + 12 kWh × 0.30 + 6 min of parking → two started 5-minute steps → 10 min × 2.00/h.
    expect(totals.total_fixed_cost).toEqual({ excl_vat: 0.5, incl_vat: 0.605 });
    expect(totals.total_energy_cost).toEqual({ excl_vat: 3.6, incl_vat: 4.356 });
    expect(totals.total_parking_cost.excl_vat).toBeCloseTo(0.3333, 4);
    expect(totals.total_cost.excl_vat).toBeCloseTo(0.5 + 3.6 + 0.3333, 4);
    expect(totals.total_energy).toBe(12);
  });

  it('exits 1 with a message naming the field on invalid input', async () => {
    const bad = file('bad-cdr.json', { currency: 'euro', start_date_time: 'yesterday', charging_periods: [] });
    const { code, stderr } = await runCli(['tariff', 'price', '--tariff', tariff, '--cdr', bad], {});
    expect(code).toBe(1);
    expect(stderr).toContain('cdr.currency');
  });

  it('exits 1 when a file is missing', async () => {
    const { code, stderr } = await runCli(['tariff', 'price', '--tariff', join(dir, 'nope.json'), '--cdr', cdr], {});
    expect(code).toBe(1);
    expect(stderr).toContain('nope.json: no such file');
  });
});
