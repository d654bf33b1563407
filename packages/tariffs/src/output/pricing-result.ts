/**
 * The concrete {@link PricingResult}. The explanation parts (`chargingPeriods`, `breakdown`) are
 * built on first access, because bulk re-pricing usually only needs the CDR fields; `toJSON`
 * includes them, so `JSON.stringify(result)` is complete.
 */

import type { TariffIssue } from '../errors.js';
import type { ResolvedSlice } from '../matching/slice.merger.js';
import type { CostLine } from '../pricing/cost-line.types.js';
import type { PriceAdjustment } from '../pricing/price-bounds.js';
import type { CdrCostFields, OcpiChargingPeriod } from '../types/ocpi-cdr.types.js';
import type { BreakdownLine, PricingResult } from '../types/pricing-result.types.js';
import { writeBreakdown } from './breakdown.writer.js';
import { writeChargingPeriods } from './charging-period.writer.js';

/** Pricing result with lazily rendered explanation. */
export class LazyPricingResult implements PricingResult {
  #chargingPeriods?: OcpiChargingPeriod[];
  #breakdown?: BreakdownLine[];

  constructor(
    readonly tariffId: string,
    readonly currency: string,
    readonly timeZone: string,
    readonly estimate: boolean,
    readonly cdr: CdrCostFields,
    readonly warnings: readonly TariffIssue[],
    private readonly slices: readonly ResolvedSlice[],
    private readonly lines: readonly CostLine[],
    private readonly adjustments: readonly PriceAdjustment[],
  ) {}

  /** Re-priced charging periods (see {@link PricingResult.chargingPeriods}). */
  get chargingPeriods(): OcpiChargingPeriod[] {
    this.#chargingPeriods ??= writeChargingPeriods(
      this.slices.map((s) => s.sub),
      this.tariffId,
    );
    return this.#chargingPeriods;
  }

  /** Breakdown lines (see {@link PricingResult.breakdown}). */
  get breakdown(): BreakdownLine[] {
    this.#breakdown ??= writeBreakdown(this.lines, this.adjustments);
    return this.#breakdown;
  }

  /** Plain JSON form with every public field. */
  toJSON(): PricingResult {
    return {
      tariffId: this.tariffId,
      currency: this.currency,
      timeZone: this.timeZone,
      estimate: this.estimate,
      cdr: this.cdr,
      chargingPeriods: this.chargingPeriods,
      breakdown: this.breakdown,
      warnings: this.warnings,
    };
  }
}
