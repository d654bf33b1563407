/** URL state of the station detail: the open tab and the frame-log filters. */
export interface StationSearch {
  tab?: 'status' | 'power' | 'frames' | 'commands' | 'configuration' | 'sessions';
  action?: string;
  direction?: 'in' | 'out';
  violations?: boolean;
}

const TABS = ['status', 'power', 'frames', 'commands', 'configuration', 'sessions'] as const;
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export function validateStationSearch(search: Record<string, unknown>): StationSearch {
  const tab = text(search.tab);
  const direction = text(search.direction);
  return {
    tab: TABS.includes(tab as never) ? (tab as StationSearch['tab']) : undefined,
    action: text(search.action),
    direction: direction === 'in' || direction === 'out' ? direction : undefined,
    violations: search.violations === true || search.violations === 'true' ? true : undefined,
  };
}
