/**
 * OCPI 2.2.1 Tariff input shapes (mod_tariffs "Object description" / "Data types").
 *
 * These mirror the JSON wire format. They are intentionally loose where the wire format can
 * carry junk (validation happens in `validation/*` and reports JSON paths); the pricing engine
 * only ever sees tariffs that passed validation.
 */

/** TariffDimensionType (mod_tariffs "TariffDimensionType enum"). */
export type TariffDimensionType = 'ENERGY' | 'FLAT' | 'PARKING_TIME' | 'TIME';

/** All TariffDimensionType values, in the order the engine emits breakdown lines. */
export const TARIFF_DIMENSIONS: readonly TariffDimensionType[] = ['FLAT', 'ENERGY', 'TIME', 'PARKING_TIME'];

/** DayOfWeek (mod_tariffs "DayOfWeek enum"). */
export type DayOfWeek = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

/** ReservationRestrictionType (mod_tariffs "ReservationRestrictionType enum"). */
export type ReservationRestrictionType = 'RESERVATION' | 'RESERVATION_EXPIRES';

/** TariffType (mod_tariffs "TariffType enum"); informational only for the pricing engine. */
export type TariffType = 'AD_HOC_PAYMENT' | 'PROFILE_CHEAP' | 'PROFILE_FAST' | 'PROFILE_GREEN' | 'REGULAR';

/** Price (types "Price class"). `incl_vat` is optional on the wire. */
export interface OcpiPrice {
  excl_vat: number;
  incl_vat?: number;
}

/** PriceComponent (mod_tariffs "PriceComponent class"). */
export interface OcpiPriceComponent {
  type: TariffDimensionType;
  /** Price per unit excl. VAT: per kWh (ENERGY), per hour (TIME, PARKING_TIME), per session (FLAT). */
  price: number;
  /** VAT percentage; absent means "no VAT applicable", which is not the same as 0 %. */
  vat?: number;
  /** Billing block: Wh for ENERGY, seconds for TIME/PARKING_TIME, meaningless for FLAT. */
  step_size: number;
}

/** TariffRestrictions (mod_tariffs "TariffRestrictions class"). All fields optional, combined with AND. */
export interface OcpiTariffRestrictions {
  start_time?: string;
  end_time?: string;
  start_date?: string;
  end_date?: string;
  min_kwh?: number;
  max_kwh?: number;
  min_current?: number;
  max_current?: number;
  min_power?: number;
  max_power?: number;
  min_duration?: number;
  max_duration?: number;
  day_of_week?: DayOfWeek[];
  reservation?: ReservationRestrictionType;
}

/** TariffElement (mod_tariffs "TariffElement class"). */
export interface OcpiTariffElement {
  price_components: OcpiPriceComponent[];
  restrictions?: OcpiTariffRestrictions;
}

/** Tariff object (mod_tariffs "Tariff Object"). Fields the engine does not use are still typed for convenience. */
export interface OcpiTariff {
  country_code: string;
  party_id: string;
  id: string;
  currency: string;
  type?: TariffType;
  tariff_alt_text?: { language: string; text: string }[];
  tariff_alt_url?: string;
  min_price?: OcpiPrice;
  max_price?: OcpiPrice;
  elements: OcpiTariffElement[];
  start_date_time?: string;
  end_date_time?: string;
  energy_mix?: unknown;
  last_updated?: string;
}
