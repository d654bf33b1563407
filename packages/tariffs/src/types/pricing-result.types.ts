/**
 * Public result of pricing a session.
 */
import type { TariffIssue } from '../errors.js';
import type { CdrCostFields, OcpiChargingPeriod } from './ocpi-cdr.types.js';

/** The CDR cost field a breakdown line counts towards. */
export type CostField =
  | 'total_fixed_cost'
  | 'total_energy_cost'
  | 'total_time_cost'
  | 'total_parking_cost'
  | 'total_reservation_cost'
  | 'total_cost';

/**
 * One priced line, for explaining a bill: which tariff element / price component priced what
 * volume, in which (re-priced) charging period, at what price. Amounts and volumes are exact
 * decimal strings (never rounded); the CDR totals are rounded sums of these lines.
 */
export interface BreakdownLine {
  /** What was priced; MIN_PRICE / MAX_PRICE lines are the tariff's min/max price corrections. */
  type: 'FLAT' | 'ENERGY' | 'TIME' | 'PARKING_TIME' | 'MIN_PRICE' | 'MAX_PRICE';
  /** CDR field this line is part of (`total_cost` only for MIN_PRICE / MAX_PRICE). */
  costField: CostField;
  /** True for lines of the reservation phase. */
  reservation: boolean;
  /** Index into the result's `chargingPeriods` (null for MIN_PRICE / MAX_PRICE). */
  periodIndex: number | null;
  /** Index into the input `charging_periods` the priced slice comes from (null for MIN/MAX). */
  sourcePeriodIndex: number | null;
  /** Index of the tariff element (in the tariff's `elements`) whose component priced this line. */
  elementIndex: number | null;
  /** Index of that component within the element's `price_components`. */
  componentIndex: number | null;
  /** Unit of `volume` / `billedVolume`: kWh, seconds, or one per session for FLAT. */
  unit: 'kWh' | 's' | 'session' | null;
  /** Measured volume in `unit`. */
  volume: string | null;
  /** Volume billed after step_size (differs from `volume` only on the line that absorbed a step rounding). */
  billedVolume: string | null;
  /** Present on the line that absorbed a step_size rounding of its group's total. */
  stepSize?: { stepSize: number; unit: 'Wh' | 's'; totalBefore: string; totalAfter: string };
  /** Price excl. VAT per kWh (ENERGY), per hour (TIME, PARKING_TIME) or per session (FLAT). */
  price: string | null;
  /** VAT percentage of the component; null when the component has no `vat` (no VAT applicable). */
  vat: string | null;
  /** Amount excl. VAT, exact. */
  exclVat: string;
  /** Amount incl. VAT, exact. */
  inclVat: string;
}

/** Result of `priceSession` / `estimateRunningCost`. */
export interface PricingResult {
  /** `id` of the tariff that priced the session. */
  tariffId: string;
  currency: string;
  timeZone: string;
  /** True for a running-cost estimate (no step_size applied, session end = "now"). */
  estimate: boolean;
  /** The CDR cost fields (OCPI names; JSON numbers rounded per `rounding.ts`). */
  cdr: CdrCostFields;
  /**
   * Charging periods split at restriction boundaries, each with `tariff_id`; volumes rounded for
   * output. Built lazily on first access (`toJSON` includes it).
   */
  readonly chargingPeriods: OcpiChargingPeriod[];
  /** Every priced line, in chronological order, then MIN/MAX price corrections. Built lazily on first access. */
  readonly breakdown: BreakdownLine[];
  /** Validation warnings of the tariff used. */
  warnings: readonly TariffIssue[];
}
