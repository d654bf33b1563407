import type { Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import atlas from 'world-atlas/countries-110m.json' with { type: 'json' };
import { unwrapGeometry, unwrapRing } from '../src/screens/map/antimeridian.js';

/** The largest longitude step between neighbours, not counting an edge along a pole. */
const largestStep = (ring: Position[]) =>
  ring
    .slice(1)
    .reduce(
      (max, p, i) =>
        Math.abs(p[1] as number) === 90 && Math.abs(ring[i]![1] as number) === 90
          ? max
          : Math.max(max, Math.abs((p[0] as number) - (ring[i]![0] as number))),
      0,
    );

describe('country outlines across the antimeridian', () => {
  it('carries a ring that steps across ±180 on past it, closed as before', () => {
    const fiji: Position[] = [
      [-180, -16.07],
      [-179.8, -16.2],
      [-180, -16.56],
      [179.36, -16.8],
      [179.9, -16.1],
      [180, -16.07],
      [-180, -16.07],
    ];
    const ring = unwrapRing(fiji);
    expect(largestStep(ring)).toBeLessThan(2);
    expect(ring[3]).toEqual([179.36 - 360, -16.8]);
    expect(ring.at(-1)).toEqual(ring[0]);
    expect(ring).toHaveLength(fiji.length);
  });

  it('closes a ring that goes once around the world over its pole', () => {
    const cap: Position[] = [
      [-180, -84.7],
      [-90, -80],
      [0, -70],
      [90, -66],
      [180, -84.7],
      [-180, -84.7],
    ];
    const ring = unwrapRing(cap);
    expect(largestStep(ring)).toBeLessThanOrEqual(180);
    expect(ring.slice(-3)).toEqual([
      [180, -90],
      [-180, -90],
      [-180, -84.7],
    ]);
  });

  it('leaves no jump of more than 180° in any country of the bundled outline', () => {
    const topology = atlas as unknown as Topology;
    const world = feature(topology, topology.objects.countries as GeometryCollection);
    let jumps = 0;
    for (const country of world.features) {
      const geometry = unwrapGeometry(country.geometry as never) as { type: string; coordinates: unknown };
      const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Position[][][];
      for (const ring of polygons.flat()) {
        if (largestStep(ring) > 180) jumps++;
        expect(ring.at(-1)).toEqual(ring[0]);
      }
    }
    expect(jumps).toBe(0);
  });
});
