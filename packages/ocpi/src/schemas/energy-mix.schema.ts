/**
 * Energy mix (mod_locations.asciidoc §EnergyMix, §EnergySource, §EnvironmentalImpact and their
 * category enums). Used by Location and Tariff.
 */
import { type Static, Type } from 'typebox';
import { OcpiString } from './types.schema.js';

/** `EnergySourceCategory` enum (locations §EnergySourceCategory). */
export const EnergySourceCategory = Type.Enum(
  ['NUCLEAR', 'GENERAL_FOSSIL', 'COAL', 'GAS', 'GENERAL_GREEN', 'SOLAR', 'WIND', 'WATER'],
  { type: 'string' },
);
/** Static type of {@link EnergySourceCategory}. */
export type EnergySourceCategory = Static<typeof EnergySourceCategory>;

/** `EnvironmentalImpactCategory` enum (locations §EnvironmentalImpactCategory). */
export const EnvironmentalImpactCategory = Type.Enum(['NUCLEAR_WASTE', 'CARBON_DIOXIDE'], {
  type: 'string',
});
/** Static type of {@link EnvironmentalImpactCategory}. */
export type EnvironmentalImpactCategory = Static<typeof EnvironmentalImpactCategory>;

/** `EnergySource` class (locations §EnergySource): percentage 0-100. */
export const EnergySource = Type.Object({
  source: EnergySourceCategory,
  percentage: Type.Number({ minimum: 0, maximum: 100 }),
});
/** Static type of {@link EnergySource}. */
export type EnergySource = Static<typeof EnergySource>;

/** `EnvironmentalImpact` class (locations §EnvironmentalImpact): amount in g/kWh. */
export const EnvironmentalImpact = Type.Object({
  category: EnvironmentalImpactCategory,
  amount: Type.Number(),
});
/** Static type of {@link EnvironmentalImpact}. */
export type EnvironmentalImpact = Static<typeof EnvironmentalImpact>;

/** `EnergyMix` class (locations §EnergyMix). */
export const EnergyMix = Type.Object({
  is_green_energy: Type.Boolean(),
  energy_sources: Type.Optional(Type.Array(EnergySource)),
  environ_impact: Type.Optional(Type.Array(EnvironmentalImpact)),
  supplier_name: Type.Optional(OcpiString(64)),
  energy_product_name: Type.Optional(OcpiString(64)),
});
/** Static type of {@link EnergyMix}. */
export type EnergyMix = Static<typeof EnergyMix>;
