import {
  type BreakdownLine,
  type CdrCostFields,
  type OcpiChargingPeriod,
  type PricingResult,
  priceSession,
} from '@chargebridge/tariffs';
import { roundedSum, sumDecimals } from './decimal-text.js';

/** An OCPI Price as the dashboard gets it (`incl_vat` null when unknown). */
export interface PriceView {
  excl_vat: number;
  incl_vat: number | null;
}

/** One priced line of the tariff engine (amounts and volumes exact decimal text). */
export interface BreakdownLineView {
  type: BreakdownLine['type'];
  cost_field: BreakdownLine['costField'];
  reservation: boolean;
  period_index: number | null;
  source_period_index: number | null;
  element_index: number | null;
  component_index: number | null;
  unit: string | null;
  volume: string | null;
  billed_volume: string | null;
  price: string | null;
  vat: string | null;
  excl_vat: string;
  incl_vat: string;
  step_size: { step_size: number; unit: string; total_before: string; total_after: string } | null;
}

/** A charging period as the engine split and priced it, with its lines. */
export interface BreakdownPeriodView {
  index: number;
  start_date_time: string;
  end_date_time: string;
  tariff_id: string | null;
  dimensions: Array<{ type: string; volume: number }>;
  /** Exact sums of the period's lines. */
  excl_vat: string;
  incl_vat: string;
  lines: BreakdownLineView[];
}

/** How a session or CDR was priced, line by line, period by period and per dimension. */
export interface CostBreakdownView {
  /** `estimate`: running cost of an active session; `final`: a completed session priced now; `cdr`: a CDR re-priced. */
  source: 'estimate' | 'final' | 'cdr';
  tariff_id: string | null;
  currency: string | null;
  time_zone: string;
  /** The engine's CDR cost fields (null when the session could not be priced). */
  totals: {
    total_cost: PriceView;
    total_fixed_cost: PriceView;
    total_energy_cost: PriceView;
    total_time_cost: PriceView;
    total_parking_cost: PriceView;
    total_reservation_cost: PriceView;
    total_energy: number;
    total_time: number;
    total_parking_time: number;
  } | null;
  periods: BreakdownPeriodView[];
  /** MIN_PRICE / MAX_PRICE corrections of `total_cost`. */
  adjustments: BreakdownLineView[];
  /** Volume and amount per dimension (ENERGY, TIME, PARKING_TIME, FLAT, MIN/MAX_PRICE). */
  by_dimension: Array<{
    type: string;
    unit: string | null;
    volume: string | null;
    excl_vat: string;
    incl_vat: string;
  }>;
  /** Per CDR cost field: the lines' exact sum rounded as the engine rounds, next to the CDR's own value. */
  by_cost_field: Array<{
    field: string;
    excl_vat: number;
    incl_vat: number;
    cdr: PriceView | null;
  }>;
  /** For a CDR: whether the re-priced totals equal the CDR's (null when not comparing). */
  matches_cdr: boolean | null;
  warnings: string[];
  /** Why there is no breakdown (no tariff, a tariff the engine refuses …). */
  error: string | null;
}

const COST_FIELDS = [
  'total_fixed_cost',
  'total_energy_cost',
  'total_time_cost',
  'total_parking_cost',
  'total_reservation_cost',
  'total_cost',
] as const;
type PriceField = (typeof COST_FIELDS)[number];

/** An OCPI Price from JSON (CDR data), or null. */
export function priceOf(value: unknown): PriceView | null {
  if (!value || typeof value !== 'object') return null;
  const p = value as { excl_vat?: unknown; incl_vat?: unknown };
  if (typeof p.excl_vat !== 'number') return null;
  return { excl_vat: p.excl_vat, incl_vat: typeof p.incl_vat === 'number' ? p.incl_vat : null };
}

/** One engine line as the API shows it (the CDR breakdown; the tariff preview shows a subset). */
export function breakdownLineView(line: BreakdownLine): BreakdownLineView {
  return {
    type: line.type,
    cost_field: line.costField,
    reservation: line.reservation,
    period_index: line.periodIndex,
    source_period_index: line.sourcePeriodIndex,
    element_index: line.elementIndex,
    component_index: line.componentIndex,
    unit: line.unit,
    volume: line.volume,
    billed_volume: line.billedVolume,
    price: line.price,
    vat: line.vat,
    excl_vat: line.exclVat,
    incl_vat: line.inclVat,
    step_size: line.stepSize
      ? {
          step_size: line.stepSize.stepSize,
          unit: line.stepSize.unit,
          total_before: line.stepSize.totalBefore,
          total_after: line.stepSize.totalAfter,
        }
      : null,
  };
}

function totalsView(cdr: CdrCostFields): NonNullable<CostBreakdownView['totals']> {
  const p = (v: { excl_vat: number; incl_vat?: number }): PriceView => ({
    excl_vat: v.excl_vat,
    incl_vat: v.incl_vat ?? null,
  });
  return {
    total_cost: p(cdr.total_cost),
    total_fixed_cost: p(cdr.total_fixed_cost),
    total_energy_cost: p(cdr.total_energy_cost),
    total_time_cost: p(cdr.total_time_cost),
    total_parking_cost: p(cdr.total_parking_cost),
    total_reservation_cost: p(cdr.total_reservation_cost),
    total_energy: cdr.total_energy,
    total_time: cdr.total_time,
    total_parking_time: cdr.total_parking_time,
  };
}

