/**
 * Compiles a validated OCPI tariff into a {@link CompiledTariff}. Compile once, price many
 * sessions: compilation (validation, decimal conversion) is the expensive part.
 */
import { parseDateTime, parseLocalDate } from '../datetime/date-time.parser.js';
import { TariffInputError } from '../errors.js';
import { type Dec, decimalFromNumber, ONE, PERCENT } from '../rounding.js';
import type { OcpiPrice, OcpiTariff, OcpiTariffRestrictions, TariffDimensionType } from '../types/ocpi-tariff.types.js';
import { DAYS_OF_WEEK, isUnrestricted } from '../validation/restriction.validator.js';
import { validateTariff } from '../validation/tariff.validator.js';
import type {
  CompiledComponent,
  CompiledElement,
  CompiledPrice,
  CompiledRestrictions,
  CompiledTariff,
} from './compiled-tariff.types.js';

const DAY_MS = 86_400_000;

/**
 * Validates and compiles a tariff. Throws {@link TariffInputError} listing every error-severity
 * issue (paths prefixed with `root`); warnings are kept on the result.
 */
export function compileTariff(tariff: unknown, root = 'tariff'): CompiledTariff {
  if (isCompiledTariff(tariff)) return tariff;
  const issues = validateTariff(tariff, root);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new TariffInputError(errors);
  const source = tariff as OcpiTariff;
  const elements = source.elements.map(compileElement);
  const restricted = elements.filter((e) => e.restrictions !== null);
  const localBoundaries = new Set<number>();
  const durationBoundaries = new Set<number>();
  const kwh: Dec[] = [];
  for (const { restrictions: r } of restricted) {
    if (r === null) continue;
    // Midnight: dates and weekdays change there, and a missing start_time/end_time means 00:00/24:00.
    if (r.usesLocalTime) localBoundaries.add(0);
    for (const t of [r.startTimeMs, r.endTimeMs]) if (t !== undefined) localBoundaries.add(t % DAY_MS);
    for (const d of [r.minDurationMs, r.maxDurationMs]) if (d !== undefined) durationBoundaries.add(d);
    for (const k of [r.minKwh, r.maxKwh]) if (k !== undefined && !kwh.some((x) => x.eq(k))) kwh.push(k);
  }
  return {
    kind: 'compiled-tariff',
    source,
    id: source.id,
    currency: source.currency,
    chargingElements: elements.filter((e) => e.restrictions?.reservation === undefined),
    reservationElements: elements.filter((e) => e.restrictions?.reservation === 'RESERVATION'),
    expiresElements: elements.filter((e) => e.restrictions?.reservation === 'RESERVATION_EXPIRES'),
    minPrice: compilePrice(source.min_price),
    maxPrice: compilePrice(source.max_price),
    validFrom: source.start_date_time === undefined ? undefined : parseDateTime(source.start_date_time),
    validUntil: source.end_date_time === undefined ? undefined : parseDateTime(source.end_date_time),
    localBoundaries: [...localBoundaries].sort((a, b) => a - b),
    durationBoundaries: [...durationBoundaries].sort((a, b) => a - b),
    kwhBoundaries: kwh.sort((a, b) => a.cmp(b)),
    hasRestrictions: restricted.some((e) => hasNonReservationRestriction(e.restrictions)),
    warnings: issues,
    staticResolutions: [],
  };
}

/** True for a value produced by {@link compileTariff}. */
export function isCompiledTariff(value: unknown): value is CompiledTariff {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'compiled-tariff';
}

function compileElement(element: OcpiTariff['elements'][number], index: number): CompiledElement {
  const components: Partial<Record<TariffDimensionType, CompiledComponent>> = {};
  element.price_components.forEach((c, componentIndex) => {
    if (components[c.type] !== undefined) return; // only the first component per dimension counts
    const vat = c.vat === undefined || c.vat === null ? null : decimalFromNumber(c.vat);
    const price = decimalFromNumber(c.price);
    const vatFactor = vat === null ? ONE : ONE.plus(vat.div(PERCENT));
    components[c.type] = {
      dimension: c.type,
      elementIndex: index,
      componentIndex,
      price,
      vat,
      vatFactor,
      priceInclVat: price.times(vatFactor),
      stepSize: c.type === 'FLAT' ? 1 : (c.step_size ?? 1),
    };
  });
  const restrictions = isUnrestricted(element.restrictions)
    ? null
    : compileRestrictions(element.restrictions as OcpiTariffRestrictions);
  return { index, restrictions, components };
}

function compileRestrictions(r: OcpiTariffRestrictions): CompiledRestrictions {
  const days = r.day_of_week ?? [];
  const weekdayMask =
    days.length === 0 ? undefined : days.reduce((mask, d) => mask | (1 << (DAYS_OF_WEEK.indexOf(d) + 1)), 0);
  const out: CompiledRestrictions = {
    startTimeMs: r.start_time === undefined ? undefined : timeOfDayMs(r.start_time),
    // mod_tariffs: "To stop at end of the day use: 00:00".
    endTimeMs: r.end_time === undefined ? undefined : timeOfDayMs(r.end_time) || DAY_MS,
    startDay: r.start_date === undefined ? undefined : parseLocalDate(r.start_date),
    endDay: r.end_date === undefined ? undefined : parseLocalDate(r.end_date),
    weekdayMask,
    minKwh: optionalDecimal(r.min_kwh),
    maxKwh: optionalDecimal(r.max_kwh),
    minCurrent: optionalDecimal(r.min_current),
    maxCurrent: optionalDecimal(r.max_current),
    minPower: optionalDecimal(r.min_power),
    maxPower: optionalDecimal(r.max_power),
    minDurationMs: r.min_duration === undefined || r.min_duration === null ? undefined : r.min_duration * 1000,
    maxDurationMs: r.max_duration === undefined || r.max_duration === null ? undefined : r.max_duration * 1000,
    reservation: r.reservation,
    usesLocalTime: false,
  };
  out.usesLocalTime =
    out.startTimeMs !== undefined ||
    out.endTimeMs !== undefined ||
    out.startDay !== undefined ||
    out.endDay !== undefined ||
    out.weekdayMask !== undefined;
  return out;
}

function hasNonReservationRestriction(r: CompiledRestrictions | null): boolean {
  if (r === null) return false;
  return Object.entries(r).some(([k, v]) => k !== 'reservation' && k !== 'usesLocalTime' && v !== undefined);
}

function timeOfDayMs(hhmm: string): number {
  return (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * 60_000;
}

function optionalDecimal(value: number | undefined | null): Dec | undefined {
  return value === undefined || value === null ? undefined : decimalFromNumber(value);
}

function compilePrice(price: OcpiPrice | undefined): CompiledPrice | undefined {
  if (price === undefined || price === null) return undefined;
  return {
    excl: decimalFromNumber(price.excl_vat),
    incl: price.incl_vat === undefined || price.incl_vat === null ? null : decimalFromNumber(price.incl_vat),
  };
}
