/**
 * Turns OCPI charging periods (mod_cdrs "ChargingPeriod class") into {@link NormalizedSession}.
 *
 * Volumes (documented in the package README, "Reading charging periods"):
 * - ENERGY is the ENERGY dimension (kWh), else ENERGY_IMPORT, else 0. Negative energy is rejected.
 * - A period with RESERVATION_TIME is a reservation period; it may not carry other time/energy dimensions.
 * - PARKING_TIME is the dimension (hours → milliseconds), else 0.
 * - TIME is the TIME dimension when present; else 0 when the period reports PARKING_TIME (a parking
 *   period; subtracting a rounded PARKING_TIME from the wall clock would invent charging seconds);
 *   else the period's wall-clock length. Dimensions, when present, are authoritative over timestamps.
 */
import { NOT_A_DATE_TIME, parseDateTime } from '../datetime/date-time.parser.js';
import { ZoneClock } from '../datetime/zone-clock.js';
import { TariffInputError, type TariffIssue } from '../errors.js';
import { Dec, decimalFromNumber, MS_PER_HOUR, ZERO } from '../rounding.js';
import { CDR_DIMENSION_TYPES, type OcpiChargingPeriod } from '../types/ocpi-cdr.types.js';
import { IssueCollector, isFiniteNumber, isRecord, show } from '../validation/issue-collector.js';
import type { ElectricalReadings, NormalizedPeriod, NormalizedSession } from './normalized-session.types.js';

/** A session to price: the CDR/Session fields the engine needs plus the Location's time zone. */
export interface PricingSession {
  /** Session start (CDR `start_date_time`; for a reservation, the start of the reservation). */
  start_date_time: string;
  /** Session end (CDR `end_date_time`). Required by `priceSession`; `estimateRunningCost` uses "now". */
  end_date_time?: string;
  /** Charging periods in chronological order; each ends where the next starts, the last at the session end. */
  charging_periods: readonly OcpiChargingPeriod[];
  /** The Location's IANA `time_zone`, e.g. `Europe/Amsterdam`. */
  time_zone: string;
  /** Optional ISO 4217 currency; when given it must equal the tariff's. */
  currency?: string;
  /**
   * Price reservation periods as an expired reservation (elements with `RESERVATION_EXPIRES`).
   * Default: true exactly when the session has reservation periods and no other periods.
   */
  reservation_expired?: boolean;
}

const DIMENSION_BIT = new Map<string, number>(CDR_DIMENSION_TYPES.map((type, i) => [type, 1 << i]));
const NO_READINGS: ElectricalReadings = Object.freeze({});
const PRICED = new Set<string>(['ENERGY', 'TIME', 'PARKING_TIME', 'RESERVATION_TIME']);
const ELECTRICAL: Partial<Record<string, keyof ElectricalReadings>> = {
  MIN_CURRENT: 'minCurrent',
  MAX_CURRENT: 'maxCurrent',
  CURRENT: 'current',
  MIN_POWER: 'minPower',
  MAX_POWER: 'maxPower',
  POWER: 'power',
};

/** Options of {@link normalizeSession}. */
export interface NormalizeOptions {
  /** Path prefix for errors (`session`, `cdr`). */
  root: string;
  /** Overrides the session end (running estimates). */
  endMs?: number;
  /** How errors name the overriding end (default: the session's `end_date_time`), e.g. `now`. */
  endName?: string;
  /** Allow an empty `charging_periods` (treated as one period without dimensions). */
  allowNoPeriods?: boolean;
}

/**
 * Validates and normalizes a session.
 * @throws TariffInputError naming every offending field.
 */
export function normalizeSession(session: PricingSession, options: NormalizeOptions): NormalizedSession {
  const { root } = options;
  const out = new IssueCollector();
  if (!isRecord(session)) throw TariffInputError.at(root, 'must be an object');
  const clock = ZoneClock.of(session.time_zone);
  if (clock === undefined) out.error(`${root}.time_zone`, `unknown IANA time zone ${show(session.time_zone)}`);
  const startMs = parseDateTime(session.start_date_time);
  if (startMs === undefined) out.error(`${root}.start_date_time`, NOT_A_DATE_TIME);
  let endMs = options.endMs;
  if (endMs === undefined) {
    endMs = parseDateTime(session.end_date_time);
    if (endMs === undefined) out.error(`${root}.end_date_time`, NOT_A_DATE_TIME);
  }
  const endName = options.endName ?? 'end_date_time';
  if (startMs !== undefined && endMs !== undefined && endMs < startMs) {
    if (options.endName === undefined) out.error(`${root}.end_date_time`, 'is before start_date_time');
    else out.error(options.endName, `is before ${root}.start_date_time`);
  }
  const raw = session.charging_periods;
  if (!Array.isArray(raw)) out.error(`${root}.charging_periods`, 'must be an array of ChargingPeriods');
  else if (raw.length === 0 && !options.allowNoPeriods) {
    out.error(`${root}.charging_periods`, 'must contain at least one ChargingPeriod');
  }
  if (out.hasErrors) throw new TariffInputError(out.errors);
  const s = startMs as number;
  const e = endMs as number;
  const list: readonly OcpiChargingPeriod[] =
    raw.length === 0 ? [{ start_date_time: session.start_date_time, dimensions: [] }] : raw;
  const starts: (number | undefined)[] = [];
  for (let i = 0; i < list.length; i++) {
    const ms = checkStart(list[i], root, i, s, e, endName, out);
    const prev = starts[i - 1];
    if (ms !== undefined && prev !== undefined && ms < prev) {
      out.error(`${root}.charging_periods[${i}].start_date_time`, 'is before the previous period start');
    }
    starts.push(ms);
  }
  if (out.hasErrors) throw new TariffInputError(out.errors);
  const periods: NormalizedPeriod[] = [];
  let reservations = 0;
  for (let i = 0; i < list.length; i++) {
    const period = readPeriod(
      list[i],
      i,
      starts[i] as number,
      i + 1 < list.length ? (starts[i + 1] as number) : e,
      root,
      out,
    );
    if (period.reservation) reservations++;
    periods.push(period);
  }
  if (reservations > 0) checkReservationOrder(periods, root, out);
  if (out.hasErrors) throw new TariffInputError(out.errors);
  const reservationExpired = session.reservation_expired ?? (reservations > 0 && reservations === periods.length);
  return { startMs: s, endMs: e, clock: clock as ZoneClock, periods, reservationExpired };
}

