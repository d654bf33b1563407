/** URL filters of the sessions list. */
export interface SessionsSearch {
  status?: 'active' | 'completed';
  station?: string;
  party?: string;
  from?: string;
  to?: string;
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export function validateSessionsSearch(search: Record<string, unknown>): SessionsSearch {
  const status = text(search.status);
  return {
    status: status === 'active' || status === 'completed' ? status : undefined,
    station: text(search.station),
    party: text(search.party),
    from: text(search.from),
    to: text(search.to),
  };
}
