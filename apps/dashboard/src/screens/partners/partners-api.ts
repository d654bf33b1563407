import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../api/client.js';
import type { paths } from '../../api/schema.js';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** One partner with its health and per-module push statistics. */
export type PartnerStats = Json<'/api/v1/partners/stats', 'get', 200>[number];
export type ModuleStats = PartnerStats['modules'][number];
export type PartnerHealth = PartnerStats['health'];
export type RepushReport = Json<'/api/v1/partners/{id}/repush', 'post', 202>;
export type RotationReport = Json<'/api/v1/partners/{id}/rotate-credentials', 'post', 200>;

/** What inviting a partner answers: the token A to hand over, shown once. */
export interface Invitation {
  id: string;
  token_a: string;
  versions_url: string;
}

/** Query keys: everything under ['partners'] is refreshed by the live `partner` events. */
export const partnerKeys = {
  stats: ['partners', 'stats'] as const,
};

export const fetchPartnerStats = () => apiJson<PartnerStats[]>('/partners/stats');

const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

/** Registration, re-push, credentials rotation and unregistration; each refreshes the statistics. */
export function usePartnerMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => void queryClient.invalidateQueries({ queryKey: ['partners'] });
  return {
    invite: useMutation({
      mutationFn: (name: string) => apiJson<Invitation>('/partners', post({ name })),
      onSuccess,
    }),
    connect: useMutation({
      mutationFn: (body: { name: string; versions_url: string; token: string }) =>
        apiJson<{ id: string; name: string }>('/partners', post(body)),
      onSuccess,
    }),
    repush: useMutation({
      mutationFn: ({ id, module, all }: { id: string; module?: string; all?: boolean }) =>
        apiJson<RepushReport>(
          `/partners/${encodeURIComponent(id)}/repush`,
          post({ ...(module ? { module } : {}), ...(all ? { all: true } : {}) }),
        ),
      onSuccess,
    }),
    rotate: useMutation({
      mutationFn: (id: string) =>
        apiJson<RotationReport>(`/partners/${encodeURIComponent(id)}/rotate-credentials`, post({})),
      onSuccess,
    }),
    unregister: useMutation({
      mutationFn: (id: string) =>
        apiJson<void>(`/partners/${encodeURIComponent(id)}`, { method: 'DELETE', body: '{}' }),
      onSuccess,
    }),
  };
}
