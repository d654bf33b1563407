/** URL filters of the alerts screen; no status = every alert (history included). */
export interface AlertsSearch {
  status?: 'open' | 'acknowledged' | 'resolved';
  rule?: string;
}

export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export function validateAlertsSearch(search: Record<string, unknown>): AlertsSearch {
  const status = text(search.status);
  return {
    status: ALERT_STATUSES.includes(status as never) ? (status as AlertsSearch['status']) : undefined,
    rule: text(search.rule),
  };
}
