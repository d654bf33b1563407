/**
 * Renders internal cost lines and min/max corrections as public {@link BreakdownLine}s.
 */
import type { CostCategory, CostLine } from '../pricing/cost-line.types.js';
import type { PriceAdjustment } from '../pricing/price-bounds.js';
import { type Dec, MS_PER_SECOND, toExactString, WH_PER_KWH } from '../rounding.js';
import type { BreakdownLine, CostField } from '../types/pricing-result.types.js';

/** Maps an internal category to its CDR field. */
export const COST_FIELD: Record<CostCategory, CostField> = {
  fixed: 'total_fixed_cost',
  energy: 'total_energy_cost',
  time: 'total_time_cost',
  parking: 'total_parking_cost',
  reservation: 'total_reservation_cost',
};

/** Breakdown lines for priced lines followed by price-bound corrections. */
export function writeBreakdown(lines: readonly CostLine[], adjustments: readonly PriceAdjustment[]): BreakdownLine[] {
  const out: BreakdownLine[] = lines.map((line) => {
    const c = line.component;
    const unit = line.dimension === 'FLAT' ? 'session' : line.dimension === 'ENERGY' ? 'kWh' : 's';
    // Internal time volumes are milliseconds; the breakdown shows seconds.
    const show = (v: Dec): string => toExactString(unit === 's' ? v.div(MS_PER_SECOND) : v);
    const entry: BreakdownLine = {
      type: line.dimension,
      costField: COST_FIELD[line.category],
      reservation: line.sub.period.reservation,
      periodIndex: line.sub.index,
      sourcePeriodIndex: line.sub.period.index,
      elementIndex: c.elementIndex,
      componentIndex: c.componentIndex,
      unit,
      volume: show(line.volume),
      billedVolume: show(line.billed),
      price: toExactString(c.price),
      vat: c.vat === null ? null : toExactString(c.vat),
      exclVat: toExactString(line.excl),
      inclVat: toExactString(line.incl),
    };
    if (line.step !== undefined) {
      entry.stepSize = {
        stepSize: line.step.stepSize,
        unit: line.step.unit,
        totalBefore: toStepUnit(line.step.totalBefore, line.step.unit),
        totalAfter: toStepUnit(line.step.totalAfter, line.step.unit),
      };
    }
    return entry;
  });
  for (const a of adjustments) {
    out.push({
      type: a.kind,
      costField: 'total_cost',
      reservation: false,
      periodIndex: null,
      sourcePeriodIndex: null,
      elementIndex: null,
      componentIndex: null,
      unit: null,
      volume: null,
      billedVolume: null,
      price: null,
      vat: null,
      exclVat: toExactString(a.excl),
      inclVat: toExactString(a.incl),
    });
  }
  return out;
}

function toStepUnit(value: Dec, unit: 'Wh' | 's'): string {
  return toExactString(unit === 'Wh' ? value.times(WH_PER_KWH) : value.div(MS_PER_SECOND));
}
