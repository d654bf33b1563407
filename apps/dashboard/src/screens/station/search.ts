import { searchText } from '../../app/search-text.js';

/** The tabs of the station detail, in display order. */
export const STATION_TABS = ['status', 'power', 'frames', 'events', 'commands', 'configuration', 'sessions'] as const;
export type StationTab = (typeof STATION_TABS)[number];

/** Time windows of the status timeline and the power chart (ending now). */
export const STATION_RANGES = ['1h', '6h', '24h', '7d'] as const;
export type StationRange = (typeof STATION_RANGES)[number];
export const RANGE_MS: Record<StationRange, number> = {
  '1h': 3_600_000,
  '6h': 6 * 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 24 * 3_600_000,
};

/** URL state of the station detail: the open tab, the time window, the frame-log and event filters. */
export interface StationSearch {
  tab?: StationTab;
  range?: StationRange;
  action?: string;
  direction?: 'in' | 'out';
  violations?: boolean;
  /** Event log: only events of this kind. */
  kind?: string;
}

export function validateStationSearch(search: Record<string, unknown>): StationSearch {
  const tab = searchText(search.tab);
  const range = searchText(search.range);
  const direction = searchText(search.direction);
  return {
    tab: (STATION_TABS as readonly string[]).includes(tab ?? '') ? (tab as StationTab) : undefined,
    range: (STATION_RANGES as readonly string[]).includes(range ?? '') ? (range as StationRange) : undefined,
    action: searchText(search.action),
    direction: direction === 'in' || direction === 'out' ? direction : undefined,
    violations: search.violations === true || search.violations === 'true' ? true : undefined,
    kind: searchText(search.kind),
  };
}
