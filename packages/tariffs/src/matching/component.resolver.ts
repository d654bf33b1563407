/**
 * Picks the price component per dimension for a slice (mod_tariffs "Tariff Object": "the first
 * Tariff Element with a Price Component for that dimension in the list with matching Tariff
 * Restrictions will be used"; "ReservationRestrictionType enum" NOTE on expired reservations).
 *
 * Candidates by phase:
 * - charging slices: elements WITHOUT a `reservation` restriction;
 * - reservation slices: `RESERVATION` elements; for an expired reservation, `RESERVATION_EXPIRES`
 *   elements first, then `RESERVATION` elements (so an EXPIRES TIME component wins even when it
 *   is listed after the RESERVATION one, and a RESERVATION TIME component still prices the time
 *   when the EXPIRES element only has a FLAT fee).
 */
import type { CompiledComponent, CompiledElement, CompiledTariff } from '../compile/compiled-tariff.types.js';
import type { SubPeriod } from '../split/sub-period.types.js';
import type { TariffDimensionType } from '../types/ocpi-tariff.types.js';
import { restrictionsHold } from './restriction.matcher.js';

type Found = Partial<Record<TariffDimensionType, CompiledComponent>>;

/** Resolves the component per dimension for slices of one session. */
export class ComponentResolver {
  constructor(
    private readonly tariff: CompiledTariff,
    private readonly reservationExpired: boolean,
  ) {}

  /** Resolved component per dimension for `sub` (a dimension is absent when nothing prices it). */
  resolve(sub: SubPeriod): Found {
    if (this.tariff.hasRestrictions) return this.search(sub);
    // Without (non-reservation) restrictions the answer depends only on the phase: memoised on
    // the compiled tariff. 0 = charging, 1 = reservation, 2 = expired reservation.
    const key = sub.period.reservation ? (this.reservationExpired ? 2 : 1) : 0;
    const answers = this.tariff.staticResolutions;
    let answer = answers[key];
    if (answer === undefined) {
      answer = this.search(sub);
      answers[key] = answer;
    }
    return answer;
  }

  private candidates(reservation: boolean): readonly CompiledElement[] {
    if (!reservation) return this.tariff.chargingElements;
    return this.reservationExpired
      ? [...this.tariff.expiresElements, ...this.tariff.reservationElements]
      : this.tariff.reservationElements;
  }

  private search(sub: SubPeriod): Found {
    const candidates = this.candidates(sub.period.reservation);
    const found: Found = {};
    let missing = 4;
    for (const element of candidates) {
      const c = element.components;
      const useful =
        (c.FLAT !== undefined && found.FLAT === undefined) ||
        (c.ENERGY !== undefined && found.ENERGY === undefined) ||
        (c.TIME !== undefined && found.TIME === undefined) ||
        (c.PARKING_TIME !== undefined && found.PARKING_TIME === undefined);
      if (!useful) continue;
      if (element.restrictions !== null && !restrictionsHold(element.restrictions, sub)) continue;
      for (const dim of ['FLAT', 'ENERGY', 'TIME', 'PARKING_TIME'] as const) {
        if (c[dim] !== undefined && found[dim] === undefined) {
          found[dim] = c[dim];
          missing--;
        }
      }
      if (missing === 0) break;
    }
    return found;
  }
}
