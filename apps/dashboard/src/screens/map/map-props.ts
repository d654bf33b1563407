import type { Bounds, MapPoint } from './map-points.js';

/** What both renderers (MapLibre and the canvas fallback) take. */
export interface FleetMapProps {
  /** The stations to draw (already filtered), live-patched: a changed station is a new object. */
  points: MapPoint[];
  selected?: string;
  /** Changes when the filters change: the view then fits the stations again. */
  fitKey: string;
  dark: boolean;
  /** Stations clicked: one, or several that cannot be told apart at the deepest zoom. */
  onPick: (identities: string[]) => void;
  /** Called once the stations are on screen: how many, and ms since they changed. */
  onDrawn: (count: number, ms: number) => void;
  /** The part of the world in view, after every move. */
  onBounds: (bounds: Bounds) => void;
}
