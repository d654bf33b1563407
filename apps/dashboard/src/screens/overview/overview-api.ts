import { apiJson } from '../../api/client.js';
import { queryClient } from '../../api/query-client.js';
import type { paths } from '../../api/schema.js';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** The KPI counters (`GET /overview`, also the live `overview` event's payload). */
export type Overview = Json<'/api/v1/overview', 'get', 200>;
export type PowerSeries = Json<'/api/v1/overview/power', 'get', 200>;
export type SessionsPerHour = Json<'/api/v1/overview/sessions-per-hour', 'get', 200>;
export type AlertItem = Json<'/api/v1/alerts', 'get', 200>['items'][number];

/**
 * Query keys. Deliberately not under ['overview'], which every station, connector and transaction
 * event invalidates (up to once a second): the KPI counters come with the live `overview` event
 * (written into the cache as they arrive) and the 24 h charts are aggregates worth a minute.
 * The alert feed is under ['alerts'], refreshed by `alert` events.
 */
export const overviewKeys = {
  kpis: ['overview-kpis'] as const,
  power: (hours: number) => ['overview-charts', 'power', hours] as const,
  sessionsPerHour: (hours: number) => ['overview-charts', 'sessions-per-hour', hours] as const,
  alertFeed: ['alerts', 'feed'] as const,
};

export const fetchOverview = () => apiJson<Overview>('/overview');
/** Starts the KPI request as the route matches, beside the screen's chunk rather than after it. */
export const prefetchOverview = () =>
  queryClient.prefetchQuery({ queryKey: overviewKeys.kpis, queryFn: fetchOverview });
export const fetchPower = (hours: number) => apiJson<PowerSeries>(`/overview/power?hours=${hours}`);
export const fetchSessionsPerHour = (hours: number) =>
  apiJson<SessionsPerHour>(`/overview/sessions-per-hour?hours=${hours}`);
export const fetchAlertFeed = async () => (await apiJson<Json<'/api/v1/alerts', 'get', 200>>('/alerts?limit=15')).items;

/** Decimal text as it came (money stays exact), with its currency. */
export const money = (amount: string, currency: string) => `${currency} ${amount}`;

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
/** A count or quantity for a card. */
export const formatNumber = (value: number) => number.format(value);
