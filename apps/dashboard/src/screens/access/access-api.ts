import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../api/client.js';
import type { paths } from '../../api/schema.js';

type Json<P extends keyof paths, M extends keyof paths[P], S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** An account as `GET /users` lists it. */
export type User = Json<'/api/v1/users', 'get', 200>['items'][number];
export type Role = User['role'];
/** A personal API token without its secret. */
export type ApiToken = Json<'/api/v1/auth/tokens', 'get', 200>['items'][number];
/** The answer of creating a token: the only time the secret is shown. */
export type CreatedApiToken = Json<'/api/v1/auth/tokens', 'post', 201>;
/** One page of the audit log. */
export type AuditPage = Json<'/api/v1/audit', 'get', 200>;
export type AuditItem = AuditPage['items'][number];

export const ROLES: { value: Role; label: string }[] = [
  { value: 'admin', label: 'Admin' },
  { value: 'operator', label: 'Operator' },
  { value: 'viewer', label: 'Viewer' },
];

/** Query keys of this screen; changes refresh the audit log too. */
export const accessKeys = {
  users: ['users'] as const,
  tokens: ['api-tokens'] as const,
  audit: ['audit'] as const,
};

const json = (method: string, body: unknown = {}) => ({ method, body: JSON.stringify(body) });

export const fetchUsers = () => apiJson<{ items: User[] }>('/users');
export const fetchTokens = () => apiJson<{ items: ApiToken[] }>('/auth/tokens');
export const fetchAudit = (
  filters: { actor?: string; action?: string },
  beforeId: number | undefined,
  limit: number,
) => {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.actor) params.set('actor', filters.actor);
  if (filters.action) params.set('action', filters.action);
  if (beforeId !== undefined) params.set('before_id', String(beforeId));
  return apiJson<AuditPage>(`/audit?${params}`);
};

/** Mutations of accounts: create, change (role, disabled, password), delete. */
export function useUserMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: accessKeys.users });
    void queryClient.invalidateQueries({ queryKey: accessKeys.audit });
  };
  return {
    create: useMutation({
      mutationFn: (body: { username: string; password: string; role: Role; display_name?: string | null }) =>
        apiJson<User>('/users', json('POST', body)),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...patch }: { id: number; role?: Role; disabled?: boolean; password?: string }) =>
        apiJson<User>(`/users/${id}`, json('PATCH', patch)),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: number) => apiJson<void>(`/users/${id}`, json('DELETE')),
      onSuccess,
    }),
  };
}

/** Mutations of the caller's personal tokens. */
export function useTokenMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: accessKeys.tokens });
    void queryClient.invalidateQueries({ queryKey: accessKeys.audit });
  };
  return {
    create: useMutation({
      mutationFn: (name: string) => apiJson<CreatedApiToken>('/auth/tokens', json('POST', { name })),
      onSuccess,
    }),
    revoke: useMutation({
      mutationFn: (id: number) => apiJson<void>(`/auth/tokens/${id}`, json('DELETE')),
      onSuccess,
    }),
  };
}

/** The browser's own time zone: account events have no station to take one from. */
export const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
