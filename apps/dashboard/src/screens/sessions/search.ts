/** URL filters of the sessions list. */
export interface SessionsSearch {
  status?: 'active' | 'completed';
  station?: string;
  /** The station's CPO, CC-PID. */
  party?: string;
  /** First start day, YYYY-MM-DD (UTC). */
  from?: string;
  /** Last start day, YYYY-MM-DD (UTC), inclusive. */
  to?: string;
  /** 1-based page of the list. */
  page?: number;
}

/** A search value as text: the router parses numbers and booleans out of the query string. */
const text = (v: unknown) =>
  typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v === 'string' && v !== '' ? v : undefined;

export function validateSessionsSearch(search: Record<string, unknown>): SessionsSearch {
  const status = text(search.status);
  const page = Number(search.page);
  return {
    status: status === 'active' || status === 'completed' ? status : undefined,
    station: text(search.station),
    party: text(search.party),
    from: text(search.from),
    to: text(search.to),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
