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

/** Resolves components for slices, memoising restriction results per slice. */
export class ComponentResolver {
  private readonly reservationCandidates: readonly CompiledElement[];
  /** Without non-reservation restrictions the answer only depends on the phase. */
  private readonly staticAnswers = new Map<boolean, Partial<Record<TariffDimensionType, CompiledComponent>>>();

  constructor(
    private readonly tariff: CompiledTariff,
    reservationExpired: boolean,
  ) {
    this.reservationCandidates = reservationExpired
      ? [...tariff.expiresElements, ...tariff.reservationElements]
      : tariff.reservationElements;
  }

  /** Resolved component per dimension for `sub` (a dimension is absent when nothing prices it). */
  resolve(sub: SubPeriod): Partial<Record<TariffDimensionType, CompiledComponent>> {
    if (this.tariff.hasRestrictions) return this.search(sub);
    let answer = this.staticAnswers.get(sub.period.reservation);
    if (answer === undefined) {
      answer = this.search(sub);
      this.staticAnswers.set(sub.period.reservation, answer);
    }
    return answer;
  }

  private search(sub: SubPeriod): Partial<Record<TariffDimensionType, CompiledComponent>> {
    const candidates = sub.period.reservation ? this.reservationCandidates : this.tariff.chargingElements;
    const found: Partial<Record<TariffDimensionType, CompiledComponent>> = {};
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
