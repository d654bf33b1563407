/**
 * A slice of a charging period inside which no tariff restriction changes truth value, so
 * exactly one element per dimension applies to all of it.
 */
import type { LocalParts } from '../datetime/zone-clock.js';
import type { Dec } from '../rounding.js';
import type { NormalizedPeriod } from '../session/normalized-session.types.js';

/** Volumes accrued since the start of a charging period (kWh and milliseconds). */
export interface AccruedVolumes {
  energy: Dec;
  timeMs: Dec;
  parkingMs: Dec;
  reservationMs: Dec;
}

/** A priced unit of time: a whole charging period or a piece of one. */
export interface SubPeriod {
  /** Position in the re-priced `charging_periods` output. */
  index: number;
  /** The input period this slice comes from. */
  period: NormalizedPeriod;
  startMs: number;
  endMs: number;
  /** kWh in this slice. */
  energy: Dec;
  /** Charging milliseconds in this slice. */
  timeMs: Dec;
  /** Parking milliseconds in this slice. */
  parkingMs: Dec;
  /** Reservation milliseconds in this slice. */
  reservationMs: Dec;
  /**
   * kWh consumed in this phase (reservation / charging) before the slice starts. Only maintained
   * when the tariff has min_kwh/max_kwh restrictions (otherwise 0).
   */
  energyBefore: Dec;
  /** Milliseconds since the start of the phase (session start, or first charging period after a reservation). */
  elapsedMs: number;
  /** Local wall-clock at `startMs`; only computed when the tariff has local-time restrictions. */
  local?: LocalParts;
  /**
   * For pieces of a split period: the period's accrued volumes at the piece's start and end. Lets
   * merging re-join pieces as exact differences (a fully re-joined period gets its exact volumes).
   */
  accrued?: { start: AccruedVolumes; end: AccruedVolumes };
}
