import type { CdrExportRow } from './cdr-export.format.js';
import { DecimalSum } from './decimal-sum.js';

/** Totals of one currency in an export. */
export interface CurrencyTotals {
  currency: string;
  cdrs: number;
  /** How many of `cdrs` are credit CDRs (their totals are negative, so they net out). */
  credits: number;
  kwh: string;
  total_cost_excl_vat: string;
  total_cost_incl_vat: string;
}

/** Running totals per currency over the exported rows (what the CLI prints at the end). */
export class CdrExportTotals {
  private readonly byCurrency = new Map<
    string,
    { cdrs: number; credits: number; kwh: DecimalSum; excl: DecimalSum; incl: DecimalSum }
  >();
  /** Rows seen. */
  count = 0;

  add(row: CdrExportRow): void {
    this.count++;
    let t = this.byCurrency.get(row.currency);
    if (!t) {
      t = { cdrs: 0, credits: 0, kwh: new DecimalSum(), excl: new DecimalSum(), incl: new DecimalSum() };
      this.byCurrency.set(row.currency, t);
    }
    t.cdrs++;
    if (row.credit) t.credits++;
    t.kwh.add(row.total_energy_kwh);
    t.excl.add(row.total_cost_excl_vat);
    t.incl.add(row.total_cost_incl_vat);
  }

  /** Totals per currency, sorted by currency code. */
  result(): CurrencyTotals[] {
    return [...this.byCurrency.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, t]) => ({
        currency,
        cdrs: t.cdrs,
        credits: t.credits,
        kwh: t.kwh.toString(),
        total_cost_excl_vat: t.excl.toString(),
        total_cost_incl_vat: t.incl.toString(),
      }));
  }
}
