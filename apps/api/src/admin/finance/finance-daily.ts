import type { DailyCdrTotals } from '@chargebridge/store';
import { sumDecimals } from './decimal-text.js';

/** How the daily totals are split: by the token owner's partner, or by the issuing CPO. */
export type FinanceGroup = 'partner' | 'party';

/** One day, one group, one currency. */
export interface DailyFinanceRow {
  day: string;
  key: string;
  label: string;
  currency: string;
  cdrs: number;
  credits: number;
  kwh: string;
  revenue_excl_vat: string;
  revenue_incl_vat: string;
}

/** A partner and the OCPI parties it speaks for. */
export interface PartnerParties {
  id: string;
  name: string;
  parties: Array<[string, string]>;
}

/** Every UTC day `YYYY-MM-DD` in [from, to). */
export function daysBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  for (
    let t = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
    t < to.getTime();
    t += 86_400_000
  ) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The group of a CDR aggregate: its token owner's partner (else the owner party), or its CPO. */
function groupOf(
  row: DailyCdrTotals,
  group: FinanceGroup,
  partnerOf: Map<string, PartnerParties>,
): { key: string; label: string } {
  if (group === 'party') {
    const party = `${row.country_code}-${row.party_id}`;
    return { key: party, label: party };
  }
  const owner = row.token_country_code && row.token_party_id ? `${row.token_country_code}-${row.token_party_id}` : null;
  const partner = owner ? partnerOf.get(owner) : undefined;
  if (partner) return { key: partner.id, label: partner.name };
  return owner ? { key: owner, label: `${owner} (no partner)` } : { key: 'unknown', label: 'Unknown token owner' };
}

/**
 * Folds the store's per (day, CPO, token owner, currency) sums into rows per (day, group,
 * currency), summing decimals exactly, in day then key then currency order.
 */
export function dailyFinanceRows(
  totals: readonly DailyCdrTotals[],
  group: FinanceGroup,
  partners: readonly PartnerParties[],
): DailyFinanceRow[] {
  const partnerOf = new Map<string, PartnerParties>();
  for (const p of partners) for (const [cc, pid] of p.parties) partnerOf.set(`${cc}-${pid}`, p);
  const merged = new Map<string, { row: DailyFinanceRow; parts: DailyCdrTotals[] }>();
  for (const t of totals) {
    const { key, label } = groupOf(t, group, partnerOf);
    const id = `${t.day}\u0000${key}\u0000${t.currency}`;
    let entry = merged.get(id);
    if (!entry) {
      entry = {
        row: {
          day: t.day,
          key,
          label,
          currency: t.currency,
          cdrs: 0,
          credits: 0,
          kwh: '0',
          revenue_excl_vat: '0',
          revenue_incl_vat: '0',
        },
        parts: [],
      };
      merged.set(id, entry);
    }
    entry.parts.push(t);
  }
  const rows = [...merged.values()].map(({ row, parts }) => ({
    ...row,
    cdrs: parts.reduce((n, p) => n + p.cdrs, 0),
    credits: parts.reduce((n, p) => n + p.credits, 0),
    kwh: sumDecimals(parts.map((p) => p.kwh)),
    revenue_excl_vat: sumDecimals(parts.map((p) => p.excl_vat)),
    revenue_incl_vat: sumDecimals(parts.map((p) => p.incl_vat)),
  }));
  return rows.sort((a, b) => compare(a.day, b.day) || compare(a.key, b.key) || compare(a.currency, b.currency));
}

/** Code-point order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Totals per currency over the rows. */
export function currencyTotals(rows: readonly DailyFinanceRow[]) {
  const currencies = [...new Set(rows.map((r) => r.currency))].sort(compare);
  return currencies.map((currency) => {
    const own = rows.filter((r) => r.currency === currency);
    return {
      currency,
      cdrs: own.reduce((n, r) => n + r.cdrs, 0),
      credits: own.reduce((n, r) => n + r.credits, 0),
      kwh: sumDecimals(own.map((r) => r.kwh)),
      revenue_excl_vat: sumDecimals(own.map((r) => r.revenue_excl_vat)),
      revenue_incl_vat: sumDecimals(own.map((r) => r.revenue_incl_vat)),
    };
  });
}
