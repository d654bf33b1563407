import type { Position } from 'geojson';
import { type Bounds, type MapPoint, SEVERITY_COLORS, severityOf } from './map-points.js';
import type { WorldOutline } from './world-outline.js';

/**
 * The fallback map without WebGL: an equirectangular projection on a 2D canvas. `zoom` 1 shows
 * 360° of longitude across the canvas width; the centre is in degrees.
 */
export interface CanvasView {
  lon: number;
  lat: number;
  zoom: number;
}

export const MIN_ZOOM = 0.8;
export const MAX_ZOOM = 4096;
/** Fitting never zooms in further than this (about a region): a single site keeps its context. */
const FIT_MAX_ZOOM = 16;
/** Screen cell (CSS px) within which stations merge into one cluster. */
const CELL = 64;

/** Pixels per degree at this view and canvas width. */
export const scale = (view: CanvasView, width: number) => (width / 360) * view.zoom;

export function project(view: CanvasView, width: number, height: number, lon: number, lat: number): [number, number] {
  const k = scale(view, width);
  return [(lon - view.lon) * k + width / 2, (view.lat - lat) * k + height / 2];
}

export function unproject(view: CanvasView, width: number, height: number, x: number, y: number): [number, number] {
  const k = scale(view, width);
  return [(x - width / 2) / k + view.lon, view.lat - (y - height / 2) / k];
}

export function viewBounds(view: CanvasView, width: number, height: number): Bounds {
  const [west, north] = unproject(view, width, height, 0, 0);
  const [east, south] = unproject(view, width, height, width, height);
  return { west, south, east, north };
}

/** The view that shows every point (or the world), with a margin. */
export function fitView(points: readonly MapPoint[], width: number, height: number): CanvasView {
  if (points.length === 0 || width === 0) return { lon: 10, lat: 25, zoom: 1 };
  let [west, east, south, north] = [180, -180, 90, -90];
  for (const p of points) {
    west = Math.min(west, p.lon);
    east = Math.max(east, p.lon);
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
  }
  const spanLon = Math.max(east - west, 0.02) * 1.3;
  const spanLat = Math.max(north - south, 0.02) * 1.3;
  const zoom = Math.min(360 / spanLon, ((360 / width) * height) / spanLat, FIT_MAX_ZOOM);
  return { lon: (west + east) / 2, lat: (south + north) / 2, zoom: Math.max(MIN_ZOOM, zoom) };
}

/** One drawn mark: a single station or a cluster of stations sharing a screen cell. */
export interface CanvasCluster {
  x: number;
  y: number;
  count: number;
  /** Worst severity (index into SEVERITY) among its stations. */
  severity: number;
  /** Its stations' identities (up to 50). */
  identities: string[];
  /** All its stations stand at one spot: zooming in would never split it. */
  colocated: boolean;
  radius: number;
}

/** Simple grid clustering of the points inside the canvas. */
export function clusterPoints(
  points: readonly MapPoint[],
  view: CanvasView,
  width: number,
  height: number,
): CanvasCluster[] {
  const cells = new Map<
    number,
    {
      sx: number;
      sy: number;
      count: number;
      severity: number;
      identities: string[];
      lon: number;
      lat: number;
      colocated: boolean;
    }
  >();
  const columns = Math.ceil(width / CELL) + 2;
  for (const p of points) {
    const [x, y] = project(view, width, height, p.lon, p.lat);
    if (x < -CELL || y < -CELL || x > width + CELL || y > height + CELL) continue;
    const key = Math.floor((y + CELL) / CELL) * columns + Math.floor((x + CELL) / CELL);
    const severity = severityOf(p.worst_status);
    const cell = cells.get(key);
    if (!cell) {
      cells.set(key, {
        sx: x,
        sy: y,
        count: 1,
        severity,
        identities: [p.identity],
        lon: p.lon,
        lat: p.lat,
        colocated: true,
      });
      continue;
    }
    if (p.lon !== cell.lon || p.lat !== cell.lat) cell.colocated = false;
    cell.sx += x;
    cell.sy += y;
    cell.count++;
    cell.severity = Math.min(cell.severity, severity);
    if (cell.identities.length < 50) cell.identities.push(p.identity);
  }
  return [...cells.values()].map((c) => ({
    x: c.sx / c.count,
    y: c.sy / c.count,
    count: c.count,
    severity: c.severity,
    identities: c.identities,
    colocated: c.colocated,
    radius: c.count === 1 ? 7 : Math.min(24, 11 + Math.log10(c.count) * 4),
  }));
}

/** The country outlines as one path in degrees (drawn through the view's transform). */
export function outlinePath(outline: WorldOutline): Path2D {
  const path = new Path2D();
  const ring = (coordinates: Position[]) => {
    for (const [i, [lon = 0, lat = 0]] of coordinates.entries()) {
      if (i === 0) path.moveTo(lon, lat);
      else path.lineTo(lon, lat);
    }
    path.closePath();
  };
  for (const f of outline.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const polygon of polygons) for (const r of polygon) ring(r);
  }
  return path;
}

export interface Palette {
  water: string;
  land: string;
  border: string;
  stroke: string;
  text: string;
}

/** Draws sea, land, and the clusters (circle in the status colour, count inside, glyph-free). */
export function drawCanvas(
  ctx: CanvasRenderingContext2D,
  input: {
    width: number;
    height: number;
    ratio: number;
    view: CanvasView;
    outline: Path2D | null;
    clusters: readonly CanvasCluster[];
    selected?: string;
    palette: Palette;
  },
): void {
  const { width, height, ratio, view, palette } = input;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = palette.water;
  ctx.fillRect(0, 0, width, height);
  if (input.outline) {
    const k = scale(view, width);
    ctx.setTransform(
      k * ratio,
      0,
      0,
      -k * ratio,
      (width / 2 - view.lon * k) * ratio,
      (height / 2 + view.lat * k) * ratio,
    );
    ctx.fillStyle = palette.land;
    ctx.fill(input.outline, 'evenodd');
    ctx.lineWidth = 0.8 / k;
    ctx.strokeStyle = palette.border;
    ctx.stroke(input.outline);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = '600 11px system-ui, sans-serif';
  for (const c of input.clusters) {
    ctx.beginPath();
    ctx.arc(c.x, c.y, c.radius, 0, Math.PI * 2);
    ctx.fillStyle = SEVERITY_COLORS[c.severity] ?? '#868e96';
    ctx.fill();
    const isSelected = input.selected !== undefined && c.identities.includes(input.selected);
    ctx.lineWidth = isSelected ? 3 : 1.5;
    ctx.strokeStyle = isSelected ? palette.text : palette.stroke;
    ctx.stroke();
    if (c.count > 1) {
      ctx.fillStyle = '#ffffff';
      ctx.fillText(c.count >= 1000 ? `${Math.round(c.count / 100) / 10}k` : String(c.count), c.x, c.y);
    }
  }
}

/** The mark under a point, if any (the last drawn wins, as it is on top). */
export function hitTest(clusters: readonly CanvasCluster[], x: number, y: number): CanvasCluster | undefined {
  for (let i = clusters.length - 1; i >= 0; i--) {
    const c = clusters[i];
    if (c && (c.x - x) ** 2 + (c.y - y) ** 2 <= (c.radius + 3) ** 2) return c;
  }
  return undefined;
}
