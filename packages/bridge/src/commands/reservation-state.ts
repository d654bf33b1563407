/**
 * What `reservations.status` says about a cancel: a reservation whose RESERVE_NOW ended without
 * ACCEPTED (`rejected`) was never made at the station, and one a transaction has taken over
 * (`used`) is gone from it, so a CANCEL_RESERVATION of either is REJECTED without asking the
 * station. `requested`, `accepted` and `unknown` (RESERVE_NOW timed out) may be held: the cancel
 * goes to the station.
 */
export function reservationHeldAtStation(status: string): boolean {
  return status !== 'rejected' && status !== 'used';
}
