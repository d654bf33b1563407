/**
 * Re-joins adjacent slices of the same charging period that ended up priced by exactly the same
 * components (the splitter cuts at every instant where a restriction MIGHT change; most cuts turn
 * out not to matter). Keeps the re-priced charging periods and the breakdown free of splits that
 * change nothing. Pricing is linear in volume, so merging never changes an amount.
 */
import type { CompiledComponent } from '../compile/compiled-tariff.types.js';
import type { SubPeriod } from '../split/sub-period.types.js';
import type { TariffDimensionType } from '../types/ocpi-tariff.types.js';

/** A slice with its resolved component per dimension. */
export interface ResolvedSlice {
  sub: SubPeriod;
  found: Partial<Record<TariffDimensionType, CompiledComponent>>;
}

const DIMENSIONS = ['FLAT', 'ENERGY', 'TIME', 'PARKING_TIME'] as const;

/**
 * Merges mergeable neighbours and renumbers `sub.index` consecutively. Mutates the (pipeline-owned)
 * slices in place to stay allocation-free on the hot path.
 */
export function mergeSlices(slices: ResolvedSlice[]): ResolvedSlice[] {
  const out: ResolvedSlice[] = [];
  for (const slice of slices) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.sub.period === slice.sub.period && sameComponents(prev.found, slice.found)) {
      join(prev.sub, slice.sub);
      continue;
    }
    slice.sub.index = out.length;
    out.push(slice);
  }
  return out;
}

/** Extends `a` by its successor `b` (same period); exact via the accrued volumes when known. */
function join(a: SubPeriod, b: SubPeriod): void {
  a.endMs = b.endMs;
  if (a.accrued !== undefined && b.accrued !== undefined) {
    const start = a.accrued.start;
    const end = b.accrued.end;
    a.accrued = { start, end };
    a.energy = end.energy.minus(start.energy);
    a.timeMs = end.timeMs.minus(start.timeMs);
    a.parkingMs = end.parkingMs.minus(start.parkingMs);
    a.reservationMs = end.reservationMs.minus(start.reservationMs);
    return;
  }
  a.energy = a.energy.plus(b.energy);
  a.timeMs = a.timeMs.plus(b.timeMs);
  a.parkingMs = a.parkingMs.plus(b.parkingMs);
  a.reservationMs = a.reservationMs.plus(b.reservationMs);
}

function sameComponents(
  a: Partial<Record<TariffDimensionType, CompiledComponent>>,
  b: Partial<Record<TariffDimensionType, CompiledComponent>>,
): boolean {
  if (a === b) return true;
  for (const d of DIMENSIONS) if (a[d] !== b[d]) return false;
  return true;
}
