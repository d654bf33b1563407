import { searchText } from '../../app/search-text.js';

/** URL filters of the CDR and finance screen. */
export interface CdrsSearch {
  /** First day, YYYY-MM-DD (UTC; default 29 days before today). */
  from?: string;
  /** Last day, YYYY-MM-DD (UTC, inclusive; default today). */
  to?: string;
  /** Split the daily chart by the token owner's partner (default) or by the issuing CPO. */
  group?: 'partner' | 'party';
  /** Chart currency (default: the first with revenue). */
  currency?: string;
  /** Export and list filter: the issuing CPO, CC-PID. */
  party?: string;
  /** Export and unacknowledged-list filter: a partner id. */
  partner?: string;
  /** Export format. */
  format?: 'csv' | 'json' | 'ndjson';
  /** Show only CDRs a partner has not acknowledged. */
  unacknowledged?: boolean;
  /** The CDR open in the detail drawer (OCPI id or row id). */
  cdr?: string;
  /** 1-based page of the CDR list. */
  page?: number;
}

const day = (v: unknown) => {
  const t = searchText(v);
  return t && /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : undefined;
};

export function validateCdrsSearch(search: Record<string, unknown>): CdrsSearch {
  const group = searchText(search.group);
  const format = searchText(search.format);
  const page = Number(search.page);
  return {
    from: day(search.from),
    to: day(search.to),
    group: group === 'party' || group === 'partner' ? group : undefined,
    currency: searchText(search.currency),
    party: searchText(search.party),
    partner: searchText(search.partner),
    format: format === 'csv' || format === 'json' || format === 'ndjson' ? format : undefined,
    unacknowledged: search.unacknowledged === true || search.unacknowledged === 'true' ? true : undefined,
    cdr: searchText(search.cdr),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
