/**
 * Tariff `min_price` / `max_price` (mod_tariffs "Tariff Object" and its NOTEs: both the excl. and
 * the incl. VAT bound apply, each to its own total).
 *
 * When a bound has no `incl_vat`, its incl. VAT value is derived from the session's effective VAT
 * ratio (total incl / total excl; 1 when the session cost is 0). Without that, raising the excl.
 * total to a minimum could leave the incl. total below the excl. total.
 */
import type { CompiledPrice } from '../compile/compiled-tariff.types.js';
import { type Dec, ONE } from '../rounding.js';

/** A min/max price correction, reported as its own breakdown line. */
export interface PriceAdjustment {
  kind: 'MIN_PRICE' | 'MAX_PRICE';
  /** Amount added (positive for MIN_PRICE, negative for MAX_PRICE), excl. VAT. */
  excl: Dec;
  /** Amount added, incl. VAT. */
  incl: Dec;
}

/** Result of {@link applyPriceBounds}. */
export interface BoundedTotal {
  excl: Dec;
  incl: Dec;
  adjustments: PriceAdjustment[];
}

/** Clamps the exact session totals to the tariff's min/max price. */
export function applyPriceBounds(
  excl: Dec,
  incl: Dec,
  min: CompiledPrice | undefined,
  max: CompiledPrice | undefined,
): BoundedTotal {
  if (min === undefined && max === undefined) return { excl, incl, adjustments: [] };
  const ratio = excl.isZero() ? ONE : incl.div(excl);
  const inclOf = (bound: CompiledPrice): Dec => bound.incl ?? bound.excl.times(ratio);
  let newExcl = excl;
  let newIncl = incl;
  const adjustments: PriceAdjustment[] = [];
  if (min !== undefined) {
    const e = excl.lt(min.excl) ? min.excl : excl;
    const minIncl = inclOf(min);
    const i = incl.lt(minIncl) ? minIncl : incl;
    if (!e.eq(excl) || !i.eq(incl)) adjustments.push({ kind: 'MIN_PRICE', excl: e.minus(excl), incl: i.minus(incl) });
    newExcl = e;
    newIncl = i;
  }
  if (max !== undefined) {
    const e = newExcl.gt(max.excl) ? max.excl : newExcl;
    const maxIncl = inclOf(max);
    const i = newIncl.gt(maxIncl) ? maxIncl : newIncl;
    if (!e.eq(newExcl) || !i.eq(newIncl)) {
      adjustments.push({ kind: 'MAX_PRICE', excl: e.minus(newExcl), incl: i.minus(newIncl) });
    }
    newExcl = e;
    newIncl = i;
  }
  return { excl: newExcl, incl: newIncl, adjustments };
}
