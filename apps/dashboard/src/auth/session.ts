import { ApiError, apiJson } from '../api/client.js';

export type Role = 'admin' | 'operator' | 'viewer';
export interface Me {
  actor: string;
  username: string | null;
  role: Role;
  via: 'session' | 'admin_token' | 'api_token';
}

/** The signed-in account, or null when the browser has no valid session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await apiJson<Me>('/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** Whether `role` may do what `needed` may. */
export function allows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}
