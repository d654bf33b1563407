import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlasUrl from 'world-atlas/countries-110m.json?url';
import { unwrapGeometry } from './antimeridian.js';

/** Country outlines (Natural Earth 1:110m via world-atlas), served by the hub itself: no tile server. */
export type WorldOutline = FeatureCollection<Polygon | MultiPolygon>;

let loading: Promise<WorldOutline> | undefined;

/** Fetches the bundled TopoJSON once (an immutable same-origin asset) and converts it to GeoJSON. */
export function loadWorldOutline(): Promise<WorldOutline> {
  loading ??= fetch(atlasUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`world outline: HTTP ${response.status}`);
      return response.json() as Promise<Topology>;
    })
    .then((topology) => {
      const world = feature(topology, topology.objects.countries as GeometryCollection) as WorldOutline;
      return { ...world, features: world.features.map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) })) };
    })
    .catch((error) => {
      loading = undefined;
      throw error;
    });
  return loading;
}
