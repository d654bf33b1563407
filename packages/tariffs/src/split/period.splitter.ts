/**
 * Splits charging periods at every instant where a tariff restriction can change truth value.
 *
 * mod_cdrs ("ChargingPeriod" paragraph) makes the CPO responsible for starting a new period at every
 * price-relevant change, but real CDRs do not always do so. We therefore split a period at:
 * - local times of day named by `start_time`/`end_time`, local midnights when date or weekday
 *   restrictions exist, and UTC-offset transitions (DST), all in the Location's time zone;
 * - session durations named by `min_duration`/`max_duration` (from the phase start);
 * - cumulative energies named by `min_kwh`/`max_kwh`.
 *
 * Inside a period, energy and time volumes are assumed to accrue LINEARLY over wall-clock time
 * (a kWh threshold is crossed at the interpolated instant, rounded to the millisecond, and the
 * energy before the crossing is exactly the threshold). The pieces always sum exactly to the
 * period's volumes. Current/power readings are copied to every piece.
 */
import type { CompiledTariff } from '../compile/compiled-tariff.types.js';
import { localPartsAt, type OffsetSegment, offsetIn } from '../datetime/zone-clock.js';
import { type Dec, ZERO } from '../rounding.js';
import type { NormalizedPeriod, NormalizedSession } from '../session/normalized-session.types.js';
import type { AccruedVolumes, SubPeriod } from './sub-period.types.js';

interface Cut {
  t: number;
  /** Exact energy since the period start at this cut (kWh crossings only). */
  energy?: Dec;
}

/** Splits every period of the session; the result is in chronological order. */
export function splitSession(session: NormalizedSession, tariff: CompiledTariff): SubPeriod[] {
  const out: SubPeriod[] = [];
  const firstCharging = session.periods.find((p) => !p.reservation);
  const hasReservation = session.periods.some((p) => p.reservation);
  const chargingStart = hasReservation && firstCharging !== undefined ? firstCharging.startMs : session.startMs;
  const usesLocal = tariff.localBoundaries.length > 0;
  const splits = tariff.hasRestrictions;
  const tracksEnergy = tariff.kwhBoundaries.length > 0;
  let energyBefore = ZERO;
  let inReservation = true;
  for (const period of session.periods) {
    if (!period.reservation && inReservation) {
      inReservation = false;
      energyBefore = ZERO;
    }
    const phaseStart = period.reservation ? session.startMs : chargingStart;
    const segments: OffsetSegment[] | undefined =
      usesLocal && period.endMs > period.startMs
        ? session.clock.offsetSegments(period.startMs, period.endMs)
        : usesLocal
          ? [{ from: period.startMs, offsetMs: session.clock.offsetMs(period.startMs) }]
          : undefined;
    const cuts = splits ? findCuts(period, tariff, session, segments, phaseStart, energyBefore) : [];
    for (const sub of slice(period, cuts, energyBefore)) {
      sub.index = out.length;
      sub.elapsedMs = sub.startMs - phaseStart;
      if (segments !== undefined) sub.local = localPartsAt(sub.startMs, offsetIn(segments, sub.startMs));
      out.push(sub);
    }
    if (tracksEnergy && !period.energy.isZero()) energyBefore = energyBefore.plus(period.energy);
  }
  return out;
}

function findCuts(
  period: NormalizedPeriod,
  tariff: CompiledTariff,
  session: NormalizedSession,
  segments: OffsetSegment[] | undefined,
  phaseStart: number,
  energyBefore: Dec,
): Cut[] {
  const a = period.startMs;
  const b = period.endMs;
  const cuts: Cut[] = [];
  if (segments !== undefined && b > a) {
    for (const t of session.clock.localBoundaries(a, b, segments, tariff.localBoundaries)) cuts.push({ t });
  }
  for (const d of tariff.durationBoundaries) {
    const t = phaseStart + d;
    if (t > a && t < b) cuts.push({ t });
  }
  const e = period.energy;
  if (e.gt(0)) {
    const after = energyBefore.plus(e);
    for (const k of tariff.kwhBoundaries) {
      if (k.lte(energyBefore) || k.gte(after)) continue;
      const energy = k.minus(energyBefore);
      const t =
        a +
        energy
          .div(e)
          .times(b - a)
          .toDecimalPlaces(0)
          .toNumber();
      cuts.push({ t, energy });
    }
  }
  if (cuts.length === 0) return cuts;
  cuts.sort((x, y) => x.t - y.t || (x.energy && y.energy ? x.energy.cmp(y.energy) : x.energy ? -1 : y.energy ? 1 : 0));
  // Drop duplicate instants unless they carry distinct exact energies (two kWh thresholds in one ms).
  return cuts.filter((c, i) => {
    const prev = cuts[i - 1];
    return prev === undefined || prev.t !== c.t || (c.energy !== undefined && prev.energy !== undefined);
  });
}

/** Pieces of a period; `index` and `elapsedMs` are filled in by the caller. */
function slice(period: NormalizedPeriod, cuts: readonly Cut[], energyBefore: Dec): SubPeriod[] {
  if (cuts.length === 0) {
    const whole: SubPeriod = {
      index: 0,
      elapsedMs: 0,
      period,
      startMs: period.startMs,
      endMs: period.endMs,
      energy: period.energy,
      timeMs: period.timeMs,
      parkingMs: period.parkingMs,
      reservationMs: period.reservationMs,
      energyBefore,
    };
    return [whole];
  }
  const a = period.startMs;
  const span = period.endMs - a;
  const pieces: SubPeriod[] = [];
  let prevT = a;
  let prev: AccruedVolumes = { energy: ZERO, timeMs: ZERO, parkingMs: ZERO, reservationMs: ZERO };
  const last = cuts.length;
  for (let i = 0; i <= last; i++) {
    const cut = i < last ? cuts[i] : undefined;
    const t = cut === undefined ? period.endMs : cut.t;
    const isEnd = cut === undefined;
    const next: AccruedVolumes = {
      energy: isEnd ? period.energy : (cut.energy ?? share(period.energy, t - a, span)),
      timeMs: accrued(period.timeMs, t - a, span, isEnd),
      parkingMs: accrued(period.parkingMs, t - a, span, isEnd),
      reservationMs: accrued(period.reservationMs, t - a, span, isEnd),
    };
    pieces.push({
      index: 0,
      elapsedMs: 0,
      period,
      startMs: prevT,
      endMs: t,
      energy: next.energy.minus(prev.energy),
      timeMs: next.timeMs.minus(prev.timeMs),
      parkingMs: next.parkingMs.minus(prev.parkingMs),
      reservationMs: next.reservationMs.minus(prev.reservationMs),
      energyBefore: energyBefore.plus(prev.energy),
      accrued: { start: prev, end: next },
    });
    prevT = t;
    prev = next;
  }
  return pieces;
}

/**
 * `total × elapsed / span`, multiplying before dividing so that the share is exact whenever the
 * true value has a finite decimal expansion (e.g. 6 of 28 minutes of 1 680 000 ms).
 */
function share(total: Dec, elapsed: number, span: number): Dec {
  if (span === 0 || elapsed === 0) return ZERO;
  if (elapsed === span) return total;
  return total.times(elapsed).div(span);
}

/**
 * Volume accrued `elapsed` ms into the period. Pieces are differences of these cumulative values,
 * so they telescope to exactly `total`. In a zero-length period (only kWh cuts) everything
 * accrues at the end.
 */
function accrued(total: Dec, elapsed: number, span: number, isEnd: boolean): Dec {
  if (isEnd || total.isZero()) return total;
  return span === 0 ? ZERO : share(total, elapsed, span);
}
