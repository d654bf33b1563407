/** URL filters of the fleet map, the selected station, and a forced renderer (tests, old GPUs). */
export interface MapSearch {
  party?: string;
  location?: string;
  protocol?: string;
  status?: string;
  station?: string;
  renderer?: 'webgl' | 'canvas';
}

/** A search value as text: the router parses `?protocol=1.6` as a number. */
const text = (v: unknown) =>
  typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v === 'string' && v !== '' ? v : undefined;

export function validateMapSearch(search: Record<string, unknown>): MapSearch {
  const renderer = text(search.renderer);
  return {
    party: text(search.party),
    location: text(search.location),
    protocol: text(search.protocol),
    status: text(search.status),
    station: text(search.station),
    renderer: renderer === 'webgl' || renderer === 'canvas' ? renderer : undefined,
  };
}
