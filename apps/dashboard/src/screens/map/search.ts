/** URL filters of the fleet map. */
export interface MapSearch {
  party?: string;
  location?: string;
  protocol?: string;
  status?: string;
  station?: string;
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export function validateMapSearch(search: Record<string, unknown>): MapSearch {
  return {
    party: text(search.party),
    location: text(search.location),
    protocol: text(search.protocol),
    status: text(search.status),
    station: text(search.station),
  };
}
