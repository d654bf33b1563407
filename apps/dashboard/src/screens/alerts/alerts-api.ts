import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import type { LiveEventMap } from '../../live/event-types.js';
import type { AlertsSearch } from './search.js';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type AlertPage = Json<'/api/v1/alerts', 'get', 200>;
export type AlertItem = AlertPage['items'][number];
export type AlertRule = Json<'/api/v1/alerts/rules', 'get', 200>['rules'][number];

export const PAGE_SIZE = 50;

/** Query keys: the list lives under ['alerts'] (refreshed by live `alert` events); the rules do not change. */
export const alertKeys = {
  list: (search: AlertsSearch) => ['alerts', 'list', search.status ?? 'all', search.rule ?? 'all'] as const,
  rules: ['alert-rules'] as const,
};

export function fetchAlertPage(search: AlertsSearch, beforeId?: number): Promise<AlertPage> {
  const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (search.status) query.set('status', search.status);
  if (search.rule) query.set('rule', search.rule);
  if (beforeId) query.set('before_id', String(beforeId));
  return apiJson<AlertPage>(`/alerts?${query}`);
}

export const fetchAlertRules = async () => (await apiJson<{ rules: AlertRule[] }>('/alerts/rules')).rules;

/**
 * A live `alert` event applied to a loaded list: the row updated in place, or a new row on top
 * when it matches the filters (the list is newest first). The full refetch follows anyway.
 */
export function applyAlertEvent(
  data: InfiniteData<AlertPage, number | undefined> | undefined,
  e: LiveEventMap['alert'],
  search: AlertsSearch,
): InfiniteData<AlertPage, number | undefined> | undefined {
  if (!data || e.status === 'pending') return data;
  const matches = (!search.status || search.status === e.status) && (!search.rule || search.rule === e.rule);
  const patch = (a: AlertItem): AlertItem => ({
    ...a,
    status: e.status as AlertItem['status'],
    message: e.message,
    opened_at: e.opened_at,
    updated_at: e.updated_at,
  });
  let found = false;
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.flatMap((a) => {
      if (a.id !== e.id) return [a];
      found = true;
      return matches ? [patch(a)] : [];
    }),
  }));
  if (!found && matches && pages[0]) {
    const fresh: AlertItem = {
      id: e.id,
      rule: e.rule,
      subject: e.subject,
      severity: e.severity,
      status: e.status as AlertItem['status'],
      message: e.message,
      details: {},
      first_seen_at: e.opened_at ?? e.updated_at,
      opened_at: e.opened_at,
      acknowledged_at: null,
      acknowledged_by: null,
      resolved_at: e.status === 'resolved' ? e.updated_at : null,
      updated_at: e.updated_at,
    };
    pages[0] = { ...pages[0], items: [fresh, ...pages[0].items] };
  }
  return { ...data, pages };
}

/** Acknowledging an open alert (operator and up); refreshes every alert list. */
export function useAcknowledge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiJson<AlertItem>(`/alerts/${id}/acknowledge`, { method: 'POST', body: '{}' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['alerts'] }),
  });
}
