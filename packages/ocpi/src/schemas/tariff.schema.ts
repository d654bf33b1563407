/**
 * Tariffs module (mod_tariffs.asciidoc): Tariff, TariffElement, PriceComponent,
 * TariffRestrictions and the enums DayOfWeek, ReservationRestrictionType, TariffDimensionType,
 * TariffType. The Tariffs Receiver takes PUT and DELETE only, so there is no PATCH body.
 */
import { type Static, Type } from 'typebox';
import { EnergyMix } from './energy-mix.schema.js';
import { TIME_OF_DAY_PATTERN } from './hours.schema.js';
import { CiString, CountryCode, DateTime, DisplayText, OcpiString, PartyId, Price, Url } from './types.schema.js';

/** Local date `YYYY-MM-DD` (tariffs §TariffRestrictions, `start_date`). */
export const LOCAL_DATE_PATTERN = '^([12][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';

/** `DayOfWeek` enum (tariffs §DayOfWeek). */
export const DayOfWeek = Type.Enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'], {
  type: 'string',
});
/** Static type of {@link DayOfWeek}. */
export type DayOfWeek = Static<typeof DayOfWeek>;

/** `ReservationRestrictionType` enum (tariffs §ReservationRestrictionType). */
export const ReservationRestrictionType = Type.Enum(['RESERVATION', 'RESERVATION_EXPIRES'], {
  type: 'string',
});
/** Static type of {@link ReservationRestrictionType}. */
export type ReservationRestrictionType = Static<typeof ReservationRestrictionType>;

/** `TariffDimensionType` enum (tariffs §TariffDimensionType). */
export const TariffDimensionType = Type.Enum(['ENERGY', 'FLAT', 'PARKING_TIME', 'TIME'], {
  type: 'string',
});
/** Static type of {@link TariffDimensionType}. */
export type TariffDimensionType = Static<typeof TariffDimensionType>;

/** `TariffType` enum (tariffs §TariffType). */
export const TariffType = Type.Enum(['AD_HOC_PAYMENT', 'PROFILE_CHEAP', 'PROFILE_FAST', 'PROFILE_GREEN', 'REGULAR'], {
  type: 'string',
});
/** Static type of {@link TariffType}. */
export type TariffType = Static<typeof TariffType>;

/** `PriceComponent` class (tariffs §PriceComponent). */
export const PriceComponent = Type.Object({
  type: TariffDimensionType,
  price: Type.Number(),
  vat: Type.Optional(Type.Number()),
  step_size: Type.Integer({ minimum: 0 }),
});
/** Static type of {@link PriceComponent}. */
export type PriceComponent = Static<typeof PriceComponent>;

/** `TariffRestrictions` class (tariffs §TariffRestrictions). */
export const TariffRestrictions = Type.Object({
  start_time: Type.Optional(Type.String({ maxLength: 5, pattern: TIME_OF_DAY_PATTERN })),
  end_time: Type.Optional(Type.String({ maxLength: 5, pattern: TIME_OF_DAY_PATTERN })),
  start_date: Type.Optional(Type.String({ maxLength: 10, pattern: LOCAL_DATE_PATTERN })),
  end_date: Type.Optional(Type.String({ maxLength: 10, pattern: LOCAL_DATE_PATTERN })),
  min_kwh: Type.Optional(Type.Number()),
  max_kwh: Type.Optional(Type.Number()),
  min_current: Type.Optional(Type.Number()),
  max_current: Type.Optional(Type.Number()),
  min_power: Type.Optional(Type.Number()),
  max_power: Type.Optional(Type.Number()),
  min_duration: Type.Optional(Type.Integer()),
  max_duration: Type.Optional(Type.Integer()),
  day_of_week: Type.Optional(Type.Array(DayOfWeek)),
  reservation: Type.Optional(ReservationRestrictionType),
});
/** Static type of {@link TariffRestrictions}. */
export type TariffRestrictions = Static<typeof TariffRestrictions>;

/** `TariffElement` class (tariffs §TariffElement). */
export const TariffElement = Type.Object({
  price_components: Type.Array(PriceComponent, { minItems: 1 }),
  restrictions: Type.Optional(TariffRestrictions),
});
/** Static type of {@link TariffElement}. */
export type TariffElement = Static<typeof TariffElement>;

/** `Tariff` object (tariffs §Tariff Object). */
export const Tariff = Type.Object({
  country_code: CountryCode,
  party_id: PartyId,
  id: CiString(36),
  currency: OcpiString(3),
  type: Type.Optional(TariffType),
  tariff_alt_text: Type.Optional(Type.Array(DisplayText)),
  tariff_alt_url: Type.Optional(Url),
  min_price: Type.Optional(Price),
  max_price: Type.Optional(Price),
  elements: Type.Array(TariffElement, { minItems: 1 }),
  start_date_time: Type.Optional(DateTime),
  end_date_time: Type.Optional(DateTime),
  energy_mix: Type.Optional(EnergyMix),
  last_updated: DateTime,
});
/** Static type of {@link Tariff}. */
export type Tariff = Static<typeof Tariff>;
