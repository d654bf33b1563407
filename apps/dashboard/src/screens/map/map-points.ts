import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StationFilterValues } from '../../components/station-filters.js';
import { STATUS_HEX, statusLook } from '../../components/status.js';
import { useLiveEvent } from '../../live/LiveEventsProvider.js';
import { type MapPoint, mapPointsQuery } from './map-query.js';

export type { MapPoint, MapPointsResponse } from './map-query.js';

/**
 * Station statuses worst first — the hub's `STATION_STATUS_SEVERITY` (packages/domain). A cluster
 * takes the lowest index of its stations, so its colour is its worst station's.
 */
export const SEVERITY = [
  'OUTOFORDER',
  'INOPERATIVE',
  'BLOCKED',
  'OFFLINE',
  'UNKNOWN',
  'RESERVED',
  'CHARGING',
  'PLANNED',
  'REMOVED',
  'AVAILABLE',
] as const;

/** Index of a status in {@link SEVERITY}; unknown values count as UNKNOWN. */
export function severityOf(status: string): number {
  const index = (SEVERITY as readonly string[]).indexOf(status.toUpperCase());
  return index === -1 ? SEVERITY.indexOf('UNKNOWN') : index;
}

/** Drawing colour of a status (the same palette as the badges). */
export function statusColor(status: string): string {
  return STATUS_HEX[statusLook(status).color] ?? STATUS_HEX.gray ?? '#868e96';
}

/** Drawing colour per severity index, for map styles and canvas clusters. */
export const SEVERITY_COLORS: string[] = SEVERITY.map(statusColor);

/** Longitude/latitude box of what the map shows. */
export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

export function inBounds(p: MapPoint, b: Bounds): boolean {
  const lonIn = b.west <= b.east ? p.lon >= b.west && p.lon <= b.east : p.lon >= b.west || p.lon <= b.east;
  return lonIn && p.lat >= b.south && p.lat <= b.north;
}

/**
 * Every station matching the filters, kept live without refetching 10,000 points: `connector`
 * and `station` events recolour the one station they name. Deliberately not under the ['map']
 * key, which the live provider invalidates on every such event; a slow interval (and a short
 * debounce when a status filter may now admit a station we do not have) reconciles instead.
 */
export function useMapPoints(filters: StationFilterValues) {
  const query = useQuery({ ...mapPointsQuery(filters), refetchInterval: 60_000 });
  const base = query.data?.items;
  const index = useMemo(() => new Set((base ?? []).map((p) => p.identity)), [base]);
  // Live changes per station, valid for the data set they were made on.
  const [overrides, setOverrides] = useState<{ base?: MapPoint[]; changed: Map<string, MapPoint> }>({
    changed: new Map(),
  });
  const points = useMemo(() => {
    if (!base) return [];
    if (overrides.base !== base || overrides.changed.size === 0) return base;
    return base.map((p) => overrides.changed.get(p.identity) ?? p);
  }, [base, overrides]);

  // Events come in bursts (a reconnect replays many): apply them once per frame.
  const pending = useRef<Array<[string, (p: MapPoint) => MapPoint]>>([]);
  const frame = useRef<number | undefined>(undefined);
  const refetchSoon = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
      clearTimeout(refetchSoon.current);
    },
    [],
  );
  const refetch = query.refetch;
  const statusFiltered = Boolean(filters.status);
  const patch = useCallback(
    (identity: string, change: (p: MapPoint) => MapPoint) => {
      if (!base) return;
      if (!index.has(identity)) {
        // Not on the map: a status filter may admit it now; fetch again shortly, once.
        if (statusFiltered && !refetchSoon.current) {
          refetchSoon.current = setTimeout(() => {
            refetchSoon.current = undefined;
            void refetch();
          }, 1500);
        }
        return;
      }
      pending.current.push([identity, change]);
      frame.current ??= requestAnimationFrame(() => {
        frame.current = undefined;
        const batch = pending.current;
        pending.current = [];
        setOverrides((prev) => {
          const changed = new Map(prev.base === base ? prev.changed : []);
          const byIdentity = new Map(base.map((p) => [p.identity, p]));
          for (const [id, apply] of batch) {
            const current = changed.get(id) ?? byIdentity.get(id);
            if (current) changed.set(id, apply(current));
          }
          return { base, changed };
        });
      });
    },
    [base, index, statusFiltered, refetch],
  );
  useLiveEvent('connector', (e) => patch(e.identity, (p) => ({ ...p, worst_status: e.worst_status })));
  useLiveEvent('station', (e) =>
    patch(e.identity, (p) => ({
      ...p,
      online: e.online,
      protocol: e.protocol ?? p.protocol,
      worst_status: e.worst_status,
    })),
  );

  // A live change can take a station out of the status filter: drop it from what is drawn.
  const statusFilter = filters.status?.toUpperCase();
  const drawn = useMemo(() => {
    const statuses = statusFilter?.split(',');
    return statuses ? points.filter((p) => statuses.includes(p.worst_status)) : points;
  }, [points, statusFilter]);
  return {
    points: drawn,
    unplaced: query.data?.unplaced ?? 0,
    loading: query.isPending,
    error: query.error,
  };
}
