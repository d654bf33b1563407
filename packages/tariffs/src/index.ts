/**
 * @chargebridge/tariffs: OCPI 2.2.1 tariff pricing engine. See README.md for the model,
 * rounding rules and the spec ambiguities resolved here.
 */
export { type PriceTariffCommandInput, priceTariffCommand } from './cli/price-command.js';
export type { CompiledTariff } from './compile/compiled-tariff.types.js';
export { compileTariff, isCompiledTariff } from './compile/tariff.compiler.js';
export { isValidAt, selectTariff, type TariffLike } from './compile/tariff.selector.js';
export { formatDateTime, parseDateTime } from './datetime/date-time.parser.js';
export { formatIssue, type IssueSeverity, TariffInputError, type TariffIssue } from './errors.js';
export { estimateRunningCost } from './pricing/running-cost.estimator.js';
export { type PriceSessionOptions, priceSession } from './pricing/session.pricer.js';
export { OUTPUT_DECIMALS, roundForOutput } from './rounding.js';
export type { PricingSession } from './session/session.normalizer.js';
export type {
  CdrCostFields,
  CdrDimensionType,
  OcpiCdrDimension,
  OcpiChargingPeriod,
} from './types/ocpi-cdr.types.js';
export type {
  DayOfWeek,
  OcpiPrice,
  OcpiPriceComponent,
  OcpiTariff,
  OcpiTariffElement,
  OcpiTariffRestrictions,
  ReservationRestrictionType,
  TariffDimensionType,
  TariffType,
} from './types/ocpi-tariff.types.js';
export type { BreakdownLine, CostField, PricingResult } from './types/pricing-result.types.js';
export { validateTariff } from './validation/tariff.validator.js';
