import { Alert, Badge, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useFormatTime } from '../../app/time-zone.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import type { StationFilterValues } from '../../components/station-filters.js';
import type { StationSort } from './search.js';
import classes from './stations-table.module.css';
import { type StationTableRow, useStationPages } from './use-station-pages.js';

const ROW_HEIGHT = 56;
/** Rows rendered beyond the viewport on each side: enough for smooth scrolling, far below 100 in the DOM. */
const OVERSCAN = 6;
/** Connector badges shown per row before "+N more". */
const MAX_CONNECTORS = 3;

interface Column {
  label: string;
  /** Sort key; the first click sorts in `first` direction. */
  sort?: 'identity' | 'last_seen' | 'status' | 'violations';
  first?: 'asc' | 'desc';
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { label: 'Identity', sort: 'identity', first: 'asc' },
  { label: 'Party / location' },
  { label: 'OCPP' },
  { label: 'Online / last seen', sort: 'last_seen', first: 'desc' },
  { label: 'Status', sort: 'status', first: 'asc' },
  { label: 'Connectors' },
  { label: 'Firmware' },
  { label: 'Violations', sort: 'violations', first: 'desc', numeric: true },
  { label: 'kW now', numeric: true },
];

/**
 * The stations table: server-paged and virtualized (only the rows in view, plus a few, are in
 * the DOM), with ARIA table semantics — aria-rowcount / aria-rowindex tell a screen reader where
 * it is in the whole list although most rows are not rendered.
 */
export function StationsTable({
  filters,
  sort,
  onSort,
}: {
  filters: StationFilterValues;
  sort: StationSort;
  onSort: (sort: StationSort) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  // The rows in view, as state: set after each render that scrolled, so the pages they need load.
  const [visible, setVisible] = useState({ first: 0, last: 0 });
  const { total, loading, error, rowAt } = useStationPages(filters, sort, visible);
  const count = total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    setVisible((v) => (v.first === first && v.last === last ? v : { first, last }));
  }, [first, last]);
  const resetKey = useMemo(() => JSON.stringify({ filters, sort }), [filters, sort]);
  useEffect(() => {
    if (resetKey && scroller.current) scroller.current.scrollTop = 0;
    setVisible({ first: 0, last: 0 });
  }, [resetKey]);

  return (
    <>
      <Text size="sm" aria-live="polite" data-testid="stations-total">
        {loading ? 'Loading stations…' : `${count.toLocaleString('en')} station${count === 1 ? '' : 's'}`}
      </Text>
      {error && (
        <Alert color="red" title="Could not load stations">
          {error.message}
        </Alert>
      )}
      <div className={classes.scroller} ref={scroller}>
        <table aria-label="Stations" aria-rowcount={count + 1} aria-colcount={COLUMNS.length} className={classes.table}>
          <thead className={classes.header}>
            <tr aria-rowindex={1} className={classes.grid}>
              {COLUMNS.map((column, i) => (
                <HeaderCell key={column.label} column={column} index={i} sort={sort} onSort={onSort} />
              ))}
            </tr>
          </thead>
          <tbody className={classes.body} style={{ height: virtualizer.getTotalSize() }}>
            {items.map((v) => {
              const row = rowAt(v.index);
              return (
                <tr
                  key={row?.identity ?? `loading-${v.index}`}
                  aria-rowindex={v.index + 2}
                  className={`${classes.grid} ${classes.row}`}
                  style={{ height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}
                  data-testid={row ? `station-row-${row.identity}` : undefined}
                  data-status={row?.worst_status}
                >
                  {row ? (
                    <RowCells row={row} />
                  ) : (
                    <td aria-colindex={1} className={classes.cell}>
                      Loading…
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!loading && count === 0 && <Text>No station matches these filters.</Text>}
    </>
  );
}

function HeaderCell({
  column,
  index,
  sort,
  onSort,
}: {
  column: Column;
  index: number;
  sort: StationSort;
  onSort: (sort: StationSort) => void;
}) {
  const active = column.sort && sort.replace('-', '') === column.sort;
  const descending = sort.startsWith('-');
  const ariaSort = !column.sort ? undefined : !active ? 'none' : descending ? 'descending' : 'ascending';
  const next = (): StationSort => {
    const key = column.sort as string;
    if (!active) return (column.first === 'desc' ? `-${key}` : key) as StationSort;
    return (descending ? key : `-${key}`) as StationSort;
  };
  const Icon = !active ? IconArrowsSort : descending ? IconArrowDown : IconArrowUp;
  return (
    <th
      scope="col"
      aria-colindex={index + 1}
      aria-sort={ariaSort}
      className={`${classes.headerCell} ${column.numeric ? classes.numeric : ''}`}
    >
      {column.sort ? (
        <button type="button" className={classes.sortButton} onClick={() => onSort(next())}>
          {column.label}
          <Icon size={14} aria-hidden />
        </button>
      ) : (
        column.label
      )}
    </th>
  );
}

function RowCells({ row }: { row: StationTableRow }) {
  const formatTime = useFormatTime();
  const shown = row.connectors.slice(0, MAX_CONNECTORS);
  const hidden = row.connectors.length - shown.length;
  const cell = (index: number, className = classes.cell) => ({ 'aria-colindex': index, className });
  return (
    <>
      <td {...cell(1)}>
        <Link to="/stations/$identity" params={{ identity: row.identity }} className={classes.identity}>
          {row.identity}
        </Link>
      </td>
      <td {...cell(2)}>
        <div>
          {row.country_code}-{row.party_id}
        </div>
        <div className={classes.sub} title={row.location_name ?? undefined}>
          {row.location_name ?? row.location_id ?? 'No location'}
        </div>
      </td>
      <td {...cell(3)}>{row.protocol ?? '—'}</td>
      <td {...cell(4)}>
        <Badge size="sm" variant="dot" color={row.online ? 'green' : 'gray'}>
          {row.online ? 'Online' : 'Offline'}
        </Badge>
        <div className={classes.sub}>
          <VisuallyHidden>Last seen </VisuallyHidden>
          {formatTime(row.last_seen, row.time_zone)}
        </div>
      </td>
      <td {...cell(5)}>
        <StatusBadge status={row.worst_status} />
      </td>
      <td {...cell(6, `${classes.cell} ${classes.connectors}`)}>
        {row.connectors.length === 0 && 'None'}
        {shown.map((c, i) => (
          <span key={`${c.evse_uid}/${c.connector_id}`} className={classes.connector}>
            <VisuallyHidden>Connector</VisuallyHidden>
            <span>{i + 1}</span>
            <StatusBadge status={c.status} size="xs" />
          </span>
        ))}
        {hidden > 0 && <span className={classes.connector}>+{hidden} more</span>}
      </td>
      <td {...cell(7)}>{row.firmware ?? '—'}</td>
      <td {...cell(8, `${classes.cell} ${classes.numeric}`)}>
        {row.schema_violations > 0 ? <strong>{row.schema_violations}</strong> : 0}
      </td>
      <td {...cell(9, `${classes.cell} ${classes.numeric}`)}>
        {row.power_kw === null ? '—' : row.power_kw.toFixed(1)}
      </td>
    </>
  );
}
