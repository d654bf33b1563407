/**
 * Property tests (fast-check) over random valid tariffs and sessions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CostField,
  estimateRunningCost,
  type OcpiPrice,
  type PricingResult,
  priceSession,
  validateTariff,
} from '../src/index.js';
import { Dec, decimalToNumber, roundForOutput } from '../src/rounding.js';
import { arbSessionSpec, arbTariff, buildSession } from './helpers/arbitraries.js';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };
const PRICE_FIELDS = [
  'total_cost',
  'total_fixed_cost',
  'total_energy_cost',
  'total_time_cost',
  'total_parking_cost',
  'total_reservation_cost',
] as const;

function sumOf(result: PricingResult, field: CostField | 'all', key: 'exclVat' | 'inclVat'): number {
  const lines = result.breakdown.filter((l) => field === 'all' || l.costField === field);
  const n = roundForOutput(lines.reduce((acc, l) => acc.plus(l[key]), new Dec(0))).toNumber();
  return n === 0 ? 0 : n; // the engine never outputs -0
}

describe('pricing properties', () => {
  it('generated tariffs are valid', () => {
    fc.assert(
      fc.property(arbTariff, (t) => {
        expect(validateTariff(t).filter((i) => i.severity === 'error')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('every CDR cost field is the rounded sum of its breakdown lines', () => {
    fc.assert(
      fc.property(arbTariff, arbSessionSpec, (t, spec) => {
        const r = priceSession(t, buildSession(spec));
        for (const field of PRICE_FIELDS.slice(1)) {
          expect(r.cdr[field].excl_vat, field).toBe(sumOf(r, field, 'exclVat'));
          expect(r.cdr[field].incl_vat, field).toBe(sumOf(r, field, 'inclVat'));
        }
        expect(r.cdr.total_cost.excl_vat).toBe(sumOf(r, 'all', 'exclVat'));
        expect(r.cdr.total_cost.incl_vat).toBe(sumOf(r, 'all', 'inclVat'));
      }),
      RUNS,
    );
  });

  it('incl_vat ≥ excl_vat ≥ 0 for every price', () => {
    fc.assert(
      fc.property(arbTariff, arbSessionSpec, (t, spec) => {
        const r = priceSession(t, buildSession(spec));
        for (const field of PRICE_FIELDS) {
          const p = r.cdr[field] as OcpiPrice;
          expect(p.excl_vat, field).toBeGreaterThanOrEqual(0);
          expect(p.incl_vat as number, field).toBeGreaterThanOrEqual(p.excl_vat);
        }
      }),
      RUNS,
    );
  });

  it('total_cost respects min_price and max_price (excl. and, when given, incl. VAT)', () => {
    fc.assert(
      fc.property(arbTariff, arbSessionSpec, (t, spec) => {
        const total = priceSession(t, buildSession(spec)).cdr.total_cost;
        if (t.min_price) {
          expect(total.excl_vat).toBeGreaterThanOrEqual(t.min_price.excl_vat);
          if (t.min_price.incl_vat !== undefined) expect(total.incl_vat).toBeGreaterThanOrEqual(t.min_price.incl_vat);
        }
        if (t.max_price) {
          expect(total.excl_vat).toBeLessThanOrEqual(t.max_price.excl_vat);
          if (t.max_price.incl_vat !== undefined) expect(total.incl_vat).toBeLessThanOrEqual(t.max_price.incl_vat);
        }
      }),
      RUNS,
    );
  });

  it('splitting a period (proportionally) leaves every CDR field unchanged', () => {
    const withSplit = arbSessionSpec.chain((spec) =>
      fc
        .integer({ min: 0, max: spec.periods.length - 1 })
        .chain((i) => fc.tuple(fc.constant(spec), fc.constant(i), fc.integer({ min: 1, max: spec.periods[i].n - 1 }))),
    );
    fc.assert(
      fc.property(arbTariff, withSplit, (t, [spec, i, k]) => {
        const whole = priceSession(t, buildSession(spec));
        const split = priceSession(t, buildSession(spec, [i, k]));
        expect(split.cdr).toEqual(whole.cdr);
      }),
      RUNS,
    );
  });

  it('splitting at an arbitrary instant with arbitrary volumes changes nothing for a restriction-free tariff', () => {
    const plain = arbTariff.map((t) => ({
      ...t,
      elements: t.elements.map((e) => ({ price_components: e.price_components })),
    }));
    fc.assert(
      fc.property(plain, arbSessionSpec, fc.integer({ min: 0, max: 1000 }), (t, spec, wh) => {
        const session = buildSession(spec);
        const first = session.charging_periods[0];
        const energy = first.dimensions.find((dim) => dim.type === 'ENERGY');
        if (energy === undefined || spec.periods[0].n < 2) return;
        const cut = Date.parse(first.start_date_time) + spec.periods[0].unitSeconds * 1000;
        const totalWh = Math.round(energy.volume * 1000);
        const a = Math.min(wh, totalWh);
        const other = first.dimensions.filter((dim) => dim.type !== 'ENERGY');
        const resplit = {
          ...session,
          charging_periods: [
            {
              start_date_time: first.start_date_time,
              dimensions: [{ type: 'ENERGY' as const, volume: a / 1000 }, ...other],
            },
            {
              start_date_time: new Date(cut).toISOString(),
              dimensions: [{ type: 'ENERGY' as const, volume: (totalWh - a) / 1000 }, ...other],
            },
            ...session.charging_periods.slice(1),
          ],
        };
        expect(priceSession(t, resplit).cdr).toEqual(priceSession(t, session).cdr);
      }),
      RUNS,
    );
  });

  it('the running estimate at the session end never exceeds the final price', () => {
    // A min/max price without incl_vat takes the session's VAT mix, which step_size can change.
    const explicitBounds = arbTariff
      .filter((t) => t.min_price?.incl_vat !== undefined || t.min_price === undefined)
      .filter((t) => t.max_price?.incl_vat !== undefined || t.max_price === undefined);
    fc.assert(
      fc.property(explicitBounds, arbSessionSpec, (t, spec) => {
        const s = buildSession(spec);
        const final = priceSession(t, s).cdr.total_cost;
        const estimate = estimateRunningCost(t, s, s.end_date_time as string).cdr.total_cost;
        expect(estimate.excl_vat).toBeLessThanOrEqual(final.excl_vat);
        expect(estimate.incl_vat as number).toBeLessThanOrEqual(final.incl_vat as number);
      }),
      RUNS,
    );
  });
});

describe('rounding properties', () => {
  it('decimalToNumber is Number(toString()) for any decimal', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 25 }))
      .map(([digits, scale]) => new Dec(`${digits}e-${scale}`));
    fc.assert(
      fc.property(decimal, (value) => {
        expect(decimalToNumber(value)).toBe(Number(value.toString()));
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds half away from zero at 4 decimals', () => {
    expect(roundForOutput(new Dec('0.00005')).toString()).toBe('0.0001');
    expect(roundForOutput(new Dec('0.00004999')).toString()).toBe('0');
    expect(roundForOutput(new Dec('2.67045')).toString()).toBe('2.6705');
    // Division residue is snapped first: (1/3 + 1/6) of 0.0001 is exactly 0.00005.
    const third = new Dec('0.0001').div(3);
    const sixth = new Dec('0.0001').div(6);
    expect(roundForOutput(third.plus(sixth)).toString()).toBe('0.0001');
  });
});
