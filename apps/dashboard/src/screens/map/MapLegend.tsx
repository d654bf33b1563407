import { useMemo } from 'react';
import { statusLook } from '../../components/status.js';
import classes from './map.module.css';
import { type MapPoint, SEVERITY, statusColor } from './map-points.js';

const ALWAYS = new Set(['OUTOFORDER', 'INOPERATIVE', 'OFFLINE', 'UNKNOWN', 'RESERVED', 'CHARGING', 'AVAILABLE']);

/** Status colours with glyph, name and count on the map: the colour is never the only cue. */
export function MapLegend({ points }: { points: readonly MapPoint[] }) {
  const counts = useMemo(() => {
    const out = new Map<string, number>();
    for (const p of points) out.set(p.worst_status, (out.get(p.worst_status) ?? 0) + 1);
    return out;
  }, [points]);
  return (
    <ul className={classes.legend} aria-label="Map legend: worst status per station">
      {SEVERITY.filter((s) => ALWAYS.has(s) || counts.has(s)).map((status) => {
        const look = statusLook(status);
        return (
          <li key={status}>
            <span className={classes.swatch} style={{ background: statusColor(status) }} aria-hidden>
              {look.glyph}
            </span>
            {look.label} ({(counts.get(status) ?? 0).toLocaleString('en')})
          </li>
        );
      })}
    </ul>
  );
}
