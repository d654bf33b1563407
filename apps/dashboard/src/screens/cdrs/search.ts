/** URL filters of the CDR and finance screen. */
export interface CdrsSearch {
  from?: string;
  to?: string;
  party?: string;
  partner?: string;
  unacknowledged?: boolean;
  cdr?: string;
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export function validateCdrsSearch(search: Record<string, unknown>): CdrsSearch {
  return {
    from: text(search.from),
    to: text(search.to),
    party: text(search.party),
    partner: text(search.partner),
    unacknowledged: search.unacknowledged === true || search.unacknowledged === 'true' ? true : undefined,
    cdr: text(search.cdr),
  };
}
