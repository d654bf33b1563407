import { apiJson } from '../../api/client.js';
import type { paths } from '../../api/schema.js';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type SystemHealth = Json<'/api/v1/system/health', 'get', 200>;
export type GatewayNodes = Json<'/api/v1/system/nodes', 'get', 200>;
export type JobQueues = Json<'/api/v1/system/queues', 'get', 200>;

/** Query keys under ['system'] (station events refresh them; a slow poll covers the rest). */
export const systemKeys = {
  health: ['system', 'health'] as const,
  nodes: ['system', 'nodes'] as const,
  queues: ['system', 'queues'] as const,
};

export const fetchHealth = () => apiJson<SystemHealth>('/system/health');
export const fetchNodes = () => apiJson<GatewayNodes>('/system/nodes');
export const fetchQueues = () => apiJson<JobQueues>('/system/queues');

/** Seconds as days, hours and minutes. */
export function uptime(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return [d ? `${d} d` : '', h ? `${h} h` : '', `${m} min`].filter(Boolean).join(' ');
}
