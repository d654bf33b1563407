import 'maplibre-gl/dist/maplibre-gl.css';
import type { Feature, FeatureCollection, Point } from 'geojson';
import {
  type ExpressionSpecification,
  type GeoJSONSource,
  type LngLatBoundsLike,
  type MapGeoJSONFeature,
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  prewarm,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import classes from './map.module.css';
import { type MapPoint, SEVERITY_COLORS, severityOf } from './map-points.js';
import type { FleetMapProps } from './map-props.js';
import { loadWorldOutline } from './world-outline.js';

// The worker is a same-origin asset (CSP worker-src 'self'); MapLibre would otherwise look for it
// next to its own module, which the bundler renamed. Start it now, while the stations load.
setWorkerUrl(workerUrl);
prewarm();

/** Above this zoom stations are no longer clustered. */
const CLUSTER_MAX_ZOOM = 13;

const THEME = {
  light: { water: '#d0e3f1', land: '#f8f9fa', border: '#adb5bd', stroke: '#ffffff', selected: '#212529' },
  dark: { water: '#15202b', land: '#2c2e33', border: '#5c5f66', stroke: '#1a1b1e', selected: '#f8f9fa' },
};

/** Colour by a severity index property (see SEVERITY). */
const bySeverity = (property: string): ExpressionSpecification =>
  [
    'match',
    ['get', property],
    ...SEVERITY_COLORS.flatMap((color, i) => [i, color]),
    '#868e96',
  ] as unknown as ExpressionSpecification;

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * A style with no tile server, no glyphs and no sprites: a background for the sea, the bundled
 * country outlines as fill + line, and the stations as a clustered GeoJSON source drawn with
 * circles only (symbol layers would need a glyph server). Cluster counts are HTML markers.
 */
function fleetStyle(dark: boolean): StyleSpecification {
  const theme = dark ? THEME.dark : THEME.light;
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: EMPTY },
      stations: {
        type: 'geojson',
        data: EMPTY,
        cluster: true,
        clusterRadius: 45,
        clusterMaxZoom: CLUSTER_MAX_ZOOM,
        // A cluster's colour is its worst station's: the lowest severity index.
        clusterProperties: { worst: ['min', ['get', 'severity']] },
      },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': theme.water } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': theme.land } },
      { id: 'borders', type: 'line', source: 'countries', paint: { 'line-color': theme.border, 'line-width': 0.7 } },
      {
        id: 'clusters',
        type: 'circle',
        source: 'stations',
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': bySeverity('worst'),
          'circle-radius': ['step', ['get', 'point_count'], 13, 10, 16, 100, 21, 1000, 27],
          'circle-stroke-width': 2,
          'circle-stroke-color': theme.stroke,
        },
      },
      {
        id: 'stations',
        type: 'circle',
        source: 'stations',
        filter: ['!', ['has', 'point_count']],
        paint: {
          'circle-color': bySeverity('severity'),
          'circle-radius': 7,
          'circle-stroke-width': 1.5,
          'circle-stroke-color': theme.stroke,
        },
      },
      {
        id: 'selected',
        type: 'circle',
        source: 'stations',
        filter: ['==', ['get', 'identity'], ''],
        paint: {
          'circle-color': 'rgba(0,0,0,0)',
          'circle-radius': 11,
          'circle-stroke-width': 3,
          'circle-stroke-color': theme.selected,
        },
      },
    ],
  };
}

function toFeature(p: MapPoint, id: number): Feature<Point> {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: { identity: p.identity, status: p.worst_status, severity: severityOf(p.worst_status) },
  };
}

function boundsOf(points: readonly MapPoint[]): LngLatBoundsLike | undefined {
  if (points.length === 0) return undefined;
  let [west, east, south, north] = [180, -180, 90, -90];
  for (const p of points) {
    west = Math.min(west, p.lon);
    east = Math.max(east, p.lon);
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
  }
  return [
    [west, south],
    [east, north],
  ];
}

/**
 * The fleet on MapLibre GL. New data replaces the source (`setData`); a live recolouring of a
 * few stations goes through `updateData` by feature id, so 10,000 points are not re-sent.
 * Throws to the parent (via `onFail`) when MapLibre cannot start, which then draws on canvas.
 */
