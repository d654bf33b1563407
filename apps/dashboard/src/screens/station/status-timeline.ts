import { STATUS_HEX, statusLook } from '../../components/status.js';
import type { StatusHistory } from './station-api.js';

/** One bar of the timeline: a row (connection or connector) in one state from `start` to `end`. */
export interface TimelineSegment {
  row: number;
  start: number;
  end: number;
  label: string;
  glyph: string;
  color: string;
}

export interface Timeline {
  rows: string[];
  segments: TimelineSegment[];
  /** The window drawn (bars start no earlier than the station's provisioning). */
  from: number;
  to: number;
}

/** The connection row's name; connector rows follow it. */
export const CONNECTION_ROW = 'Connection';

/**
 * Turns status history into timeline bars: a "Connection" row (online / offline) and one row per
 * connector whose statuses run from each change to the next; offline gaps are drawn over every
 * connector (its status is unknown while the station is away), after the statuses so they show on top.
 */
export function buildTimeline(history: StatusHistory, now = Date.now()): Timeline {
  // Nothing before the station was provisioned.
  const from = Math.max(Date.parse(history.from), Date.parse(history.provisioned_at));
  const to = Math.min(Date.parse(history.to), now);
  const rows = [CONNECTION_ROW, ...history.connectors.map((c) => `EVSE ${c.evse_id} · connector ${c.connector_id}`)];
  const rowOf = new Map(history.connectors.map((c, i) => [`${c.evse_id}/${c.connector_id}`, i + 1]));
  const segments: TimelineSegment[] = [];
  const push = (row: number, start: number, end: number, look: { label: string; glyph: string; color: string }) => {
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (e > s) segments.push({ row, start: s, end: e, label: look.label, glyph: look.glyph, color: look.color });
  };
  const lookOf = (status: string) => {
    const look = statusLook(status);
    return { label: look.label, glyph: look.glyph, color: STATUS_HEX[look.color] ?? STATUS_HEX.gray! };
  };
  const online = { label: 'Online', glyph: '✓', color: STATUS_HEX.green! };
  const offline = lookOf('OFFLINE');

  const gaps = history.offline.map((g) => ({ start: Date.parse(g.from), end: g.to ? Date.parse(g.to) : to }));
  let cursor = from;
  for (const gap of gaps) {
    push(0, cursor, gap.start, online);
    push(0, gap.start, gap.end, offline);
    cursor = Math.max(cursor, gap.end);
  }
  push(0, cursor, to, online);

  const byConnector = new Map<number, Array<{ at: number; status: string }>>();
  for (const change of history.changes) {
    const row = rowOf.get(`${change.evse_id}/${change.connector_id}`);
    if (row === undefined) continue;
    const list = byConnector.get(row) ?? [];
    list.push({ at: Date.parse(change.at), status: change.status });
    byConnector.set(row, list);
  }
  for (const [row, changes] of byConnector) {
    for (const [i, c] of changes.entries()) push(row, c.at, changes[i + 1]?.at ?? to, lookOf(c.status));
  }
  for (const gap of gaps) {
    for (let row = 1; row < rows.length; row++) push(row, gap.start, gap.end, offline);
  }
  return { rows, segments, from: Date.parse(history.from), to };
}