/** A breakdown without pricing (no tariff, or the engine refused the input). */
export function emptyBreakdown(
  source: CostBreakdownView['source'],
  timeZone: string,
  currency: string | null,
  error: string | null,
): CostBreakdownView {
  return {
    source,
    tariff_id: null,
    currency,
    time_zone: timeZone,
    totals: null,
    periods: [],
    adjustments: [],
    by_dimension: [],
    by_cost_field: [],
    matches_cdr: null,
    warnings: [],
    error,
  };
}

/**
 * The engine's result as the dashboard shows it: the re-priced periods with their lines, the
 * min/max corrections, sums per dimension and per CDR cost field. `end` is the session end (the
 * last period's end). With `cdr`, each cost field is compared with the stored CDR's.
 */
export function breakdownView(
  result: PricingResult,
  source: CostBreakdownView['source'],
  end: string,
  cdr?: Record<string, unknown>,
): CostBreakdownView {
  const lines = result.breakdown.map(breakdownLineView);
  const periods: BreakdownPeriodView[] = result.chargingPeriods.map((p: OcpiChargingPeriod, index) => {
    const own = lines.filter((l) => l.period_index === index);
    return {
      index,
      start_date_time: p.start_date_time,
      end_date_time: result.chargingPeriods[index + 1]?.start_date_time ?? end,
      tariff_id: p.tariff_id ?? null,
      dimensions: p.dimensions.map((d) => ({ type: d.type, volume: d.volume })),
      excl_vat: sumDecimals(own.map((l) => l.excl_vat)),
      incl_vat: sumDecimals(own.map((l) => l.incl_vat)),
      lines: own,
    };
  });
  const types = [...new Set(lines.map((l) => l.type))];
  const byDimension = types.map((type) => {
    const own = lines.filter((l) => l.type === type);
    const unit = own[0]?.unit ?? null;
    return {
      type,
      unit,
      volume: unit === null ? null : unit === 'session' ? String(own.length) : sumDecimals(own.map((l) => l.volume)),
      excl_vat: sumDecimals(own.map((l) => l.excl_vat)),
      incl_vat: sumDecimals(own.map((l) => l.incl_vat)),
    };
  });
  const credit = cdr?.credit === true;
  const byCostField = COST_FIELDS.map((field) => {
    const own = field === 'total_cost' ? lines : lines.filter((l) => l.cost_field === field);
    return {
      field,
      excl_vat: roundedSum(own.map((l) => l.excl_vat)),
      incl_vat: roundedSum(own.map((l) => l.incl_vat)),
      cdr: cdr ? priceOf(cdr[field]) : null,
    };
  });
  let matches: boolean | null = null;
  if (cdr) {
    matches = COST_FIELDS.every((field) => {
      const stored = priceOf(cdr[field]);
      const priced = result.cdr[field as PriceField];
      // A credit CDR negates total_cost only (mod_cdrs "Credit CDRs").
      const sign = credit && field === 'total_cost' ? -1 : 1;
      return (
        stored !== null &&
        stored.excl_vat === sign * priced.excl_vat &&
        (stored.incl_vat === null || stored.incl_vat === sign * (priced.incl_vat ?? priced.excl_vat))
      );
    });
  }
  return {
    source,
    tariff_id: result.tariffId,
    currency: result.currency,
    time_zone: result.timeZone,
    totals: totalsView(result.cdr),
    periods,
    adjustments: lines.filter((l) => l.period_index === null),
    by_dimension: byDimension,
    by_cost_field: byCostField,
    matches_cdr: matches,
    warnings: result.warnings.map((w) => `${w.path}: ${w.message}`),
    error: null,
  };
}

/**
 * Re-prices a stored CDR with the tariff engine from the CDR's own `tariffs` and
 * `charging_periods`, in its location's time zone (UTC when unknown), and explains it.
 */
export function cdrBreakdown(cdr: Record<string, unknown>, timeZone: string | null): CostBreakdownView {
  const zone = timeZone ?? 'UTC';
  const currency = typeof cdr.currency === 'string' ? cdr.currency : null;
  const tariffs = Array.isArray(cdr.tariffs) ? cdr.tariffs : [];
  if (tariffs.length === 0) return emptyBreakdown('cdr', zone, currency, 'the CDR names no tariff (priced at 0)');
  const end = String(cdr.end_date_time);
  try {
    const result = priceSession(tariffs, {
      start_date_time: String(cdr.start_date_time),
      end_date_time: end,
      charging_periods: (Array.isArray(cdr.charging_periods) ? cdr.charging_periods : []) as OcpiChargingPeriod[],
      time_zone: zone,
      ...(currency ? { currency } : {}),
    });
    return breakdownView(result, 'cdr', end, cdr);
  } catch (error) {
    return emptyBreakdown('cdr', zone, currency, error instanceof Error ? error.message : String(error));
  }
}
