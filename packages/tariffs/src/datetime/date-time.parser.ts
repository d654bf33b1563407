/**
 * Parser for OCPI DateTime values (types "DateTime type"): RFC 3339, UTC, optional fractional
 * seconds, and "the absence of the timezone designator implies a UTC timestamp".
 *
 * Accepted: `2015-06-29T20:39:09Z`, `2015-06-29T20:39:09`, `2016-12-29T17:45:09.2Z`, and (RFC 3339
 * allows it, OCPI discourages it) numeric offsets such as `+01:00`, converted to UTC.
 * Fractional seconds beyond milliseconds are truncated. Leap seconds (`:60`) are rejected.
 */

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(?:([Zz])|([+-])(\d{2}):(\d{2}))?$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Message used for every malformed date-time. */
export const NOT_A_DATE_TIME = 'not an RFC 3339 date-time';

/**
 * Parses an OCPI DateTime to epoch milliseconds, or returns `undefined` when the value is not a
 * well-formed, existing date-time.
 */
export function parseDateTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  if (value.length === 20 || value.length === 19) {
    const fast = parseBasicUtc(value);
    if (fast !== undefined) return fast;
  }
  const m = DATE_TIME.exec(value);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const dayNumber = dayNumberOf(year, month, day);
  if (dayNumber === undefined) return undefined;
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  let ms = dayNumber * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  if (m[9] !== undefined) {
    const offHours = Number(m[10]);
    const offMinutes = Number(m[11]);
    if (offHours > 23 || offMinutes > 59) return undefined;
    const offset = (offHours * 60 + offMinutes) * 60_000;
    ms += m[9] === '+' ? -offset : offset;
  }
  return ms;
}

/** Value of the digit at `i`, or NaN. */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
}

/**
 * Hot path for the overwhelmingly common `YYYY-MM-DDTHH:MM:SS` with optional `Z`: digit
 * arithmetic instead of a regular expression. Returns `undefined` for anything else (the general
 * parser then decides).
 */
function parseBasicUtc(s: string): number | undefined {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84) return undefined; // - - T
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined; // : :
  if (s.length === 20 && s.charCodeAt(19) !== 90) return undefined; // Z
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const month = digit(s, 5) * 10 + digit(s, 6);
  const day = digit(s, 8) * 10 + digit(s, 9);
  const hour = digit(s, 11) * 10 + digit(s, 12);
  const minute = digit(s, 14) * 10 + digit(s, 15);
  const second = digit(s, 17) * 10 + digit(s, 18);
  // NaN (a non-digit) fails every comparison below and ends up as undefined.
  if (!(hour <= 23 && minute <= 59 && second <= 59 && year >= 0)) return undefined;
  const dayNumber = dayNumberOf(year, month, day);
  if (dayNumber === undefined) return undefined;
  return dayNumber * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

/**
 * Parses a calendar date `YYYY-MM-DD` (mod_tariffs restrictions `start_date`/`end_date`) to a day
 * number (days since 1970-01-01), or `undefined` when malformed or non-existent.
 */
export function parseLocalDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = LOCAL_DATE.exec(value);
  if (m === null) return undefined;
  return dayNumberOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a proleptic Gregorian date, or `undefined` when it does not exist. */
function dayNumberOf(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1])) return undefined;
  // Integer-only civil-to-days conversion (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Formats epoch milliseconds as an OCPI DateTime in UTC with a `Z` designator; milliseconds are
 * printed only when non-zero (`2015-06-29T20:39:09Z`, `2015-06-29T20:39:09.250Z`).
 */
export function formatDateTime(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso;
}
