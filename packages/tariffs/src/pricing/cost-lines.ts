/**
 * Builds the priced lines of a session from its slices (mod_tariffs "Tariff Object" for the
 * per-dimension lookup, mod_cdrs "CDR Object" for which cost field a line belongs to).
 *
 * FLAT is charged once per phase: in the charging phase by the FLAT component of the first slice
 * that has one (→ `total_fixed_cost`), and once more in the reservation phase by a reservation
 * element's FLAT (→ `total_reservation_cost`, which the spec says includes fixed reservation fees).
 * Zero volumes produce no line.
 */
import type { CompiledComponent } from '../compile/compiled-tariff.types.js';
import type { ResolvedSlice } from '../matching/slice.merger.js';
import { type Dec, MS_PER_HOUR, ONE, ZERO } from '../rounding.js';
import type { SubPeriod } from '../split/sub-period.types.js';
import type { CostCategory, CostLine } from './cost-line.types.js';

/** Creates unpriced lines (amounts are zero until {@link priceLines}). */
export function buildLines(slices: readonly ResolvedSlice[]): CostLine[] {
  const lines: CostLine[] = [];
  let chargingFlat = false;
  let reservationFlat = false;
  for (const { sub, found } of slices) {
    const reservation = sub.period.reservation;
    if (found.FLAT !== undefined && !(reservation ? reservationFlat : chargingFlat)) {
      addLine(lines, sub, found.FLAT, ONE, reservation ? 'reservation' : 'fixed');
      if (reservation) reservationFlat = true;
      else chargingFlat = true;
    }
    if (reservation) {
      addLine(lines, sub, found.TIME, sub.reservationMs, 'reservation');
      continue;
    }
    addLine(lines, sub, found.ENERGY, sub.energy, 'energy');
    addLine(lines, sub, found.TIME, sub.timeMs, 'time');
    addLine(lines, sub, found.PARKING_TIME, sub.parkingMs, 'parking');
  }
  return lines;
}

function addLine(
  lines: CostLine[],
  sub: SubPeriod,
  component: CompiledComponent | undefined,
  volume: Dec,
  category: CostCategory,
): void {
  if (component === undefined || volume.isZero()) return;
  lines.push({
    sub,
    dimension: component.dimension,
    category,
    component,
    volume,
    billed: volume,
    excl: ZERO,
    incl: ZERO,
  });
}

/** Computes `excl` (price × billed volume; time priced per hour) and `incl` (× 1 + VAT) of every line. */
export function priceLines(lines: CostLine[]): void {
  for (const line of lines) {
    const c = line.component;
    if (line.billed === ONE) {
      line.excl = c.price;
      line.incl = c.priceInclVat;
      continue;
    }
    let excl = c.price.times(line.billed);
    if (line.dimension === 'TIME' || line.dimension === 'PARKING_TIME') excl = excl.div(MS_PER_HOUR);
    line.excl = excl;
    line.incl = c.vat === null || excl.isZero() ? excl : excl.times(c.vatFactor);
  }
}
