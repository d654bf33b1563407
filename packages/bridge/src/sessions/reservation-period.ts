import type { OcpiChargingPeriod } from '@chargebridge/tariffs';

/** The reservation a session carries: its billed time runs from `acceptedAt`. */
export interface SessionReservation {
  /** When the station accepted the reservation. */
  acceptedAt: Date;
}

const MS_PER_HOUR = 3_600_000;

/**
 * The charging period of a reservation's time (mod_cdrs CdrDimensionType RESERVATION_TIME, in
 * hours): from the station accepting it until `until` — the transaction's start, or the
 * cancellation / expiry of an unused reservation. Undefined when no time passed.
 */
export function reservationPeriod(reservation: SessionReservation, until: Date): OcpiChargingPeriod | undefined {
  const ms = until.getTime() - reservation.acceptedAt.getTime();
  if (!(ms > 0)) return undefined;
  return {
    start_date_time: reservation.acceptedAt.toISOString(),
    dimensions: [{ type: 'RESERVATION_TIME', volume: Math.round((ms / MS_PER_HOUR) * 1e6) / 1e6 }],
  };
}
