import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * A ring that crosses the antimeridian jumps between +180 and −180 (Fiji, Russia's east,
 * Antarctica in world-atlas): drawn as is, those jumps become lines and slivers across the whole
 * map. Each jump is a small step across the meridian, so longitudes are carried on past ±180
 * instead. A ring that goes once around the world (Antarctica) is closed over its pole.
 */
export function unwrapRing(ring: Position[]): Position[] {
  if (ring.length === 0) return ring;
  let offset = 0;
  const out: Position[] = [[...(ring[0] as Position)]];
  for (let i = 1; i < ring.length; i++) {
    const [lon, lat] = ring[i] as Position;
    const step = (lon as number) - ((ring[i - 1] as Position)[0] as number);
    if (step > 180) offset -= 360;
    else if (step < -180) offset += 360;
    out.push([(lon as number) + offset, lat as number]);
  }
  if (offset !== 0) {
    // Around the world once: close along the pole on the ring's side.
    const pole = out.reduce((sum, p) => sum + (p[1] as number), 0) < 0 ? -90 : 90;
    const first = out[0] as Position;
    const last = out[out.length - 1] as Position;
    out.push([last[0] as number, pole], [first[0] as number, pole], [...first]);
  }
  return out;
}

/** {@link unwrapRing} for every ring of a polygon or multi-polygon. */
export function unwrapGeometry<G extends Polygon | MultiPolygon>(geometry: G): G {
  if (geometry.type === 'Polygon') return { ...geometry, coordinates: geometry.coordinates.map(unwrapRing) };
  return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(unwrapRing)) };
}
