import { Alert, Stack, Text, Title, useComputedColorScheme } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { StationFilterFields } from '../../components/StationFilterFields.js';
import { CanvasMap } from './CanvasMap.js';
import { MapLegend } from './MapLegend.js';
import classes from './map.module.css';
import { type Bounds, useMapPoints } from './map-points.js';
import { StationList } from './StationList.js';
import { StationPanel } from './StationPanel.js';
import type { MapSearch } from './search.js';
import { webglAvailable } from './webgl-support.js';

// MapLibre (and its worker) load only when WebGL is there to run them.
const WebGlMap = lazy(() => import('./WebGlMap.js'));

const route = getRouteApi('/shell/map');

/**
 * The fleet on a map that needs no tile server or internet: stations clustered and coloured by
 * their worst EVSE status, recoloured live, filtered from the URL, a side panel per station.
 * MapLibre GL when the browser has WebGL, a 2D canvas drawing otherwise.
 */
export function MapScreen() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { station, renderer: forced, ...filters } = search;
  const update = useCallback(
    (patch: Partial<MapSearch>) => navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true }),
    [navigate],
  );
  const { points, unplaced, loading, error } = useMapPoints(filters);
  const [renderer, setRenderer] = useState<'webgl' | 'canvas'>(() => forced ?? (webglAvailable() ? 'webgl' : 'canvas'));
  const [drawn, setDrawn] = useState<{ count: number; ms: number; key: string } | null>(null);
  const [bounds, setBounds] = useState<Bounds | null>(null);
  const [candidates, setCandidates] = useState<string[]>([]);
  const dark = useComputedColorScheme('light') === 'dark';
  const fitKey = JSON.stringify(filters);
  const selectedPoint = useMemo(() => points.find((p) => p.identity === station), [points, station]);

  // With WebGL, the canvas drawing shows the stations at once; MapLibre (a large chunk, a worker,
  // a GPU context) loads after that first drawing and takes over as soon as it has drawn them too.
  const [webglDrawn, setWebglDrawn] = useState(false);
  const showCanvas = renderer === 'canvas' || !webglDrawn;
  // Only drawings of loaded data count (the canvas also draws the empty world while loading).
  // A drawing counts for the filters it was made under (data-drawn is never a stale count).
  const loaded = useRef(false);
  loaded.current = !loading;
  const drawingKey = useRef(fitKey);
  drawingKey.current = fitKey;
  const onDrawn = useCallback((count: number, ms: number) => {
    if (!loaded.current) return;
    const key = drawingKey.current;
    setDrawn((d) => (d?.count === count && d.key === key ? d : { count, ms: Math.round(ms), key }));
  }, []);
  const shownDrawn = drawn && !loading && drawn.key === fitKey ? drawn : null;
  const onWebglDrawn = useCallback(
    (count: number, ms: number) => {
      setWebglDrawn(true);
      onDrawn(count, ms);
    },
    [onDrawn],
  );
  // Every drawing reports its view; an unchanged one must not re-render the screen.
  const onBounds = useCallback(
    (b: Bounds) =>
      setBounds((prev) =>
        prev && prev.west === b.west && prev.south === b.south && prev.east === b.east && prev.north === b.north
          ? prev
          : b,
      ),
    [],
  );
  const select = useCallback(
    (identity: string | undefined) => {
      setCandidates([]);
      update({ station: identity });
    },
    [update],
  );
  const onPick = useCallback(
    (identities: string[]) => {
      if (identities.length === 1) select(identities[0]);
      else {
        update({ station: undefined });
        setCandidates(identities);
      }
    },
    [select, update],
  );
  const onFail = useCallback(() => setRenderer('canvas'), []);

  const mapProps = { points, selected: station, fitKey, dark, onPick, onDrawn, onBounds };
  return (
    <Stack gap="sm">
      <Title order={1}>Fleet map</Title>
      <StationFilterFields fields={['party', 'location', 'protocol', 'status']} value={filters} onChange={update} />
      <MapLegend points={points} />
      {error && (
        <Alert color="red" title="Could not load the stations">
          {error.message}
        </Alert>
      )}
      <div className={classes.layout}>
        <div
          className={classes.map}
          data-testid="fleet-map"
          data-renderer={showCanvas ? 'canvas' : 'webgl'}
          data-drawn={shownDrawn?.count}
          data-draw-ms={shownDrawn?.ms}
        >
          {renderer === 'webgl' && drawn && (
            <div className={classes.layer} inert={showCanvas}>
              <Suspense fallback={null}>
                <WebGlMap {...mapProps} onDrawn={onWebglDrawn} onFail={onFail} />
              </Suspense>
            </div>
          )}
          {showCanvas && (
            <div className={classes.layer}>
              <CanvasMap {...mapProps} />
            </div>
          )}
          <div className={classes.status} aria-live="polite">
            {loading
              ? 'Loading stations…'
              : `${points.length.toLocaleString('en')} station${points.length === 1 ? '' : 's'} on the map (${showCanvas ? 'canvas drawing' : 'WebGL'})`}
          </div>
        </div>
        <aside className={classes.aside} aria-label="Station details and list">
          <StationPanel
            identity={station}
            point={selectedPoint}
            candidates={candidates}
            onSelect={select}
            onClose={() => select(undefined)}
          />
          <StationList points={points} bounds={bounds} selected={station} onSelect={select} />
        </aside>
      </div>
      {unplaced > 0 && (
        <Text size="sm">
          {unplaced.toLocaleString('en')} matching station{unplaced === 1 ? ' has' : 's have'} no location coordinates
          and {unplaced === 1 ? 'is' : 'are'} not on the map.
        </Text>
      )}
    </Stack>
  );
}
