import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../api/client.js';
import type { paths } from '../../api/schema.js';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type TariffPage = Json<'/api/v1/tariffs', 'get', 200>;
export type TariffSummary = TariffPage['items'][number];
export type PreviewResult = Json<'/api/v1/tariffs/preview', 'post', 200>;
export type HeatmapResult = Json<'/api/v1/tariffs/heatmap', 'post', 200>;

/** A stored tariff's key. */
export interface TariffRef {
  country_code: string;
  party_id: string;
  tariff_id: string;
}

/** What the preview form asks. */
export interface PreviewInput {
  start_date_time: string;
  duration_minutes: number;
  energy_kwh: number;
  max_power_kw?: number;
  time_zone?: string;
}

export const tariffKeys = {
  list: (filters: { q?: string; party?: string; offset: number }) => ['tariffs', 'list', filters] as const,
  one: (ref: TariffRef) => ['tariffs', 'one', ref.country_code, ref.party_id, ref.tariff_id] as const,
};

const path = (ref: TariffRef) =>
  `/tariffs/${encodeURIComponent(ref.country_code)}/${encodeURIComponent(ref.party_id)}/${encodeURIComponent(ref.tariff_id)}`;
const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

export function fetchTariffs(filters: { q?: string; party?: string; offset: number; limit: number }) {
  const params = new URLSearchParams({ offset: String(filters.offset), limit: String(filters.limit) });
  if (filters.q) params.set('q', filters.q);
  if (filters.party) params.set('party', filters.party);
  return apiJson<TariffPage>(`/tariffs?${params}`);
}

export const fetchTariff = (ref: TariffRef) => apiJson<Record<string, unknown>>(path(ref));

/** The engine's price of a synthetic session for a (draft) tariff. */
export const fetchPreview = (tariff: unknown, input: PreviewInput) =>
  apiJson<PreviewResult>('/tariffs/preview', post({ tariff, ...input }));

/** The hour-of-week price grid of a (draft) tariff. */
export const fetchHeatmap = (tariff: unknown, input: { energy_kwh?: number; power_kw?: number; time_zone?: string }) =>
  apiJson<HeatmapResult>('/tariffs/heatmap', post({ tariff, ...input }));

/** Saves a tariff (`PUT /tariffs/{cc}/{pid}/{id}`, admin); the hub pushes it to partners. */
export function useSaveTariff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ref, tariff }: { ref: TariffRef; tariff: Record<string, unknown> }) =>
      apiJson<Record<string, unknown>>(path(ref), { method: 'PUT', body: JSON.stringify(tariff) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tariffs'] }),
  });
}
