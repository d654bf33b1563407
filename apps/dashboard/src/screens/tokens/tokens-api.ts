import { apiJson } from '../../api/client.js';
import type { paths } from '../../api/schema.js';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type TokenPage = Json<'/api/v1/tokens', 'get', 200>;
export type TokenItem = TokenPage['items'][number];
export type AuthorizationItem = Json<'/api/v1/tokens/{uid}/authorizations', 'get', 200>['items'][number];

export interface TokenFilters {
  q?: string;
  party?: string;
  source?: 'local' | 'roaming';
  offset: number;
}

export const tokenKeys = {
  list: (filters: TokenFilters) => ['tokens', 'list', filters] as const,
  authorizations: (uid: string) => ['tokens', 'authorizations', uid] as const,
};

export function fetchTokens(filters: TokenFilters & { limit: number }) {
  const params = new URLSearchParams({ offset: String(filters.offset), limit: String(filters.limit) });
  if (filters.q) params.set('q', filters.q);
  if (filters.party) params.set('party', filters.party);
  if (filters.source) params.set('source', filters.source);
  return apiJson<TokenPage>(`/tokens?${params}`);
}

export const fetchAuthorizations = (uid: string, limit = 50) =>
  apiJson<{ uid: string; items: AuthorizationItem[] }>(
    `/tokens/${encodeURIComponent(uid)}/authorizations?limit=${limit}`,
  );
