/**
 * Validation of TariffRestrictions objects (mod_tariffs "TariffRestrictions class"): formats,
 * ranges, and restrictions that can never hold.
 */
import { parseLocalDate } from '../datetime/date-time.parser.js';
import { type IssueCollector, isFiniteNumber, isRecord, show } from './issue-collector.js';

/** `HH:MM`, 24 h, leading zeros (mod_tariffs: regex `([0-1][0-9]|2[0-3]):[0-5][0-9]`). */
export const TIME_OF_DAY = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** DayOfWeek values in ISO order (index + 1 = ISO weekday). */
export const DAYS_OF_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

const RESERVATION_TYPES = ['RESERVATION', 'RESERVATION_EXPIRES'];

const NUMERIC_PAIRS = [
  ['min_kwh', 'max_kwh', 'kWh'],
  ['min_current', 'max_current', 'A'],
  ['min_power', 'max_power', 'kW'],
  ['min_duration', 'max_duration', 's'],
] as const;

/** Every field of TariffRestrictions. */
export const RESTRICTION_FIELDS = new Set([
  'start_time',
  'end_time',
  'start_date',
  'end_date',
  'min_kwh',
  'max_kwh',
  'min_current',
  'max_current',
  'min_power',
  'max_power',
  'min_duration',
  'max_duration',
  'day_of_week',
  'reservation',
]);

/**
 * True when a restrictions value restricts nothing: absent, `null`, `{}`, or only an empty
 * `day_of_week` list. Such an element is a "fallback" in the sense of mod_tariffs "Tariff Object".
 */
export function isUnrestricted(restrictions: unknown): boolean {
  if (!isRecord(restrictions)) return true;
  return Object.entries(restrictions).every(
    ([key, value]) =>
      !RESTRICTION_FIELDS.has(key) ||
      value === undefined ||
      value === null ||
      (Array.isArray(value) && value.length === 0),
  );
}

/** Validates one element's `restrictions` at `path`. */
export function validateRestrictions(value: unknown, path: string, out: IssueCollector): void {
  if (value === undefined || value === null) return;
  if (!isRecord(value)) {
    out.error(path, 'must be an object');
    return;
  }
  for (const key of Object.keys(value)) {
    if (!RESTRICTION_FIELDS.has(key)) out.warn(`${path}.${key}`, 'unknown restriction field, ignored');
  }
  validateTimes(value, path, out);
  validateDates(value, path, out);
  for (const [min, max, unit] of NUMERIC_PAIRS) validateRange(value, path, min, max, unit, out);
  validateDays(value.day_of_week, `${path}.day_of_week`, out);
  const reservation = value.reservation;
  if (reservation !== undefined && !RESERVATION_TYPES.includes(reservation as string)) {
    out.error(`${path}.reservation`, `${show(reservation)} is not RESERVATION or RESERVATION_EXPIRES`);
  }
}

function validateTimes(r: Record<string, unknown>, path: string, out: IssueCollector): void {
  let ok = true;
  for (const key of ['start_time', 'end_time']) {
    const v = r[key];
    if (v !== undefined && (typeof v !== 'string' || !TIME_OF_DAY.test(v))) {
      out.error(`${path}.${key}`, `${show(v)} is not a time of day in 24 h HH:MM format (00:00-23:59)`);
      ok = false;
    }
  }
  if (ok && r.start_time !== undefined && r.start_time === r.end_time) {
    out.warn(`${path}.end_time`, `start_time equals end_time (${r.start_time}): treated as the whole day`);
  }
}

function validateDates(r: Record<string, unknown>, path: string, out: IssueCollector): void {
  const days: Record<string, number | undefined> = {};
  for (const key of ['start_date', 'end_date']) {
    const v = r[key];
    if (v === undefined) continue;
    days[key] = parseLocalDate(v);
    if (days[key] === undefined) out.error(`${path}.${key}`, `${show(v)} is not a calendar date YYYY-MM-DD`);
  }
  const { start_date: start, end_date: end } = days;
  if (start !== undefined && end !== undefined && start >= end) {
    out.error(
      `${path}.end_date`,
      `can never apply: end_date (exclusive) ${r.end_date} is not after start_date ${r.start_date}`,
    );
  }
}

function validateRange(
  r: Record<string, unknown>,
  path: string,
  minKey: string,
  maxKey: string,
  unit: string,
  out: IssueCollector,
): void {
  const integer = unit === 's';
  let ok = true;
  for (const key of [minKey, maxKey]) {
    const v = r[key];
    if (v === undefined || v === null) continue;
    if (!isFiniteNumber(v) || (integer && !Number.isInteger(v))) {
      out.error(
        `${path}.${key}`,
        `must be ${integer ? 'an integer number of seconds' : `a number (${unit})`}, got ${show(v)}`,
      );
      ok = false;
    } else if (v < 0) {
      out.error(`${path}.${key}`, `must not be negative, got ${v}`);
      ok = false;
    }
  }
  if (!ok) return;
  const min = r[minKey] as number | undefined;
  const max = r[maxKey] as number | undefined;
  if (max === 0 && (maxKey === 'max_kwh' || maxKey === 'max_duration')) {
    out.error(`${path}.${maxKey}`, `can never apply: ${maxKey} is exclusive and nothing is below 0`);
  } else if (min !== undefined && min !== null && max !== undefined && max !== null && min >= max) {
    out.error(`${path}.${minKey}`, `can never apply: ${minKey} (${min}) ≥ ${maxKey} (${max}); ${maxKey} is exclusive`);
  }
}

function validateDays(value: unknown, path: string, out: IssueCollector): void {
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) {
    out.error(path, 'must be an array of DayOfWeek values');
    return;
  }
  value.forEach((day, i) => {
    if (!(DAYS_OF_WEEK as readonly unknown[]).includes(day)) {
      out.error(`${path}[${i}]`, `${show(day)} is not a DayOfWeek (MONDAY … SUNDAY)`);
    }
  });
}
