/**
 * The engine's internal view of a session: instants as epoch ms, volumes as decimals in base
 * units (kWh, milliseconds), every charging period with an explicit end.
 */
import type { ZoneClock } from '../datetime/zone-clock.js';
import type { Dec } from '../rounding.js';
import type { OcpiChargingPeriod } from '../types/ocpi-cdr.types.js';

/** Electrical readings of a charging period (mod_cdrs "CdrDimensionType enum"); JSON numbers as given. */
export interface ElectricalReadings {
  minCurrent?: number;
  maxCurrent?: number;
  current?: number;
  minPower?: number;
  maxPower?: number;
  power?: number;
}

/** One input charging period, resolved. */
export interface NormalizedPeriod {
  /** Index in the input `charging_periods`. */
  index: number;
  startMs: number;
  /** Start of the next period, or the session end for the last one. */
  endMs: number;
  /** True for a period with a RESERVATION_TIME dimension (priced by reservation elements only). */
  reservation: boolean;
  /** kWh. */
  energy: Dec;
  /** Charging milliseconds (TIME). */
  timeMs: Dec;
  /** Parking milliseconds (PARKING_TIME). */
  parkingMs: Dec;
  /** The PARKING_TIME dimension in hours as given (exact; saves a division for `total_parking_time`). */
  parkingHours: Dec;
  /** Reservation milliseconds (RESERVATION_TIME). */
  reservationMs: Dec;
  electrical: ElectricalReadings;
  /** The input period (dimensions are copied into the re-priced output). */
  source: OcpiChargingPeriod;
}

/** A session ready for pricing. */
export interface NormalizedSession {
  startMs: number;
  endMs: number;
  clock: ZoneClock;
  periods: NormalizedPeriod[];
  /** Whether reservation periods are priced as an expired reservation (RESERVATION_EXPIRES). */
  reservationExpired: boolean;
}
