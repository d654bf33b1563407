/**
 * step_size (mod_tariffs "PriceComponent class"; mod_cdrs "CDR Object", step_size paragraph).
 *
 * - Applied once per session per group, to the group's TOTAL billed volume, using the step_size
 *   of the component that priced the group's LAST line; the extra volume is billed on that line.
 * - Groups: charging-phase ENERGY; charging-phase TIME and PARKING_TIME together (only the
 *   dimension of the last time-based line is rounded: "step_size is only taken into account for
 *   the total parking duration" when parking follows charging); reservation TIME (on its own).
 * - "Billed" volume only: volume in slices where no component priced the dimension is free and is
 *   neither counted nor rounded (mod_tariffs, "switching to Free-of-Charge Tariff Element").
 * - Rounding is up to the smallest multiple ≥ the total (ceil); a total of 0 stays 0. The spec
 *   says "greater than" but its own examples (6 min → 10 min with 300 s) are ceilings.
 */
import { type Dec, GUARD_DECIMALS, snapResidue, WH_PER_KWH } from '../rounding.js';
import type { CostLine } from './cost-line.types.js';

/** Applies step_size to the lines' `billed` volumes in place. */
export function applyStepSizes(lines: readonly CostLine[]): void {
  let lastEnergy: CostLine | undefined;
  let lastTimed: CostLine | undefined;
  let lastReservation: CostLine | undefined;
  for (const line of lines) {
    if (line.category === 'energy') lastEnergy = line;
    else if (line.category === 'time' || line.category === 'parking') lastTimed = line;
    else if (line.category === 'reservation' && line.dimension === 'TIME') lastReservation = line;
  }
  if (lastEnergy !== undefined) roundGroup(lines, lastEnergy);
  if (lastTimed !== undefined) roundGroup(lines, lastTimed);
  if (lastReservation !== undefined) roundGroup(lines, lastReservation);
}

function roundGroup(lines: readonly CostLine[], last: CostLine): void {
  let total: Dec | undefined;
  let count = 0;
  for (const line of lines) {
    if (line.category === last.category && line.dimension === last.dimension) {
      total = total === undefined ? line.volume : total.plus(line.volume);
      count++;
    }
  }
  if (total === undefined) return;
  const energy = last.dimension === 'ENERGY';
  // Hot path: whole Wh (≤ 3 decimals of kWh) never need a 1 Wh step.
  if (energy && last.component.stepSize === 1 && total.decimalPlaces() <= 3) return;
  // ENERGY volumes are kWh and steps Wh; time volumes are ms and steps seconds.
  const amount = energy ? total.times(WH_PER_KWH) : total;
  const roundedAmount = roundUpToStep(amount, energy ? last.component.stepSize : last.component.stepSize * 1000);
  if (roundedAmount === amount) return;
  const rounded = energy ? roundedAmount.div(WH_PER_KWH) : roundedAmount;
  last.billed = count === 1 ? rounded : last.volume.plus(rounded.minus(total));
  last.step = { stepSize: last.component.stepSize, unit: energy ? 'Wh' : 's', totalBefore: total, totalAfter: rounded };
}

/**
 * Smallest multiple of `step` that is ≥ `amount`. Returns the very same `amount` object when no
 * rounding is needed (or `step` ≤ 0), which callers use as a cheap "unchanged" test.
 */
export function roundUpToStep(amount: Dec, step: number): Dec {
  if (step <= 0) return amount;
  // Interpolated pieces carry ~1e-48 of division residue; a ceiling must not turn that into a
  // whole extra step. Snapping is exact for real inputs (see rounding.ts).
  if (amount.decimalPlaces() > GUARD_DECIMALS) {
    const snapped = snapResidue(amount);
    const rounded = roundUpToStep(snapped, step);
    return rounded === snapped ? amount : rounded;
  }
  if (step === 1) return amount.isInteger() ? amount : amount.ceil();
  const blocks = amount.div(step);
  return blocks.isInteger() ? amount : blocks.ceil().times(step);
}