export default function WebGlMap({
  points,
  selected,
  fitKey,
  dark,
  onPick,
  onDrawn,
  onBounds,
  onFail,
}: FleetMapProps & { onFail: (error: unknown) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const ready = useRef<Promise<void> | null>(null);
  const drawnPoints = useRef<MapPoint[]>([]);
  const fittedFor = useRef<string | null>(null);
  const callbacks = useRef({ onPick, onDrawn, onBounds, onFail });
  callbacks.current = { onPick, onDrawn, onBounds, onFail };

  // Create the map once.
  useEffect(() => {
    if (!container.current) return;
    let instance: MapLibreMap;
    try {
      instance = new MapLibreMap({
        container: container.current,
        style: fleetStyle(dark),
        center: [10, 30],
        zoom: 1,
        attributionControl: false,
        renderWorldCopies: false,
        dragRotate: false,
        pitchWithRotate: false,
        maxZoom: 18,
        fadeDuration: 0,
        locale: {
          'Map.Title':
            'Fleet map. Arrow keys pan, plus and minus zoom; the station list beside it is the accessible view.',
        },
      });
    } catch (error) {
      callbacks.current.onFail(error);
      return;
    }
    map.current = instance;
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    instance.touchZoomRotate.disableRotation();
    ready.current = new Promise((resolve) =>
      instance.once('load', () => {
        performance.mark('fleet-map:webgl-ready');
        resolve();
      }),
    );
    void ready.current.then(async () => {
      const world = await loadWorldOutline().catch(() => null);
      if (world) await instance.getSource<GeoJSONSource>('countries')?.setData(world);
    });

    const pick = (feature: MapGeoJSONFeature | undefined) => feature?.properties?.identity as string | undefined;
    instance.on('click', 'stations', (e) => {
      const identities = [...new Set((e.features ?? []).map(pick).filter((x): x is string => Boolean(x)))];
      if (identities.length > 0) callbacks.current.onPick(identities);
    });
    instance.on('click', 'clusters', async (e) => {
      const feature = e.features?.[0];
      if (feature?.geometry.type !== 'Point') return;
      const source = instance.getSource<GeoJSONSource>('stations');
      const clusterId = feature.properties?.cluster_id as number;
      if (!source) return;
      const zoom = await source.getClusterExpansionZoom(clusterId);
      if (zoom > CLUSTER_MAX_ZOOM) {
        // Stations at one spot: list them instead of zooming for ever.
        const leaves = await source.getClusterLeaves(clusterId, 50, 0);
        callbacks.current.onPick(leaves.map((f) => String(f.properties?.identity)));
        return;
      }
      instance.easeTo({ center: feature.geometry.coordinates as [number, number], zoom });
    });
    for (const layer of ['stations', 'clusters']) {
      instance.on('mouseenter', layer, () => {
        instance.getCanvas().style.cursor = 'pointer';
      });
      instance.on('mouseleave', layer, () => {
        instance.getCanvas().style.cursor = '';
      });
    }
    const reportBounds = () => {
      const b = instance.getBounds();
      callbacks.current.onBounds({ west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() });
    };
    instance.on('moveend', reportBounds);
    instance.once('load', reportBounds);

    const stopMarkers = clusterCountMarkers(instance);
    return () => {
      stopMarkers();
      instance.remove();
      map.current = null;
      ready.current = null;
    };
    // Created once: the theme is applied below without recreating the map.
  }, []);

  // Theme.
  useEffect(() => {
    const instance = map.current;
    if (!instance || !ready.current) return;
    const theme = dark ? THEME.dark : THEME.light;
    void ready.current.then(() => {
      instance.setPaintProperty('water', 'background-color', theme.water);
      instance.setPaintProperty('land', 'fill-color', theme.land);
      instance.setPaintProperty('borders', 'line-color', theme.border);
      for (const layer of ['clusters', 'stations'])
        instance.setPaintProperty(layer, 'circle-stroke-color', theme.stroke);
      instance.setPaintProperty('selected', 'circle-stroke-color', theme.selected);
    });
  }, [dark]);

  // Selection ring.
  useEffect(() => {
    const instance = map.current;
    void ready.current?.then(() => instance?.setFilter('selected', ['==', ['get', 'identity'], selected ?? '']));
  }, [selected]);

  // Stations: full data when the set changed, a diff when only some stations changed status.
  useEffect(() => {
    const instance = map.current;
    if (!instance || !ready.current) return;
    const started = performance.now();
    let cancelled = false;
    let drawnCheck: (() => void) | undefined;
    void ready.current.then(async () => {
      const source = instance.getSource<GeoJSONSource>('stations');
      if (!source || cancelled) return;
      // What the source holds: a run cancelled before it applied its points (a live recolouring
      // arriving while the style loads) must not count as drawn.
      const previous = drawnPoints.current;
      const sameSet =
        previous.length === points.length &&
        previous.length > 0 &&
        points.every((p, i) => previous[i]?.identity === p.identity);
      if (sameSet) {
        const update = [];
        for (let i = 0; i < points.length; i++) {
          const p = points[i] as MapPoint;
          if (p === previous[i]) continue;
          update.push({
            id: i,
            addOrUpdateProperties: [
              { key: 'status', value: p.worst_status },
              { key: 'severity', value: severityOf(p.worst_status) },
            ],
          });
        }
        if (update.length > 0) await source.updateData({ update });
      } else {
        // Camera first, then data: the stations are tiled once, at the zoom they are shown at.
        if (fittedFor.current !== fitKey) {
          fittedFor.current = fitKey;
          const bounds = boundsOf(points);
          if (bounds) instance.fitBounds(bounds, { padding: 48, maxZoom: 4, animate: false });
        }
        await source.setData({ type: 'FeatureCollection', features: points.map(toFeature) });
        performance.mark('fleet-map:webgl-data-set');
        // How many stations the map's source holds (the browser tests compare it with data-drawn).
        container.current?.setAttribute('data-stations', String(points.length));
      }
      drawnPoints.current = points;
      // Drawn: the first frame after every tile of the stations source is loaded (the country
      // outlines may still be tiling; they do not hold the stations back).
      const check = () => {
        if (cancelled || !instance.isSourceLoaded('stations')) return;
        instance.off('render', check);
        performance.mark('fleet-map:drawn');
        callbacks.current.onDrawn(points.length, performance.now() - started);
      };
      if (cancelled) return;
      drawnCheck = check;
      instance.on('render', check);
      instance.triggerRepaint();
    });
    return () => {
      cancelled = true;
      if (drawnCheck) instance.off('render', drawnCheck);
    };
  }, [points, fitKey]);

  return <div ref={container} className={classes.webgl} />;
}

/**
 * Counts on clusters as HTML markers (a text layer would need a glyph server). Recomputed at most
 * once per frame from the clusters MapLibre currently renders; decorative (aria-hidden) — the
 * station list is the accessible view.
 */
function clusterCountMarkers(map: MapLibreMap): () => void {
  let shown = new Map<string, Marker>();
  let scheduled = false;
  const update = () => {
    scheduled = false;
    if (!map.getSource('stations') || !map.isSourceLoaded('stations')) return;
    const next = new Map<string, Marker>();
    for (const feature of map.querySourceFeatures('stations', { filter: ['has', 'point_count'] })) {
      if (feature.geometry.type !== 'Point') continue;
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      const count = Number(feature.properties?.point_count ?? 0);
      const key = `${feature.properties?.cluster_id}:${count}:${lon.toFixed(5)},${lat.toFixed(5)}`;
      if (next.has(key)) continue;
      let marker = shown.get(key);
      if (!marker) {
        const element = document.createElement('div');
        element.className = classes.clusterCount ?? '';
        element.setAttribute('aria-hidden', 'true');
        element.textContent = count >= 1000 ? `${Math.round(count / 100) / 10}k` : String(count);
        marker = new Marker({ element }).setLngLat([lon, lat]).addTo(map);
      }
      next.set(key, marker);
    }
    for (const [key, marker] of shown) if (!next.has(key)) marker.remove();
    shown = next;
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(update);
  };
  map.on('render', schedule);
  return () => {
    map.off('render', schedule);
    for (const marker of shown.values()) marker.remove();
  };
}
