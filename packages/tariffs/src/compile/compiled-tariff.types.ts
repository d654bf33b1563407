/**
 * The engine's internal, pre-digested form of a validated tariff: decimals instead of JSON
 * numbers, parsed times and dates, elements pre-sorted per pricing phase, and the set of instants
 * at which restrictions can change (used to split charging periods).
 */
import type { TariffIssue } from '../errors.js';
import type { Dec } from '../rounding.js';
import type { OcpiTariff, ReservationRestrictionType, TariffDimensionType } from '../types/ocpi-tariff.types.js';

/** A PriceComponent with decimal price and VAT. */
export interface CompiledComponent {
  dimension: TariffDimensionType;
  elementIndex: number;
  componentIndex: number;
  /** Price per unit excl. VAT (per kWh, per hour, or per session for FLAT). */
  price: Dec;
  /** VAT percentage, or `null` when the component has no `vat` ("no VAT applicable"). */
  vat: Dec | null;
  /** `1 + vat / 100`, or exactly 1 when `vat` is `null`. */
  vatFactor: Dec;
  /** `price × vatFactor`: the incl. VAT amount of one unit (used as-is for FLAT). */
  priceInclVat: Dec;
  /** step_size in Wh (ENERGY) or seconds (TIME, PARKING_TIME); irrelevant for FLAT. */
  stepSize: number;
}

/** TariffRestrictions with parsed values. Absent fields are `undefined`. */
export interface CompiledRestrictions {
  /** Local ms since midnight, inclusive. */
  startTimeMs?: number;
  /** Local ms since midnight, exclusive; `00:00` as end is 24:00. */
  endTimeMs?: number;
  /** Local day number (days since 1970-01-01), inclusive. */
  startDay?: number;
  /** Local day number, exclusive. */
  endDay?: number;
  /** Bit `1 << isoWeekday` set for each allowed day; `undefined` for every day. */
  weekdayMask?: number;
  minKwh?: Dec;
  maxKwh?: Dec;
  minCurrent?: Dec;
  maxCurrent?: Dec;
  minPower?: Dec;
  maxPower?: Dec;
  minDurationMs?: number;
  maxDurationMs?: number;
  reservation?: ReservationRestrictionType;
  /** True when a time-of-day, date or weekday field is set. */
  usesLocalTime: boolean;
}

/** A TariffElement: its restrictions (or `null` when it restricts nothing) and the first component per dimension. */
export interface CompiledElement {
  index: number;
  restrictions: CompiledRestrictions | null;
  components: Partial<Record<TariffDimensionType, CompiledComponent>>;
}

/** min_price / max_price as decimals; `incl` is `null` when the tariff omits `incl_vat`. */
export interface CompiledPrice {
  excl: Dec;
  incl: Dec | null;
}

/** A validated, compiled tariff. Create with `compileTariff`. Immutable. */
export interface CompiledTariff {
  readonly kind: 'compiled-tariff';
  readonly source: OcpiTariff;
  readonly id: string;
  readonly currency: string;
  /** Elements without a `reservation` restriction, in tariff order. */
  readonly chargingElements: readonly CompiledElement[];
  /** Elements with `reservation: RESERVATION`, in tariff order. */
  readonly reservationElements: readonly CompiledElement[];
  /** Elements with `reservation: RESERVATION_EXPIRES`, in tariff order. */
  readonly expiresElements: readonly CompiledElement[];
  readonly minPrice?: CompiledPrice;
  readonly maxPrice?: CompiledPrice;
  /** Epoch ms of `start_date_time`, if any. */
  readonly validFrom?: number;
  /** Epoch ms of `end_date_time`, if any. */
  readonly validUntil?: number;
  /** Local times of day (ms since midnight) at which some restriction may flip; empty when none. */
  readonly localBoundaries: readonly number[];
  /** min_duration / max_duration values in ms. */
  readonly durationBoundaries: readonly number[];
  /** min_kwh / max_kwh values, ascending. */
  readonly kwhBoundaries: readonly Dec[];
  /** True when any restriction other than `reservation` exists. */
  readonly hasRestrictions: boolean;
  /** Validation warnings of the source tariff. */
  readonly warnings: readonly TariffIssue[];
  /**
   * Memo of the component resolver for tariffs without restrictions (the answer then depends only
   * on the phase). Internal; filled lazily.
   */
  readonly staticResolutions: (Partial<Record<TariffDimensionType, CompiledComponent>> | undefined)[];
}
