import { apiJson } from '../../api/client.js';
import type { paths } from '../../api/schema.js';
import { RANGE_MS, type StationRange } from './search.js';

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type StationSummary = Json<'/api/v1/stations/{identity}/summary'>;
export type StatusHistory = Json<'/api/v1/stations/{identity}/status-history'>;
export type Telemetry = Json<'/api/v1/stations/{identity}/telemetry'>;
export type TelemetrySample = Telemetry['samples'][number];
export type FramePage = Json<'/api/v1/stations/{identity}/frames'>;
export type FrameItem = FramePage['items'][number];
export type CommandCatalog = Json<'/api/v1/stations/{identity}/command-catalog'>;
export type CatalogEntry = CommandCatalog['actions'][number];
export type CommandPage = Json<'/api/v1/commands'>;
export type Command = CommandPage['items'][number];
export type StationConfiguration = Json<'/api/v1/stations/{identity}/configuration'>;
export type StationSessions = Json<'/api/v1/stations/{identity}/sessions'>;
export type StationEvents = Json<'/api/v1/stations/{identity}/events'>;

/** Frame-log filters (from the URL). */
export interface FrameFilters {
  action?: string;
  direction?: 'in' | 'out';
  violations?: boolean;
}

/**
 * Query keys: everything starts with ['station', identity], so live `station`, `connector`,
 * `transaction` and `command` events refresh what is on screen.
 */
export const stationKeys = {
  all: (identity: string) => ['station', identity] as const,
  summary: (identity: string) => ['station', identity, 'summary'] as const,
  statusHistory: (identity: string, range: StationRange) => ['station', identity, 'status-history', range] as const,
  telemetry: (identity: string, range: StationRange) => ['station', identity, 'telemetry', range] as const,
  frames: (identity: string, filters: FrameFilters) => ['station', identity, 'frames', filters] as const,
  catalog: (identity: string) => ['station', identity, 'command-catalog'] as const,
  commands: (identity: string) => ['station', identity, 'commands'] as const,
  configuration: (identity: string) => ['station', identity, 'configuration'] as const,
  sessions: (identity: string) => ['station', identity, 'sessions'] as const,
  events: (identity: string, kind: string | undefined) => ['station', identity, 'events', kind ?? null] as const,
};

const at = (identity: string) => `/stations/${encodeURIComponent(identity)}`;

/** `from`/`to` of a window ending now. */
export function windowOf(range: StationRange, now = Date.now()): { from: string; to: string } {
  return { from: new Date(now - RANGE_MS[range]).toISOString(), to: new Date(now).toISOString() };
}

export const fetchSummary = (identity: string) => apiJson<StationSummary>(`${at(identity)}/summary`);

export function fetchStatusHistory(identity: string, range: StationRange) {
  return apiJson<StatusHistory>(`${at(identity)}/status-history?${new URLSearchParams(windowOf(range))}`);
}

export function fetchTelemetry(identity: string, range: StationRange) {
  return apiJson<Telemetry>(`${at(identity)}/telemetry?${new URLSearchParams(windowOf(range))}`);
}

/** The query string of the frame log with its filters (shared by the page and the export). */
export function frameQuery(filters: FrameFilters, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams(extra);
  if (filters.action) params.set('action', filters.action);
  if (filters.direction) params.set('direction', filters.direction);
  if (filters.violations) params.set('violations', 'true');
  return params;
}

export function fetchFrames(identity: string, filters: FrameFilters, beforeId: number | null) {
  const params = frameQuery(filters, { limit: '100' });
  if (beforeId !== null) params.set('before_id', String(beforeId));
  return apiJson<FramePage>(`${at(identity)}/frames?${params}`);
}

/** Where the browser downloads the filtered frame log as NDJSON (same origin, cookie-authenticated). */
export const framesExportUrl = (identity: string, filters: FrameFilters) =>
  `/api/v1${at(identity)}/frames?${frameQuery(filters, { format: 'ndjson' })}`;

export const fetchCatalog = (identity: string) => apiJson<CommandCatalog>(`${at(identity)}/command-catalog`);

export const fetchCommands = (identity: string) =>
  apiJson<CommandPage>(`/commands?${new URLSearchParams({ station: identity, limit: '50' })}`);

export function sendCommand(identity: string, body: { action: string; payload: Record<string, unknown> }) {
  return apiJson<{ id: string; state: string }>(`${at(identity)}/commands`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
}

export const fetchConfiguration = (identity: string) => apiJson<StationConfiguration>(`${at(identity)}/configuration`);

export function fetchStationEvents(identity: string, kind: string | undefined, beforeId: number | null) {
  const params = new URLSearchParams({ limit: '100' });
  if (kind) params.set('kind', kind);
  if (beforeId !== null) params.set('before_id', String(beforeId));
  return apiJson<StationEvents>(`${at(identity)}/events?${params}`);
}

export const fetchStationSessions = (identity: string) =>
  apiJson<StationSessions>(`${at(identity)}/sessions?limit=100`);
