/**
 * Sums priced lines into the CDR cost fields (mod_cdrs "CDR Object") and rounds them for output.
 *
 * - `total_fixed_cost`: charging-phase FLAT ("except fixed price components of parking and reservation").
 * - `total_energy_cost`, `total_time_cost`, `total_parking_cost`: lines of that dimension.
 * - `total_reservation_cost`: reservation-phase lines, "including fixed price components".
 * - `total_cost`: sum of all lines, then clamped to min/max price (`pricing/price-bounds.ts`).
 * - `total_energy`: kWh of the charging phase. `total_time`: charging + parking hours of the
 *   charging phase (reservation time excluded). `total_parking_time`: parking hours.
 * Every Price carries `incl_vat`: a component without `vat` has "no VAT applicable", so its
 * incl. VAT amount equals its excl. VAT amount (README, "VAT").
 */
import type { CompiledTariff } from '../compile/compiled-tariff.types.js';
import type { CostCategory, CostLine } from '../pricing/cost-line.types.js';
import { applyPriceBounds, type PriceAdjustment } from '../pricing/price-bounds.js';
import { type Dec, MS_PER_HOUR, toOutputNumber, ZERO } from '../rounding.js';
import type { NormalizedSession } from '../session/normalized-session.types.js';
import type { CdrCostFields } from '../types/ocpi-cdr.types.js';
import type { OcpiPrice } from '../types/ocpi-tariff.types.js';

/** CDR fields plus the min/max corrections applied to `total_cost`. */
export interface CdrTotals {
  fields: CdrCostFields;
  adjustments: PriceAdjustment[];
}

const CATEGORIES: readonly CostCategory[] = ['fixed', 'energy', 'time', 'parking', 'reservation'];

/** Computes the CDR cost fields of a priced session. */
export function writeCdrTotals(
  lines: readonly CostLine[],
  session: NormalizedSession,
  tariff: CompiledTariff,
): CdrTotals {
  const excl: Record<CostCategory, Dec> = { fixed: ZERO, energy: ZERO, time: ZERO, parking: ZERO, reservation: ZERO };
  const incl: Record<CostCategory, Dec> = { fixed: ZERO, energy: ZERO, time: ZERO, parking: ZERO, reservation: ZERO };
  for (const line of lines) {
    excl[line.category] = add(excl[line.category], line.excl);
    incl[line.category] = add(incl[line.category], line.incl);
  }
  let totalExcl = ZERO;
  let totalIncl = ZERO;
  for (const c of CATEGORIES) {
    totalExcl = add(totalExcl, excl[c]);
    totalIncl = add(totalIncl, incl[c]);
  }
  const bounded = applyPriceBounds(totalExcl, totalIncl, tariff.minPrice, tariff.maxPrice);
  let energy = ZERO;
  let timeMs = ZERO;
  let parkingMs = ZERO;
  let parkingHours = ZERO;
  for (const p of session.periods) {
    if (p.reservation) continue;
    energy = add(energy, p.energy);
    timeMs = add(timeMs, p.timeMs);
    parkingMs = add(parkingMs, p.parkingMs);
    parkingHours = add(parkingHours, p.parkingHours);
  }
  return {
    fields: {
      total_cost: price(bounded.excl, bounded.incl),
      total_fixed_cost: price(excl.fixed, incl.fixed),
      total_energy: toOutputNumber(energy),
      total_energy_cost: price(excl.energy, incl.energy),
      total_time: hours(add(timeMs, parkingMs)),
      total_time_cost: price(excl.time, incl.time),
      total_parking_time: toOutputNumber(parkingHours),
      total_parking_cost: price(excl.parking, incl.parking),
      total_reservation_cost: price(excl.reservation, incl.reservation),
    },
    adjustments: bounded.adjustments,
  };
}

/** `a + b`, skipping the decimal operation when either is zero (hot path). */
function add(a: Dec, b: Dec): Dec {
  return a.isZero() ? b : b.isZero() ? a : a.plus(b);
}

function price(excl: Dec, incl: Dec): OcpiPrice {
  return { excl_vat: toOutputNumber(excl), incl_vat: toOutputNumber(incl) };
}

function hours(ms: Dec): number {
  return ms.isZero() ? 0 : toOutputNumber(ms.div(MS_PER_HOUR));
}
