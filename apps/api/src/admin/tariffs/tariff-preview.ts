import { DecimalSum } from '@chargebridge/domain';
import {
  type BreakdownLine,
  type CdrCostFields,
  type OcpiChargingPeriod,
  type PricingResult,
  priceSession,
} from '@chargebridge/tariffs';
import { type BreakdownLineView, breakdownLineView } from '../finance/cost-breakdown.js';

/** The inputs of a price preview: one synthetic session. */
export interface PreviewSession {
  start: Date;
  durationMinutes: number;
  /** Energy the EV wants; delivered at constant power until reached (capped by power × duration). */
  energyKwh: number;
  /** Charging power; default: the power that spreads `energyKwh` over the whole duration. */
  maxPowerKw?: number;
  /** IANA zone the tariff's local times are read in (the Location's). */
  timeZone: string;
}

/** The synthetic session as priced. */
export interface SyntheticSession {
  start_date_time: string;
  end_date_time: string;
  charging_periods: OcpiChargingPeriod[];
  /** What the inputs amount to. */
  summary: {
    power_kw: number;
    energy_kwh: number;
    charging_minutes: number;
    parking_minutes: number;
  };
}

const MS_PER_HOUR = 3_600_000;
/** Volumes in synthetic dimensions: 6 decimals are plenty (Wh / ms precision) and stay exact in JSON. */
const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Builds the charging periods of a constant-power session: charging from the start at `power`
 * until the wanted energy is in (or the session ends), then parked — still plugged in, not
 * charging (PARKING_TIME) — for the rest. The first period carries ENERGY and POWER (for power
 * restrictions); its TIME is its wall-clock length. The charging end is rounded to the second.
 */
export function syntheticSession(input: PreviewSession): SyntheticSession {
  const durationMs = Math.round(input.durationMinutes * 60_000);
  const hours = durationMs / MS_PER_HOUR;
  const power = input.maxPowerKw ?? (hours > 0 ? input.energyKwh / hours : 0);
  const energy = Math.min(input.energyKwh, power * hours);
  const chargeMs =
    power > 0 && energy < power * hours
      ? Math.min(durationMs, Math.ceil(((energy / power) * MS_PER_HOUR) / 1000) * 1000)
      : durationMs;
  const startMs = input.start.getTime();
  const charging: OcpiChargingPeriod = {
    start_date_time: new Date(startMs).toISOString(),
    dimensions: [
      { type: 'ENERGY', volume: round6(energy) },
      { type: 'POWER', volume: round6(power) },
    ],
  };
  const periods = [charging];
  const parkingMs = durationMs - chargeMs;
  if (parkingMs > 0) {
    periods.push({
      start_date_time: new Date(startMs + chargeMs).toISOString(),
      dimensions: [{ type: 'PARKING_TIME', volume: parkingMs / MS_PER_HOUR }],
    });
  }
  return {
    start_date_time: new Date(startMs).toISOString(),
    end_date_time: new Date(startMs + durationMs).toISOString(),
    charging_periods: periods,
    summary: {
      power_kw: round6(power),
      energy_kwh: round6(energy),
      charging_minutes: chargeMs / 60_000,
      parking_minutes: parkingMs / 60_000,
    },
  };
}

/** One line of the engine's breakdown, as the preview shows it: the CDR breakdown's line, less
 * what only a CDR has (reservation, source period, step size). */
export type PreviewLine = Omit<BreakdownLineView, 'reservation' | 'source_period_index' | 'step_size'>;

/** What one price component of one tariff element priced in the preview. */
export interface ElementShare {
  element_index: number | null;
  component_index: number | null;
  type: BreakdownLine['type'];
  /** The element's restrictions (null: none, or a MIN/MAX price correction). */
  restrictions: Record<string, unknown> | null;
  price: string | null;
  step_size: number | null;
  vat: string | null;
  unit: string | null;
  /** Sum of the volumes priced (kWh, s), or the count of FLAT fees. */
  volume: string | null;
  excl_vat: string;
  incl_vat: string;
}

/** A price preview. */
export interface PreviewResult {
  tariff_id: string;
  currency: string;
  time_zone: string;
  session: SyntheticSession;
  cdr: CdrCostFields;
  /** The periods as the engine split them at restriction boundaries. */
  priced_periods: OcpiChargingPeriod[];
  breakdown: PreviewLine[];
  by_element: ElementShare[];
  warnings: string[];
}

function lineView(l: BreakdownLine): PreviewLine {
  const { reservation: _reservation, source_period_index: _source, step_size: _step, ...line } = breakdownLineView(l);
  return line;
}

const sum = (values: ReadonlyArray<string | null>) => {
  const s = new DecimalSum();
  for (const v of values) s.add(v);
  return s.toString();
};

/** Groups breakdown lines by the element / price component that priced them, in tariff order. */
export function sharesByElement(lines: readonly BreakdownLine[], tariff: unknown): ElementShare[] {
  const elements = Array.isArray((tariff as { elements?: unknown })?.elements)
    ? ((tariff as { elements: unknown[] }).elements as Array<Record<string, unknown>>)
    : [];
  const groups = new Map<string, BreakdownLine[]>();
  for (const l of lines) {
    const key = `${l.elementIndex ?? ''}/${l.componentIndex ?? ''}/${l.type}`;
    const group = groups.get(key);
    if (group) group.push(l);
    else groups.set(key, [l]);
  }
  const order = (l: BreakdownLine) => (l.elementIndex ?? 1e9) * 1000 + (l.componentIndex ?? 999);
  return [...groups.values()]
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map((group) => {
      const first = group[0];
      const element = first.elementIndex === null ? undefined : elements[first.elementIndex];
      const components = Array.isArray(element?.price_components)
        ? (element.price_components as Array<Record<string, unknown>>)
        : [];
      const component = first.componentIndex === null ? undefined : components[first.componentIndex];
      const restrictions = element?.restrictions;
      return {
        element_index: first.elementIndex,
        component_index: first.componentIndex,
        type: first.type,
        restrictions:
          restrictions && typeof restrictions === 'object' ? (restrictions as Record<string, unknown>) : null,
        price: first.price,
        step_size: typeof component?.step_size === 'number' ? component.step_size : null,
        vat: first.vat,
        unit: first.unit,
        volume:
          first.unit === null
            ? null
            : first.unit === 'session'
              ? String(group.length)
              : sum(group.map((l) => l.volume)),
        excl_vat: sum(group.map((l) => l.exclVat)),
        incl_vat: sum(group.map((l) => l.inclVat)),
      };
    });
}

/**
 * Prices the synthetic session of `input` with the hub's tariff engine and explains it.
 * `tariff` is the OCPI Tariff (or its compiled form), `raw` the OCPI JSON (for the elements'
 * restrictions and step sizes in `by_element`).
 * @throws TariffInputError when the engine refuses the tariff (or none is valid at the start).
 */
export function previewPrice(tariff: unknown, raw: unknown, input: PreviewSession): PreviewResult {
  const session = syntheticSession(input);
  const result: PricingResult = priceSession(tariff, {
    start_date_time: session.start_date_time,
    end_date_time: session.end_date_time,
    charging_periods: session.charging_periods,
    time_zone: input.timeZone,
  });
  return {
    tariff_id: result.tariffId,
    currency: result.currency,
    time_zone: result.timeZone,
    session,
    cdr: result.cdr,
    priced_periods: result.chargingPeriods,
    breakdown: result.breakdown.map(lineView),
    by_element: sharesByElement(result.breakdown, raw),
    warnings: result.warnings.map((w) => `${w.path}: ${w.message}`),
  };
}
