import { apiJson } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import type { SessionsSearch } from './search.js';

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

/** `GET /api/v1/charging-sessions`: one page. */
export type ChargingSessionPage = Json<'/api/v1/charging-sessions'>;
export type ChargingSession = ChargingSessionPage['items'][number];
/** `GET /api/v1/charging-sessions/{id}`. */
export type ChargingSessionDetail = Json<'/api/v1/charging-sessions/{id}'>;
export type CostBreakdown = ChargingSessionDetail['cost'];
export type PushTrail = ChargingSessionDetail['push_trail'];

/** Rows per page of the sessions list. */
export const SESSIONS_PAGE_SIZE = 50;

/** Query keys: ['sessions', …] and ['session', id] are refreshed by live `transaction` events. */
export const sessionKeys = {
  list: (search: SessionsSearch) => ['sessions', 'list', search] as const,
  detail: (id: number) => ['session', id] as const,
};

/** A `date` or `datetime-local` input value as an ISO instant (dates are UTC midnight). */
export function isoInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The day after a `YYYY-MM-DD` date (an inclusive "to" day becomes an exclusive bound). */
export function dayAfter(value: string | undefined): string | undefined {
  const start = isoInstant(value);
  if (!start || !/^\d{4}-\d{2}-\d{2}$/.test(value ?? '')) return start;
  return new Date(Date.parse(start) + 86_400_000).toISOString();
}

export function fetchSessions(search: SessionsSearch): Promise<ChargingSessionPage> {
  const params = new URLSearchParams();
  if (search.status) params.set('status', search.status);
  if (search.station) params.set('station', search.station);
  if (search.party) params.set('party', search.party);
  const from = isoInstant(search.from);
  const to = dayAfter(search.to);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  params.set('offset', String(((search.page ?? 1) - 1) * SESSIONS_PAGE_SIZE));
  params.set('limit', String(SESSIONS_PAGE_SIZE));
  return apiJson<ChargingSessionPage>(`/charging-sessions?${params}`);
}

export const fetchSession = (id: number) => apiJson<ChargingSessionDetail>(`/charging-sessions/${id}`);

/** An amount as plain text with its currency ("7.865 EUR"); the number is never re-rounded. */
export function money(value: number | null | undefined, currency: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value} ${currency ?? ''}`.trim();
}

/** A duration between two instants as "1 h 05 min" (until now while running). */
export function duration(from: string | null, to: string | null, now = Date.now()): string {
  if (!from) return '—';
  const ms = Math.max(0, (to ? Date.parse(to) : now) - Date.parse(from));
  const minutes = Math.floor(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}
