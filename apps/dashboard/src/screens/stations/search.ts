/** Orders the stations table offers (`-` = descending); the API's `sort` values. */
export const STATION_SORTS = [
  'identity',
  '-identity',
  'last_seen',
  '-last_seen',
  'status',
  '-status',
  'violations',
  '-violations',
] as const;
export type StationSort = (typeof STATION_SORTS)[number];

/** URL filters of the stations table. */
export interface StationsSearch {
  q?: string;
  party?: string;
  location?: string;
  protocol?: string;
  status?: string;
  online?: 'true' | 'false';
  sort?: StationSort;
}

/** A search value as text: the router parses `?protocol=1.6` as a number and `?online=true` as a boolean. */
const text = (v: unknown) =>
  typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v === 'string' && v !== '' ? v : undefined;

export function validateStationsSearch(search: Record<string, unknown>): StationsSearch {
  const online = text(search.online);
  const sort = text(search.sort);
  return {
    q: text(search.q),
    party: text(search.party),
    location: text(search.location),
    protocol: text(search.protocol),
    status: text(search.status),
    online: online === 'true' || online === 'false' ? online : undefined,
    sort: (STATION_SORTS as readonly string[]).includes(sort ?? '') ? (sort as StationSort) : undefined,
  };
}
