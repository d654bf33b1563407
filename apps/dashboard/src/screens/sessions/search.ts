import { searchText } from '../../app/search-text.js';

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

export function validateSessionsSearch(search: Record<string, unknown>): SessionsSearch {
  const status = searchText(search.status);
  const page = Number(search.page);
  return {
    status: status === 'active' || status === 'completed' ? status : undefined,
    station: searchText(search.station),
    party: searchText(search.party),
    from: searchText(search.from),
    to: searchText(search.to),
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}
