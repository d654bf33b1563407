import { Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { statusLook } from '../../components/status.js';
import classes from './map.module.css';
import { type Bounds, inBounds, type MapPoint } from './map-points.js';

/** Up to this many stations the list holds all of them; above, those in view (capped). */
const ALL_UP_TO = 500;

/**
 * The accessible view of the map: one entry per drawn station with its worst status in words
 * (`data-testid="map-station-<identity>"`, `data-status`), each selectable like a click on the map.
 */
export function StationList({
  points,
  bounds,
  selected,
  onSelect,
}: {
  points: readonly MapPoint[];
  bounds: Bounds | null;
  selected?: string;
  onSelect: (identity: string) => void;
}) {
  const listed = useMemo(() => {
    if (points.length <= ALL_UP_TO || !bounds) return points.slice(0, ALL_UP_TO);
    const out: MapPoint[] = [];
    for (const p of points) {
      if (inBounds(p, bounds)) out.push(p);
      if (out.length === ALL_UP_TO) break;
    }
    return out;
  }, [points, bounds]);
  const partial = listed.length < points.length;
  return (
    <section aria-labelledby="map-station-list">
      <Title order={2} size="h5" id="map-station-list" mb={4}>
        {partial ? `Stations in view (${listed.length.toLocaleString('en')} listed)` : `Stations (${points.length})`}
      </Title>
      {partial && (
        <Text size="xs" mb={4}>
          {points.length.toLocaleString('en')} stations match; zoom in or filter to list the rest.
        </Text>
      )}
      <ul className={classes.list}>
        {listed.map((p) => {
          const look = statusLook(p.worst_status);
          return (
            <li
              key={p.identity}
              className={classes.listItem}
              data-testid={`map-station-${p.identity}`}
              data-status={p.worst_status.toUpperCase()}
            >
              <button
                type="button"
                className={classes.listButton}
                aria-pressed={selected === p.identity}
                onClick={() => onSelect(p.identity)}
              >
                <span>{p.identity}</span>
                <span>
                  <span aria-hidden>{look.glyph} </span>
                  {look.label}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
