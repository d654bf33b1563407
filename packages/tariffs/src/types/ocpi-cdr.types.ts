/**
 * OCPI 2.2.1 CDR / Session shapes the engine reads and writes (mod_cdrs "ChargingPeriod class",
 * "CdrDimension class", "CDR Object").
 */
import type { OcpiPrice } from './ocpi-tariff.types.js';

/** CdrDimensionType (mod_cdrs "CdrDimensionType enum"). */
export type CdrDimensionType =
  | 'CURRENT'
  | 'ENERGY'
  | 'ENERGY_EXPORT'
  | 'ENERGY_IMPORT'
  | 'MAX_CURRENT'
  | 'MIN_CURRENT'
  | 'MAX_POWER'
  | 'MIN_POWER'
  | 'PARKING_TIME'
  | 'POWER'
  | 'RESERVATION_TIME'
  | 'STATE_OF_CHARGE'
  | 'TIME';

/** All CdrDimensionType values. */
export const CDR_DIMENSION_TYPES: readonly CdrDimensionType[] = [
  'CURRENT',
  'ENERGY',
  'ENERGY_EXPORT',
  'ENERGY_IMPORT',
  'MAX_CURRENT',
  'MIN_CURRENT',
  'MAX_POWER',
  'MIN_POWER',
  'PARKING_TIME',
  'POWER',
  'RESERVATION_TIME',
  'STATE_OF_CHARGE',
  'TIME',
];

/** CdrDimension (mod_cdrs "CdrDimension class"). */
export interface OcpiCdrDimension {
  type: CdrDimensionType;
  volume: number;
}

/** ChargingPeriod (mod_cdrs "ChargingPeriod class"). A period ends where the next starts; the last at session end. */
export interface OcpiChargingPeriod {
  start_date_time: string;
  dimensions: OcpiCdrDimension[];
  tariff_id?: string;
}

/**
 * The cost-related CDR fields the engine computes (mod_cdrs "CDR Object"). Numbers are JSON numbers
 * rounded by `rounding.ts`; energy in kWh, times in hours.
 */
export interface CdrCostFields {
  total_cost: OcpiPrice;
  total_fixed_cost: OcpiPrice;
  total_energy: number;
  total_energy_cost: OcpiPrice;
  total_time: number;
  total_time_cost: OcpiPrice;
  total_parking_time: number;
  total_parking_cost: OcpiPrice;
  total_reservation_cost: OcpiPrice;
}
