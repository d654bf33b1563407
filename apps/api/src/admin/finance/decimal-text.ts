import { DecimalSum } from '@chargebridge/domain';

/** The exact sum of decimal texts ("1.25", "-0.0000001"); null entries are skipped. */
export function sumDecimals(values: ReadonlyArray<string | null>): string {
  const sum = new DecimalSum();
  for (const v of values) sum.add(v);
  return sum.toString();
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Rounds an exact decimal text the way the tariff engine rounds its output (its `rounding.ts`):
 * residue snapped away at 20 decimals (half-even), then half-up (away from zero) to `decimals`.
 * Returns a JS number (OCPI `number`). Text that is not a plain decimal gives NaN.
 */
export function roundDecimal(text: string, decimals = 4): number {
  const m = DECIMAL.exec(text);
  if (!m) return Number.NaN;
  const negative = m[1] === '-';
  const GUARD = 20;
  const fraction = m[3] ?? '';
  // Snap to GUARD decimals, half-even.
  let units = BigInt(m[2] + fraction.slice(0, GUARD).padEnd(GUARD, '0'));
  const rest = fraction.slice(GUARD);
  if (rest !== '' && /[1-9]/.test(rest)) {
    const first = rest.charCodeAt(0) - 48;
    const exactHalf = first === 5 && !/[1-9]/.test(rest.slice(1));
    if (first > 5 || (first === 5 && (!exactHalf || units % 2n === 1n))) units += 1n;
  }
  // Half-up (away from zero) to `decimals`.
  const drop = 10n ** BigInt(GUARD - decimals);
  let kept = units / drop;
  if ((units % drop) * 2n >= drop) kept += 1n;
  const value = Number(kept) / 10 ** decimals;
  return negative && value !== 0 ? -value : value;
}

/** Exact sum of decimal texts, rounded like the engine's output. */
export function roundedSum(values: ReadonlyArray<string | null>, decimals = 4): number {
  return roundDecimal(sumDecimals(values), decimals);
}
