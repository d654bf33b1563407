/**
 * Evaluates TariffRestrictions for one {@link SubPeriod} (mod_tariffs "TariffRestrictions class").
 * All set fields must hold (logical AND). Each field is evaluated on its own at the slice start:
 * e.g. a 22:00-06:00 range with `day_of_week: [FRIDAY]` does NOT cover Saturday 02:00, because
 * at that instant the local weekday is Saturday.
 *
 * The `reservation` field is not evaluated here: it selects which elements are candidates at all
 * (see `component.resolver.ts`).
 */
import type { CompiledRestrictions } from '../compile/compiled-tariff.types.js';
import { type Dec, decimalFromNumber, MS_PER_HOUR, ZERO } from '../rounding.js';
import type { ElectricalReadings } from '../session/normalized-session.types.js';
import type { SubPeriod } from '../split/sub-period.types.js';

/** True when every restriction (except `reservation`) holds for the slice. */
export function restrictionsHold(r: CompiledRestrictions, sub: SubPeriod): boolean {
  if (r.usesLocalTime && !localTimeHolds(r, sub)) return false;
  if (r.minKwh !== undefined && sub.energyBefore.lt(r.minKwh)) return false;
  if (r.maxKwh !== undefined && sub.energyBefore.gte(r.maxKwh)) return false;
  if (r.minDurationMs !== undefined && sub.elapsedMs < r.minDurationMs) return false;
  if (r.maxDurationMs !== undefined && sub.elapsedMs >= r.maxDurationMs) return false;
  if (r.minCurrent !== undefined || r.maxCurrent !== undefined) {
    if (!rangeHolds(r.minCurrent, r.maxCurrent, readings(sub, 'current'))) return false;
  }
  if (r.minPower !== undefined || r.maxPower !== undefined) {
    if (!rangeHolds(r.minPower, r.maxPower, readings(sub, 'power'))) return false;
  }
  return true;
}

function localTimeHolds(r: CompiledRestrictions, sub: SubPeriod): boolean {
  const local = sub.local;
  if (local === undefined) return false;
  if (r.weekdayMask !== undefined && (r.weekdayMask & (1 << local.weekday)) === 0) return false;
  if (r.startDay !== undefined && local.day < r.startDay) return false;
  if (r.endDay !== undefined && local.day >= r.endDay) return false;
  if (r.startTimeMs !== undefined || r.endTimeMs !== undefined) {
    const start = r.startTimeMs ?? 0;
    const end = r.endTimeMs ?? 86_400_000;
    const t = local.msOfDay;
    // end < start wraps past midnight; start == end is taken as the whole day (README).
    if (start < end) return t >= start && t < end;
    if (start > end) return t >= start || t < end;
  }
  return true;
}

/** The low/high reading of a slice for a min/max restriction pair; `undefined` when unknown. */
interface Readings {
  low?: Dec;
  high?: Dec;
}

/**
 * Which reading a restriction compares against (README, "Current and power restrictions"):
 * `min_current`/`min_power` use MIN_CURRENT/MIN_POWER, else the average (CURRENT/POWER), else
 * the MAX_ reading; `max_current`/`max_power` use the MAX_ reading, else the
 * average, else the MIN_ reading. Power falls back to the period's average power (ENERGY / TIME). A pure
 * parking period without readings counts as 0 A / 0 kW. Otherwise an unknown reading makes the
 * restriction fail.
 */
function readings(sub: SubPeriod, kind: 'current' | 'power'): Readings {
  const p = sub.period;
  const e: ElectricalReadings = p.electrical;
  const [min, avg, max] =
    kind === 'current' ? [e.minCurrent, e.current, e.maxCurrent] : [e.minPower, e.power, e.maxPower];
  let derived: Dec | undefined;
  if (min === undefined && avg === undefined && max === undefined) {
    // Whole-period values: under linear interpolation every slice has the period's average, and
    // this avoids comparing interpolation residue against a threshold.
    if (kind === 'power' && p.timeMs.gt(0)) derived = p.energy.times(MS_PER_HOUR).div(p.timeMs);
    else if (p.energy.isZero() && p.timeMs.isZero() && p.parkingMs.gt(0)) derived = ZERO;
    return { low: derived, high: derived };
  }
  const pick = (...values: (number | undefined)[]): Dec | undefined => {
    const v = values.find((x) => x !== undefined);
    return v === undefined ? undefined : decimalFromNumber(v);
  };
  return { low: pick(min, avg, max), high: pick(max, avg, min) };
}

function rangeHolds(min: Dec | undefined, max: Dec | undefined, value: Readings): boolean {
  if (min !== undefined && (value.low === undefined || value.low.lt(min))) return false;
  if (max !== undefined && (value.high === undefined || value.high.gte(max))) return false;
  return true;
}
