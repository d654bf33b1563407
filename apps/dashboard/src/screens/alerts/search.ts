/** URL filters of the alerts screen. */
export interface AlertsSearch {
  status?: 'open' | 'acknowledged' | 'resolved';
  rule?: string;
}

const STATUSES = ['open', 'acknowledged', 'resolved'] as const;
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export function validateAlertsSearch(search: Record<string, unknown>): AlertsSearch {
  const status = text(search.status);
  return {
    status: STATUSES.includes(status as never) ? (status as AlertsSearch['status']) : undefined,
    rule: text(search.rule),
  };
}
