import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { apiJson } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { filterParams, type StationFilterValues } from '../../components/station-filters.js';
import type { LiveEventMap } from '../../live/event-types.js';
import { useLiveEvent } from '../../live/LiveEventsProvider.js';
import type { StationSort } from './search.js';

/** `GET /api/v1/stations/table`: one page. */
export type StationTablePage = paths['/api/v1/stations/table']['get']['responses'][200]['content']['application/json'];
export type StationTableRow = StationTablePage['items'][number];

/** Rows per request; the table asks for the pages its visible rows fall in. */
export const PAGE_SIZE = 200;

const pageKey = (filters: StationFilterValues, sort: StationSort, page: number) =>
  ['stations', 'table', { ...filters, sort }, page] as const;

/**
 * The server-paged rows of the stations table: only the pages holding the `visible` rows (and
 * page 0, which carries the total) are fetched and kept fresh; live events patch cached rows at
 * once, and the live provider's invalidation of ['stations'] refetches the mounted pages.
 */
export function useStationPages(
  filters: StationFilterValues,
  sort: StationSort,
  visible: { first: number; last: number },
) {
  const wanted = useMemo(() => {
    const pages = new Set([0]);
    for (let p = Math.floor(visible.first / PAGE_SIZE); p <= Math.floor(visible.last / PAGE_SIZE); p++) pages.add(p);
    return [...pages];
  }, [visible.first, visible.last]);
  const results = useQueries({
    queries: wanted.map((page) => ({
      queryKey: pageKey(filters, sort, page),
      queryFn: () =>
        apiJson<StationTablePage>(
          `/stations/table?${filterParams(filters, { sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE })}`,
        ),
    })),
  });
  const pages = new Map<number, StationTablePage>();
  results.forEach((r, i) => {
    const page = wanted[i];
    if (r.data && page !== undefined) pages.set(page, r.data);
  });
  const first = results[0];
  const total = [...pages.values()][0]?.total;
  const patch = useRowPatcher();
  useLiveEvent('connector', (e) => patch(e.identity, (row) => withConnector(row, e)));
  useLiveEvent('station', (e) => patch(e.identity, (row) => withStation(row, e)));
  return {
    total,
    loading: first?.isPending ?? true,
    error: results.find((r) => r.error)?.error ?? null,
    rowAt: (index: number): StationTableRow | undefined =>
      pages.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE],
  };
}

type RowChange = (row: StationTableRow) => StationTableRow;

/**
 * Patches cached rows from live events, batched per animation frame (a reconnect replays events
 * in bursts): one pass over the cached pages applies every change to the rows it names.
 */
function useRowPatcher() {
  const queryClient = useQueryClient();
  const pending = useRef(new Map<string, RowChange[]>());
  const frame = useRef<number | undefined>(undefined);
  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    },
    [],
  );
  return useCallback(
    (identity: string, change: RowChange) => {
      const list = pending.current.get(identity) ?? [];
      list.push(change);
      pending.current.set(identity, list);
      frame.current ??= requestAnimationFrame(() => {
        frame.current = undefined;
        const changes = pending.current;
        pending.current = new Map();
        queryClient.setQueriesData<StationTablePage>({ queryKey: ['stations', 'table'] }, (page) => {
          if (!page?.items.some((r) => changes.has(r.identity))) return page;
          const items = page.items.map((r) => (changes.get(r.identity) ?? []).reduce((row, apply) => apply(row), r));
          return { ...page, items };
        });
      });
    },
    [queryClient],
  );
}

/** A row after a connector status event (the server sends the station's new worst status too). */
export function withConnector(row: StationTableRow, e: LiveEventMap['connector']): StationTableRow {
  return {
    ...row,
    worst_status: e.worst_status,
    connectors: row.connectors.map((c) =>
      c.evse_uid !== e.evse_uid
        ? c
        : c.connector_id === e.connector_id
          ? { ...c, status: e.ocpp_status, evse_status: e.evse_status }
          : { ...c, evse_status: e.evse_status },
    ),
  };
}

/** A row after a station online/offline event. */
export function withStation(row: StationTableRow, e: LiveEventMap['station']): StationTableRow {
  return {
    ...row,
    online: e.online,
    last_seen: e.last_seen,
    protocol: e.protocol ?? row.protocol,
    worst_status: e.worst_status,
    connectors: e.online ? row.connectors : row.connectors.map((c) => ({ ...c, evse_status: 'UNKNOWN' })),
  };
}
