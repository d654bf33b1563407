import { apiJson } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { filterParams, type StationFilterValues } from '../../components/station-filters.js';

/** `GET /api/v1/stations/map`. */
export type MapPointsResponse = paths['/api/v1/stations/map']['get']['responses'][200]['content']['application/json'];
export type MapPoint = MapPointsResponse['items'][number];

/**
 * The map's stations for the given filters. Light on imports: the route prefetches it as it
 * matches, beside the screen's chunk.
 */
export const mapPointsQuery = (filters: StationFilterValues) => ({
  queryKey: ['map-points', filters],
  queryFn: async () => {
    const data = await apiJson<MapPointsResponse>(`/stations/map?${filterParams(filters)}`);
    performance.mark('fleet-map:data');
    return data;
  },
  staleTime: 30_000,
});
