import { apiJson } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import type { CdrsSearch } from './search.js';

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

/** `GET /api/v1/finance/daily`. */
export type FinanceDaily = Json<'/api/v1/finance/daily'>;
/** `GET /api/v1/cdrs/{id}/breakdown`. */
export type CdrBreakdown = Json<'/api/v1/cdrs/{id}/breakdown'>;
/** `GET /api/v1/cdrs/unacknowledged`. */
export type UnacknowledgedPage = Json<'/api/v1/cdrs/unacknowledged'>;
export type UnacknowledgedCdr = UnacknowledgedPage['items'][number];
/** `GET /api/v1/cdrs/export/preview`. */
export type ExportPreview = Json<'/api/v1/cdrs/export/preview'>;

/** An OCPI CDR as `GET /api/v1/cdrs` lists it (the fields the list shows). */
export interface CdrListItem {
  id: string;
  country_code: string;
  party_id: string;
  end_date_time: string;
  start_date_time: string;
  currency: string;
  total_energy: number;
  total_cost: { excl_vat: number; incl_vat?: number };
  cdr_token?: { country_code?: string; party_id?: string; uid?: string };
  cdr_location?: { id?: string; evse_id?: string };
  credit?: boolean;
  credit_reference_id?: string;
}
export interface CdrListPage {
  total: number;
  offset: number;
  limit: number;
  items: CdrListItem[];
}

/** Rows per page of the CDR list. */
export const CDR_PAGE_SIZE = 25;
/** Rows of the export preview. */
export const PREVIEW_ROWS = 20;

/** Query keys; CDRs never change, so nothing here needs live invalidation beyond a slow poll. */
export const cdrKeys = {
  daily: (range: DayRange, group: string) => ['cdrs', 'daily', range, group] as const,
  list: (range: DayRange, page: number) => ['cdrs', 'list', range, page] as const,
  breakdown: (ref: string) => ['cdrs', 'breakdown', ref] as const,
  unacknowledged: (partner: string | undefined) => ['cdrs', 'unacknowledged', partner ?? null] as const,
  preview: (params: string) => ['cdrs', 'preview', params] as const,
  partners: ['partners', 'list'] as const,
};

/** A range of whole UTC days: `from` inclusive, `to` inclusive (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The screen's day range: the URL's, else the last 30 days up to today (UTC). */
export function dayRange(search: CdrsSearch, now = Date.now()): DayRange {
  const to = search.to ?? isoDay(now);
  const from = search.from ?? isoDay(Date.parse(`${to}T00:00:00Z`) - 29 * DAY_MS);
  return { from, to };
}

/** The range as the API's instants: [from 00:00Z, the day after `to` 00:00Z). */
export function rangeInstants(range: DayRange): { from: string; to: string } {
  return {
    from: `${range.from}T00:00:00.000Z`,
    to: new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS).toISOString(),
  };
}

export function fetchDaily(range: DayRange, group: 'partner' | 'party'): Promise<FinanceDaily> {
  const r = rangeInstants(range);
  return apiJson<FinanceDaily>(`/finance/daily?${new URLSearchParams({ from: r.from, to: r.to, group })}`);
}

export function fetchCdrList(range: DayRange, page: number): Promise<CdrListPage> {
  const r = rangeInstants(range);
  const params = new URLSearchParams({
    from: r.from,
    to: r.to,
    offset: String((page - 1) * CDR_PAGE_SIZE),
    limit: String(CDR_PAGE_SIZE),
  });
  return apiJson<CdrListPage>(`/cdrs?${params}`);
}

export const fetchBreakdown = (ref: string) => apiJson<CdrBreakdown>(`/cdrs/${encodeURIComponent(ref)}/breakdown`);

export function fetchUnacknowledged(partner: string | undefined): Promise<UnacknowledgedPage> {
  const params = new URLSearchParams({ limit: '100' });
  if (partner) params.set('partner', partner);
  return apiJson<UnacknowledgedPage>(`/cdrs/unacknowledged?${params}`);
}

/** The export's query string (shared by the preview and the download link). */
export function exportParams(range: DayRange, search: CdrsSearch): URLSearchParams {
  const r = rangeInstants(range);
  const params = new URLSearchParams({ from: r.from, to: r.to });
  if (search.party) params.set('party', search.party);
  if (search.partner) params.set('partner', search.partner);
  return params;
}

export const fetchPreview = (params: URLSearchParams) =>
  apiJson<ExportPreview>(`/cdrs/export/preview?${params}&limit=${PREVIEW_ROWS}`);

/** The streamed export's URL (same origin; the browser's session cookie authenticates it). */
export function exportUrl(params: URLSearchParams, format: string): string {
  const withFormat = new URLSearchParams(params);
  withFormat.set('format', format);
  return `/api/v1/cdrs/export?${withFormat}`;
}

export const fetchPartners = () => apiJson<Array<{ id: string; name: string }>>('/partners');

/** Re-sends one delivery now (`POST /deliveries/{id}/retry`). */
export const retryDelivery = (id: number) =>
  apiJson<unknown>(`/deliveries/${id}/retry`, { method: 'POST', body: '{}' });
