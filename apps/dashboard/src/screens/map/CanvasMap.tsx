import { ActionIcon, Group } from '@mantine/core';
import { IconFocusCentered, IconMinus, IconPlus } from '@tabler/icons-react';
import { type KeyboardEvent, type PointerEvent, useEffect, useRef, useState } from 'react';
import {
  type CanvasCluster,
  type CanvasView,
  clusterPoints,
  drawCanvas,
  fitView,
  hitTest,
  MAX_ZOOM,
  MIN_ZOOM,
  outlinePath,
  type Palette,
  unproject,
  viewBounds,
} from './canvas-draw.js';
import classes from './map.module.css';
import type { FleetMapProps } from './map-props.js';
import { loadWorldOutline } from './world-outline.js';

const LIGHT: Palette = { water: '#d0e3f1', land: '#f8f9fa', border: '#adb5bd', stroke: '#ffffff', text: '#212529' };
const DARK: Palette = { water: '#15202b', land: '#2c2e33', border: '#5c5f66', stroke: '#1a1b1e', text: '#f8f9fa' };

/**
 * The map for browsers without WebGL: world outline and stations on a 2D canvas, equirectangular,
 * grid-clustered. Drag to pan, wheel or +/− to zoom, click a station or a cluster (zooms in; at
 * the deepest zoom lists its stations).
 */
export function CanvasMap({ points, selected, fitKey, dark, onPick, onDrawn, onBounds }: FleetMapProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [view, setView] = useState<CanvasView | null>(null);
  const [outline, setOutline] = useState<Path2D | null>(null);
  const clusters = useRef<CanvasCluster[]>([]);
  const drag = useRef<{ x: number; y: number; view: CanvasView; moved: boolean } | null>(null);
  const pointsChangedAt = useRef(performance.now());
  const fittedFor = useRef<string | null>(null);

  useEffect(() => {
    let live = true;
    loadWorldOutline()
      .then((world) => live && setOutline(outlinePath(world)))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    const element = canvas.current?.parentElement;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: Math.round(entry.contentRect.width), height: Math.round(entry.contentRect.height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    pointsChangedAt.current = performance.now();
  }, [points]);

  // Fit the view to the stations whenever the filters change (not on live recolouring).
  useEffect(() => {
    if (size.width === 0 || fittedFor.current === fitKey || points.length === 0) return;
    fittedFor.current = fitKey;
    setView(fitView(points, size.width, size.height));
  }, [fitKey, points, size]);

  useEffect(() => {
    const element = canvas.current;
    const ctx = element?.getContext('2d');
    if (!element || !ctx || size.width === 0) return;
    const current = view ?? fitView([], size.width, size.height);
    const ratio = window.devicePixelRatio || 1;
    element.width = size.width * ratio;
    element.height = size.height * ratio;
    clusters.current = clusterPoints(points, current, size.width, size.height);
    drawCanvas(ctx, {
      width: size.width,
      height: size.height,
      ratio,
      view: current,
      outline,
      clusters: clusters.current,
      selected,
      palette: dark ? DARK : LIGHT,
    });
    performance.mark('fleet-map:drawn');
    onDrawn(points.length, performance.now() - pointsChangedAt.current);
    onBounds(viewBounds(current, size.width, size.height));
  }, [points, view, size, outline, selected, dark, onDrawn, onBounds]);

  const currentView = () => view ?? fitView([], size.width, size.height);
  const zoomAt = (factor: number, x = size.width / 2, y = size.height / 2) => {
    const v = currentView();
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.zoom * factor));
    const [lon, lat] = unproject(v, size.width, size.height, x, y);
    // Keep the point under (x, y) where it is.
    const k = (size.width / 360) * zoom;
    setView({ zoom, lon: lon - (x - size.width / 2) / k, lat: lat + (y - size.height / 2) / k });
  };
  const pan = (dx: number, dy: number) => {
    const v = currentView();
    const k = (size.width / 360) * v.zoom;
    setView({ ...v, lon: v.lon - dx / k, lat: v.lat + dy / k });
  };

  const local = (e: { clientX: number; clientY: number }) => {
    const rect = canvas.current?.getBoundingClientRect();
    return { x: e.clientX - (rect?.left ?? 0), y: e.clientY - (rect?.top ?? 0) };
  };
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    canvas.current?.setPointerCapture(e.pointerId);
    drag.current = { ...local(e), view: currentView(), moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const start = drag.current;
    if (!start) return;
    const { x, y } = local(e);
    if (Math.abs(x - start.x) + Math.abs(y - start.y) > 4) start.moved = true;
    if (!start.moved) return;
    const k = (size.width / 360) * start.view.zoom;
    setView({ ...start.view, lon: start.view.lon - (x - start.x) / k, lat: start.view.lat + (y - start.y) / k });
  };
  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const start = drag.current;
    drag.current = null;
    if (!start || start.moved) return;
    const { x, y } = local(e);
    const hit = hitTest(clusters.current, x, y);
    if (!hit) return;
    if (hit.count === 1 || hit.colocated || currentView().zoom >= MAX_ZOOM) onPick(hit.identities);
    else zoomAt(4, hit.x, hit.y);
  };
  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  const wheel = useRef((_e: WheelEvent) => {});
  wheel.current = (e: WheelEvent) => {
    e.preventDefault();
    const { x, y } = local(e);
    zoomAt(Math.exp(-e.deltaY * 0.0015), x, y);
  };
  useEffect(() => {
    const element = canvas.current;
    const listener = (e: WheelEvent) => wheel.current(e);
    element?.addEventListener('wheel', listener, { passive: false });
    return () => element?.removeEventListener('wheel', listener);
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const step = 80;
    const actions: Record<string, () => void> = {
      ArrowLeft: () => pan(step, 0),
      ArrowRight: () => pan(-step, 0),
      ArrowUp: () => pan(0, step),
      ArrowDown: () => pan(0, -step),
      '+': () => zoomAt(2),
      '=': () => zoomAt(2),
      '-': () => zoomAt(0.5),
      '0': () => setView(fitView(points, size.width, size.height)),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  return (
    <>
      <canvas
        ref={canvas}
        className={classes.canvas}
        style={{ width: size.width, height: size.height }}
        tabIndex={0}
        role="img"
        aria-label="Fleet map (simplified drawing). Arrow keys pan, plus and minus zoom; the station list beside it is the accessible view."
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          drag.current = null;
        }}
        onKeyDown={onKeyDown}
      />
      <Group gap={4} className={classes.canvasControls}>
        <ActionIcon variant="default" aria-label="Zoom in" onClick={() => zoomAt(2)}>
          <IconPlus size={16} aria-hidden />
        </ActionIcon>
        <ActionIcon variant="default" aria-label="Zoom out" onClick={() => zoomAt(0.5)}>
          <IconMinus size={16} aria-hidden />
        </ActionIcon>
        <ActionIcon
          variant="default"
          aria-label="Show all stations"
          onClick={() => setView(fitView(points, size.width, size.height))}
        >
          <IconFocusCentered size={16} aria-hidden />
        </ActionIcon>
      </Group>
    </>
  );
}
