import { compileTariff, priceSession, TariffInputError } from '@chargebridge/tariffs';
import { syntheticSession } from './tariff-preview.js';

/** ISO weekdays, Monday first (the heatmap's rows). */
export const WEEK_DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** Inputs of an hour-of-week heatmap. */
export interface HeatmapInput {
  timeZone: string;
  /** Energy of each 1-hour session; default `powerKw` × 1 h. */
  energyKwh?: number;
  /** Charging power; default `energyKwh` / 1 h, or 11 kW when neither is given. */
  powerKw?: number;
  /** Any instant of the week to price (default now): its local Monday 00:00 starts the grid. */
  now?: Date;
}

/** The price of a 1-hour session starting at each hour of one week. */
export interface HeatmapResult {
  tariff_id: string;
  currency: string;
  time_zone: string;
  /** Local date of the Monday the grid starts on. */
  week_start: string;
  energy_kwh: number;
  power_kw: number;
  days: string[];
  hours: number[];
  /** `[day][hour]`: total_cost incl. VAT; null where the tariff is not valid at that start. */
  incl_vat: Array<Array<number | null>>;
  excl_vat: Array<Array<number | null>>;
  min: number | null;
  max: number | null;
}

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size > 100) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at instant `t` (ms). Throws RangeError for an unknown zone. */
export function zoneOffsetMs(timeZone: string, t: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(t / 1000) * 1000;
}

/**
 * The instant at which the local wall clock in `timeZone` shows `wallMs` (a wall time written as
 * if it were UTC). A wall time inside a spring-forward gap comes out moved forward by the gap.
 */
export function zonedInstant(timeZone: string, wallMs: number): number {
  let t = wallMs - zoneOffsetMs(timeZone, wallMs);
  t = wallMs - zoneOffsetMs(timeZone, t);
  return t;
}

/** Local Monday 00:00 (as a wall time in UTC ms) of the week containing `at`. */
export function localWeekStart(timeZone: string, at: Date): number {
  const local = at.getTime() + zoneOffsetMs(timeZone, at.getTime());
  const day = Math.floor(local / DAY_MS);
  const isoWeekday = ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
  return (day - (isoWeekday - 1)) * DAY_MS;
}

const round4 = (n: number) => Math.round(n * 1e4) / 1e4;

/**
 * Prices a 1-hour session (constant power, energy capped, as the preview builds it) starting at
 * every local hour of the current week, Monday 00:00 first. The tariff is compiled once.
 * @throws TariffInputError when the tariff itself is unusable; a start at which no tariff is
 *   valid gives a null cell.
 */
export function weekHeatmap(tariff: unknown, input: HeatmapInput): HeatmapResult {
  const compiled = compileTariff(tariff);
  const powerKw = input.powerKw ?? input.energyKwh ?? 11;
  const energyKwh = input.energyKwh ?? powerKw;
  const weekStart = localWeekStart(input.timeZone, input.now ?? new Date());
  const incl: Array<Array<number | null>> = [];
  const excl: Array<Array<number | null>> = [];
  let min: number | null = null;
  let max: number | null = null;
  for (let d = 0; d < 7; d++) {
    const rowIncl: Array<number | null> = [];
    const rowExcl: Array<number | null> = [];
    for (let h = 0; h < 24; h++) {
      const start = new Date(zonedInstant(input.timeZone, weekStart + d * DAY_MS + h * 3_600_000));
      const session = syntheticSession({
        start,
        durationMinutes: 60,
        energyKwh,
        maxPowerKw: powerKw,
        timeZone: input.timeZone,
      });
      try {
        const result = priceSession(compiled, {
          start_date_time: session.start_date_time,
          end_date_time: session.end_date_time,
          charging_periods: session.charging_periods,
          time_zone: input.timeZone,
        });
        const cost = result.cdr.total_cost;
        const value = cost.incl_vat ?? cost.excl_vat;
        rowIncl.push(value);
        rowExcl.push(cost.excl_vat);
        min = min === null ? value : Math.min(min, value);
        max = max === null ? value : Math.max(max, value);
      } catch (error) {
        if (!(error instanceof TariffInputError)) throw error;
        rowIncl.push(null);
        rowExcl.push(null);
      }
    }
    incl.push(rowIncl);
    excl.push(rowExcl);
  }
  return {
    tariff_id: compiled.id,
    currency: compiled.currency,
    time_zone: input.timeZone,
    week_start: new Date(weekStart).toISOString().slice(0, 10),
    energy_kwh: round4(energyKwh),
    power_kw: round4(powerKw),
    days: [...WEEK_DAYS],
    hours: Array.from({ length: 24 }, (_, h) => h),
    incl_vat: incl,
    excl_vat: excl,
    min,
    max,
  };
}
