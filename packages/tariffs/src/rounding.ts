/**
 * THE place for every numeric-precision and rounding rule of the pricing engine.
 *
 * OCPI 2.2.1 deliberately says nothing about price rounding (mod_tariffs "Tariff Object", NOTE on
 * rounding: it is left to law, contracts and currency). The only hint is the `number` type
 * (types "number type"): JSON numbers that, unless mentioned otherwise, "use 4 decimals". So:
 *
 * 1. Internal arithmetic is decimal (decimal.js), never binary floating point, with
 *    {@link INTERNAL_PRECISION} significant digits. Additions and multiplications of the inputs
 *    we see (prices, kWh, milliseconds) are exact at this precision; the only inexact operation is the
 *    division of seconds by 3600 to get hours (and linear interpolation inside a split period).
 * 2. Nothing is rounded while pricing: breakdown lines carry exact amounts, step_size is the only
 *    "rounding" of volumes and it is a billing rule (see `pricing/step-size.ts`), not a numeric one.
 * 3. Output values (CDR totals, volumes in re-priced charging periods) are rounded ONCE, at the
 *    very end, with {@link roundForOutput}: first snapped to {@link GUARD_DECIMALS} decimals
 *    (half-even) to absorb the ~1e-50 residue of that division, then rounded half-up (away
 *    from zero) to {@link OUTPUT_DECIMALS} decimals. The snap cannot cause a double-rounding error
 *    for realistic inputs: a true value is of the form k / (3 600 000 · 10^d) for prices with d ≤ 10
 *    decimals, so it is either exactly on a half-way point or at least 1e-16 away from one.
 * 4. step_size ceilings (`pricing/step-size.ts`) also snap away residue first, so that an
 *    interpolated 23.848000…001 kWh is not billed as 23.849 kWh with a 1 Wh step.
 * 5. Each category total (energy, time, parking, fixed, reservation) and `total_cost` is rounded
 *    from its own exact sum; `total_cost` is therefore NOT the sum of the rounded category totals
 *    (it can differ by a few 0.0001). Breakdown lines are never rounded.
 */
import Decimal from 'decimal.js';

/** Significant digits of internal decimal arithmetic. */
export const INTERNAL_PRECISION = 50;

/** Decimals of every number the engine outputs (OCPI `number`: "4 decimals"). */
export const OUTPUT_DECIMALS = 4;

/** Decimals kept when snapping away division residue before the output rounding. */
export const GUARD_DECIMALS = 20;

/**
 * The engine's private decimal constructor. A clone, so the global `Decimal` configuration of
 * other packages is neither used nor changed.
 */
export const Dec = Decimal.clone({
  precision: INTERNAL_PRECISION,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});

/** A decimal value of the engine's arithmetic. */
export type Dec = Decimal;

/** Exact decimal zero. */
export const ZERO: Dec = new Dec(0);
/** Exact decimal one. */
export const ONE: Dec = new Dec(1);
/** Milliseconds per hour: TIME/PARKING_TIME prices are per hour, volumes are kept in milliseconds. */
export const MS_PER_HOUR: Dec = new Dec(3_600_000);
/** Milliseconds per second: step_size of time dimensions is in seconds. */
export const MS_PER_SECOND: Dec = new Dec(1000);
/** Wh per kWh: ENERGY step_size is in Wh, volumes are kept in kWh. */
export const WH_PER_KWH: Dec = new Dec(1000);
/** Divisor turning a VAT percentage into a fraction. */
export const PERCENT: Dec = new Dec(100);

/**
 * Converts a JSON number to an exact decimal: the number's shortest round-trip decimal string
 * (what `JSON.stringify` would print) is taken literally, so `0.1` becomes exactly 0.1.
 */
export function decimalFromNumber(value: number): Dec {
  return Number.isInteger(value) && Math.abs(value) < 1e15 ? new Dec(value) : new Dec(String(value));
}

/**
 * Removes division residue: rounds to {@link GUARD_DECIMALS} decimals, half-even. Used before any
 * rounding whose result could flip on a residue (output rounding, step_size ceilings).
 */
export function snapResidue(value: Dec): Dec {
  return value.toDecimalPlaces(GUARD_DECIMALS, Decimal.ROUND_HALF_EVEN);
}

/** Rounds an exact decimal for output: guard snap (half-even), then half-up to {@link OUTPUT_DECIMALS}. */
export function roundForOutput(value: Dec): Dec {
  return snapResidue(value).toDecimalPlaces(OUTPUT_DECIMALS, Decimal.ROUND_HALF_UP);
}

/** {@link roundForOutput} as a JSON number (never `-0`). */
export function toOutputNumber(value: Dec): number {
  if (value.isZero()) return 0;
  // Values with ≤ OUTPUT_DECIMALS decimals are already what roundForOutput returns.
  const n = decimalToNumber(value.decimalPlaces() <= OUTPUT_DECIMALS ? value : roundForOutput(value));
  return n === 0 ? 0 : n;
}

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * The JSON number nearest to a decimal: the same result as `Number(value.toString())` (tested),
 * without building the string. Fast path for up to 14 significant digits, read from decimal.js's
 * documented instance properties (`d`: base-1e7 digit words, `e`: decimal exponent, `s`: sign):
 * the digits form an exact integer W < 2^53 and the value is W × 10^x; multiplying or dividing
 * exact integers by an exact power of ten is correctly rounded in IEEE 754, so this is the nearest
 * double. Anything else falls back to decimal.js's own conversion.
 */
export function decimalToNumber(value: Dec): number {
  const words = value.d;
  if (words === null || words === undefined || words.length > 2) return value.toNumber();
  const first = words[0];
  let digits = 1;
  while (digits < 7 && first >= POWERS_OF_TEN[digits]) digits++;
  let integer = first;
  if (words.length === 2) {
    integer = first * 10_000_000 + words[1];
    digits += 7;
  }
  const exponent = value.e - digits + 1;
  if (exponent < -22 || exponent > 22 || integer > Number.MAX_SAFE_INTEGER) return value.toNumber();
  const magnitude = exponent >= 0 ? integer * POWERS_OF_TEN[exponent] : integer / POWERS_OF_TEN[-exponent];
  if (exponent > 0 && magnitude > Number.MAX_SAFE_INTEGER) return value.toNumber();
  return value.s < 0 ? -magnitude : magnitude;
}

/** Exact decimal as a plain (non-exponential) string, for breakdown lines. Trailing zeros are dropped. */
export function toExactString(value: Dec): string {
  return value.isZero() ? '0' : value.toFixed();
}