function checkStart(
  period: unknown,
  root: string,
  index: number,
  start: number,
  end: number,
  endName: string,
  out: IssueCollector,
): number | undefined {
  if (!isRecord(period)) {
    out.error(`${root}.charging_periods[${index}]`, 'must be a ChargingPeriod object');
    return undefined;
  }
  const ms = parseDateTime(period.start_date_time);
  if (ms !== undefined && ms >= start && ms <= end) return ms;
  const at = `${root}.charging_periods[${index}].start_date_time`;
  if (ms === undefined) out.error(at, NOT_A_DATE_TIME);
  else out.error(at, ms < start ? 'is before the session start_date_time' : `is after the session ${endName}`);
  return undefined;
}

function readPeriod(
  period: OcpiChargingPeriod,
  index: number,
  startMs: number,
  endMs: number,
  root: string,
  out: IssueCollector,
): NormalizedPeriod {
  const dims = period.dimensions;
  if (dims !== undefined && !Array.isArray(dims))
    out.error(dimensionPath(root, index, ''), 'must be an array of CdrDimensions');
  let seen = 0;
  let energyVolume: number | undefined;
  let energyImport: number | undefined;
  let time: number | undefined;
  let parking: number | undefined;
  let reservationTime: number | undefined;
  let electrical: ElectricalReadings = NO_READINGS;
  const list = Array.isArray(dims) ? dims : [];
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    const type = isRecord(d) ? d.type : undefined;
    const bit = typeof type === 'string' ? DIMENSION_BIT.get(type) : undefined;
    if (bit === undefined) {
      out.error(
        dimensionPath(root, index, `[${i}].type`),
        `${show(isRecord(d) ? d.type : d)} is not a CdrDimensionType`,
      );
      continue;
    }
    const volume = d.volume;
    if (!isFiniteNumber(volume)) {
      out.error(dimensionPath(root, index, `[${i}].volume`), `must be a number, got ${show(volume)}`);
      continue;
    }
    if ((seen & bit) !== 0) {
      out.error(dimensionPath(root, index, `[${i}].type`), `duplicate ${type} dimension in one period`);
      continue;
    }
    seen |= bit;
    if (volume < 0 && PRICED.has(type as string)) {
      out.error(dimensionPath(root, index, `[${i}].volume`), `negative ${type} (${volume}) cannot be priced`);
    }
    switch (type) {
      case 'ENERGY':
        energyVolume = volume;
        break;
      case 'ENERGY_IMPORT':
        energyImport = volume;
        break;
      case 'TIME':
        time = volume;
        break;
      case 'PARKING_TIME':
        parking = volume;
        break;
      case 'RESERVATION_TIME':
        reservationTime = volume;
        break;
      default: {
        const key = ELECTRICAL[type as string];
        if (key !== undefined) {
          if (electrical === NO_READINGS) electrical = {};
          electrical[key] = volume;
        }
      }
    }
  }
  const reservation = reservationTime !== undefined;
  if (reservation && (time !== undefined || parking !== undefined || (energyVolume ?? 0) > 0)) {
    out.error(
      dimensionPath(root, index, ''),
      'a period with RESERVATION_TIME cannot also carry ENERGY, TIME or PARKING_TIME',
    );
  }
  const energy = energyVolume ?? energyImport;
  const parkingHours = reservation || parking === undefined ? ZERO : decimalFromNumber(parking);
  const parkingMs = parkingHours.isZero() ? ZERO : parkingHours.times(MS_PER_HOUR);
  let timeMs = ZERO;
  if (!reservation) {
    if (time !== undefined) timeMs = millisOf(time);
    else if (parking === undefined) timeMs = new Dec(endMs - startMs);
  }
  return {
    index,
    startMs,
    endMs,
    reservation,
    energy: energy === undefined || energy < 0 ? ZERO : decimalFromNumber(energy),
    timeMs,
    parkingMs,
    parkingHours,
    reservationMs: reservation ? millisOf(reservationTime) : ZERO,
    electrical,
    source: period,
  };
}

/** Path of a period's dimensions; only built when an error is reported (hot path). */
function dimensionPath(root: string, index: number, suffix: string): string {
  return `${root}.charging_periods[${index}].dimensions${suffix}`;
}

/** Hours (a CdrDimension volume) as exact milliseconds. */
function millisOf(hours: number | undefined): Dec {
  return hours === undefined || hours === 0 ? ZERO : decimalFromNumber(hours).times(MS_PER_HOUR);
}

function checkReservationOrder(periods: readonly NormalizedPeriod[], root: string, out: IssueCollector): void {
  const firstCharging = periods.findIndex((p) => !p.reservation);
  if (firstCharging < 0) return;
  const late = periods.findIndex((p, i) => i > firstCharging && p.reservation);
  if (late >= 0) {
    const issue: TariffIssue = {
      path: `${root}.charging_periods[${late}]`,
      message: 'reservation periods must precede the charging periods',
      severity: 'error',
    };
    out.issues.push(issue);
  }
}
