/** URL filters of the stations table. */
export interface StationsSearch {
  q?: string;
  party?: string;
  location?: string;
  protocol?: string;
  status?: string;
  online?: 'true' | 'false';
  sort?: string;
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export function validateStationsSearch(search: Record<string, unknown>): StationsSearch {
  const online = text(search.online);
  return {
    q: text(search.q),
    party: text(search.party),
    location: text(search.location),
    protocol: text(search.protocol),
    status: text(search.status),
    online: online === 'true' || online === 'false' ? online : undefined,
    sort: text(search.sort),
  };
}
