import type { UserRole } from '@chargebridge/store';

/** Who is calling the admin API, and with which credential. */
export interface Principal {
  /** What the audit log records: the username, or `admin-token`. */
  actor: string;
  /** The account's username; null for the admin token. */
  username: string | null;
  role: UserRole;
  via: 'admin_token' | 'api_token' | 'session';
  /** The account's id; null for the admin token (and sessions opened with it). */
  userId: number | null;
  /** SHA-256 of the session cookie, for session principals (so a password change can keep this one). */
  sessionHash?: string;
}

/** The actor name of everything done with `ADMIN_TOKEN`. */
export const ADMIN_TOKEN_ACTOR = 'admin-token';

const RANK: Record<UserRole, number> = { viewer: 0, operator: 1, admin: 2 };

/** Whether `role` may do what `needed` may (admin > operator > viewer). */
export function roleAllows(role: UserRole, needed: UserRole): boolean {
  return RANK[role] >= RANK[needed];
}

/** The principal of the admin token (scripts, or a browser session opened with it). */
export function adminTokenPrincipal(via: Principal['via']): Principal {
  return { actor: ADMIN_TOKEN_ACTOR, username: null, role: 'admin', via, userId: null };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the access-control hook on every authenticated `/api/v1` request; null on public routes. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /**
     * The least role a route needs. Default: `viewer` for GET/HEAD, `admin` otherwise;
     * set `operator` on operator actions (station commands, acknowledging alerts, re-push).
     */
    minRole?: UserRole;
    /** Reachable without credentials (login, logout); the handler checks what it needs. */
    public?: boolean;
    /** false: a POST that changes nothing (a computation such as a price preview): not audited. */
    audit?: boolean;
  }
}
