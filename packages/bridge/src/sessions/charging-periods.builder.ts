import type { OcpiChargingPeriod } from '@chargebridge/tariffs';

/** A normalized meter sample as the store keeps it (units already Wh / W). */
export interface MeterSampleInput {
  sampled_at: Date;
  measurand: string;
  unit: string;
  value: number;
  phase: string | null;
  location: string | null;
  /** OCPP ReadingContext as the station sent it (null when absent); `Transaction.End` marks the final reading. */
  context?: string | null;
}

/** What {@link buildChargingPeriods} needs of a transaction. */
export interface PeriodInput {
  start: Date;
  /** Session end: the stop time, or for a running session the latest sample time. */
  end: Date;
  meterStartWh: number | null;
  meterStopWh: number | null;
  samples: readonly MeterSampleInput[];
}

/** Power at or below this (W) counts as "the car stopped drawing power" (parking). */
export const PARKING_POWER_THRESHOLD_W = 10;

const MS_PER_HOUR = 3_600_000;

/** ReadingContext of the readings taken at the start and end of a transaction (1.6 and 2.x alike). */
const BEGIN_OF_TRANSACTION = 'Transaction.Begin';
const END_OF_TRANSACTION = 'Transaction.End';

/**
 * How far outside [start, stop] a register reading may be stamped and still be the first or final
 * one (see {@link countedAt}).
 */
export const STOP_SKEW_TOLERANCE_MS = 60_000;

/** OCPI `number`: 4 decimals (types §number). */
function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

function isRegister(s: MeterSampleInput): boolean {
  return (
    s.measurand === 'Energy.Active.Import.Register' &&
    s.unit === 'Wh' &&
    s.phase === null &&
    (s.location === null || s.location === 'Outlet')
  );
}

function isPower(s: MeterSampleInput): boolean {
  return s.measurand === 'Power.Active.Import' && s.unit === 'W' && s.phase === null;
}

/**
 * The instant a register reading counts at, or undefined when it does not count: its own time
 * within [start, end]. A station reads its clock once for the start or stop and once for the
 * sample it sends with it, so a reading stamped just outside is the transaction's first or final
 * one and counts at the start or end: the context (Transaction.Begin / Transaction.End) says so
 * whatever the skew, any reading within {@link STOP_SKEW_TOLERANCE_MS} is taken as such — unless a
 * meter value of the start or stop message (1.6 meterStart / meterStop) already gives that register.
 */
function countedAt(s: MeterSampleInput, input: PeriodInput, startMs: number, endMs: number): number | undefined {
  const t = s.sampled_at.getTime();
  if (t >= startMs && t <= endMs) return t;
  if (t < startMs) {
    if (input.meterStartWh !== null) return undefined;
    return s.context === BEGIN_OF_TRANSACTION || startMs - t <= STOP_SKEW_TOLERANCE_MS ? startMs : undefined;
  }
  if (input.meterStopWh !== null) return undefined;
  return s.context === END_OF_TRANSACTION || t - endMs <= STOP_SKEW_TOLERANCE_MS ? endMs : undefined;
}

/** Register readings (ms, Wh) in time order, within [start, end], never decreasing. */
function registerCurve(input: PeriodInput, startMs: number, endMs: number): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (const s of input.samples) {
    const t = isRegister(s) ? countedAt(s, input, startMs, endMs) : undefined;
    if (t !== undefined) points.push([t, s.value]);
  }
  if (input.meterStartWh !== null) points.push([startMs, input.meterStartWh]);
  if (input.meterStopWh !== null) points.push([endMs, input.meterStopWh]);
  points.sort((a, b) => a[0] - b[0]);
  const curve: Array<[number, number]> = [];
  for (const [t, v] of points) {
    const prev = curve.at(-1);
    const value = prev ? Math.max(prev[1], v) : v;
    if (prev && prev[0] === t) prev[1] = value;
    else curve.push([t, value]);
  }
  return curve;
}

/** Energy (Wh) at `t`, interpolated linearly between readings and held flat outside them. */
function energyAt(curve: ReadonlyArray<[number, number]>, t: number): number {
  if (curve.length === 0) return 0;
  if (t <= curve[0][0]) return curve[0][1];
  for (let i = 1; i < curve.length; i++) {
    const [t1, v1] = curve[i];
    if (t <= t1) {
      const [t0, v0] = curve[i - 1];
      return t1 === t0 ? v1 : v0 + ((v1 - v0) * (t - t0)) / (t1 - t0);
    }
  }
  return curve[curve.length - 1][1];
}

/**
 * OCPI charging periods (mod_cdrs "ChargingPeriod class") of one transaction, from its meter
 * samples. Each period starts at the beginning of its interval (the sample that opened it) and
 * carries ENERGY (kWh) plus TIME while the car draws power, or PARKING_TIME once it stops
 * (mod_cdrs CdrDimensionType PARKING_TIME: "Time not charging"). An interval is parking when a
 * power reading at its start is at or below {@link PARKING_POWER_THRESHOLD_W}; without a power
 * reading, when the energy register did not move. Volumes are cumulative values rounded to 4
 * decimals then differenced, so the periods sum exactly to the session totals.
 *
 * Pure: the same samples give the same periods, whatever order they arrived in.
 */
export function buildChargingPeriods(input: PeriodInput): OcpiChargingPeriod[] {
  const startMs = input.start.getTime();
  const endMs = Math.max(startMs, input.end.getTime());
  if (endMs === startMs) return [];
  const curve = registerCurve(input, startMs, endMs);
  const base = curve.length > 0 ? curve[0][1] : 0;
  const power = input.samples
    .filter(isPower)
    .map((s) => [s.sampled_at.getTime(), s.value] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const cuts = new Set<number>([startMs, endMs]);
  for (const [t] of curve) if (t > startMs && t < endMs) cuts.add(t);
  for (const [t] of power) if (t > startMs && t < endMs) cuts.add(t);
  const bounds = [...cuts].sort((a, b) => a - b);

  const cumKwh = (t: number) => round4((energyAt(curve, t) - base) / 1000);
  const cumHours = (t: number) => round4((t - startMs) / MS_PER_HOUR);
  const powerAt = (t: number): number | undefined => {
    let found: number | undefined;
    for (const [pt, w] of power) {
      if (pt > t) break;
      found = w;
    }
    return found;
  };

  interface Run {
    from: number;
    to: number;
    parking: boolean;
  }
  const runs: Run[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i];
    const to = bounds[i + 1];
    const watts = powerAt(from);
    const parking =
      watts !== undefined ? watts <= PARKING_POWER_THRESHOLD_W : energyAt(curve, to) - energyAt(curve, from) <= 0;
    const last = runs.at(-1);
    if (last && last.parking === parking) last.to = to;
    else runs.push({ from, to, parking });
  }

  return runs.map((run) => {
    const kwh = round4(cumKwh(run.to) - cumKwh(run.from));
    const hours = round4(cumHours(run.to) - cumHours(run.from));
    const dimensions: OcpiChargingPeriod['dimensions'] = [];
    if (!run.parking || kwh > 0) dimensions.push({ type: 'ENERGY', volume: kwh });
    dimensions.push({ type: run.parking ? 'PARKING_TIME' : 'TIME', volume: hours });
    return { start_date_time: new Date(run.from).toISOString(), dimensions };
  });
}
