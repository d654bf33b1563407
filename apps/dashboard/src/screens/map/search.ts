import { searchText } from '../../app/search-text.js';
import type { StationFilterValues } from '../../components/station-filters.js';

/** URL filters of the fleet map, the selected station, and a forced renderer (tests, old GPUs). */
export interface MapSearch extends Pick<StationFilterValues, 'party' | 'location' | 'protocol' | 'status'> {
  station?: string;
  renderer?: 'webgl' | 'canvas';
}

export function validateMapSearch(search: Record<string, unknown>): MapSearch {
  const renderer = searchText(search.renderer);
  return {
    party: searchText(search.party),
    location: searchText(search.location),
    protocol: searchText(search.protocol),
    status: searchText(search.status),
    station: searchText(search.station),
    renderer: renderer === 'webgl' || renderer === 'canvas' ? renderer : undefined,
  };
}
