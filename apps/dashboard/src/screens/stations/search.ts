import { searchText } from '../../app/search-text.js';
import type { StationFilterValues } from '../../components/station-filters.js';

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

/** URL filters and order of the stations table. */
export interface StationsSearch extends StationFilterValues {
  sort?: StationSort;
}

export function validateStationsSearch(search: Record<string, unknown>): StationsSearch {
  const online = searchText(search.online);
  const sort = searchText(search.sort);
  return {
    q: searchText(search.q),
    party: searchText(search.party),
    location: searchText(search.location),
    protocol: searchText(search.protocol),
    status: searchText(search.status),
    online: online === 'true' || online === 'false' ? online : undefined,
    sort: (STATION_SORTS as readonly string[]).includes(sort ?? '') ? (sort as StationSort) : undefined,
  };
}
