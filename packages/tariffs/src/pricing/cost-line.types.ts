/**
 * Internal priced lines: one per (slice, dimension) that a component prices.
 */
import type { CompiledComponent } from '../compile/compiled-tariff.types.js';
import type { Dec } from '../rounding.js';
import type { SubPeriod } from '../split/sub-period.types.js';
import type { TariffDimensionType } from '../types/ocpi-tariff.types.js';

/** The CDR cost field a line counts towards (mod_cdrs "CDR Object"). */
export type CostCategory = 'fixed' | 'energy' | 'time' | 'parking' | 'reservation';

/** How step_size changed the billed volume of a group's last line. */
export interface StepRounding {
  stepSize: number;
  /** `Wh` for ENERGY, `s` for TIME and PARKING_TIME. */
  unit: 'Wh' | 's';
  /** Group total before rounding, in the line's volume unit (kWh or ms). */
  totalBefore: Dec;
  /** Group total after rounding up to a multiple of `stepSize`, in the line's volume unit. */
  totalAfter: Dec;
}

/** A priced line. */
export interface CostLine {
  sub: SubPeriod;
  dimension: TariffDimensionType;
  category: CostCategory;
  component: CompiledComponent;
  /** Measured volume: kWh (ENERGY), milliseconds (TIME, PARKING_TIME), 1 (FLAT). */
  volume: Dec;
  /** Volume billed after step_size (equals `volume` except on a step group's last line). */
  billed: Dec;
  step?: StepRounding;
  /** Amount excl. VAT, exact. */
  excl: Dec;
  /** Amount incl. VAT, exact. */
  incl: Dec;
}
