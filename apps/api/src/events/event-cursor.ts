import { CHANGE_SOURCES, type ChangeSource } from '@chargebridge/store';

/**
 * Where a client of the live feed is: per followed table, the change time (µs since the epoch)
 * up to which it has seen everything. Sent as every SSE message's `id:`, so the browser hands it
 * back in `Last-Event-ID` when it reconnects. Text form: `v1.` + base-36 µs per source, in
 * `CHANGE_SOURCES` order.
 */
export type FeedCursor = Record<ChangeSource, number>;

const PREFIX = 'v1';

export function encodeCursor(cursor: FeedCursor): string {
  return [PREFIX, ...CHANGE_SOURCES.map((s) => Math.max(0, Math.floor(cursor[s])).toString(36))].join('.');
}

/** The cursor of a `Last-Event-ID`, or undefined for anything else (then nothing is replayed). */
export function decodeCursor(text: string | undefined | null): FeedCursor | undefined {
  if (!text) return undefined;
  const parts = text.trim().split('.');
  if (parts[0] !== PREFIX || parts.length !== CHANGE_SOURCES.length + 1) return undefined;
  const cursor = {} as FeedCursor;
  for (const [i, source] of CHANGE_SOURCES.entries()) {
    const part = parts[i + 1] ?? '';
    if (!/^[0-9a-z]{1,12}$/.test(part)) return undefined;
    cursor[source] = Number.parseInt(part, 36);
  }
  return cursor;
}

/** The later of two cursors, source by source. */
export function laterCursor(a: FeedCursor, b: FeedCursor): FeedCursor {
  return Object.fromEntries(CHANGE_SOURCES.map((s) => [s, Math.max(a[s], b[s])])) as FeedCursor;
}
