import type { ColumnType, Generated } from 'kysely';
import type { DefaultJson, DefaultTimestamp, Timestamp } from './columns.js';

/** The operator dashboard (migration 0004): users, their sessions and API tokens, the audit log, alerts. */

export type UserRole = 'admin' | 'operator' | 'viewer';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string | null;
  /** scrypt, `scrypt$N$r$p$salt$hash` (see the api's password module). */
  password_hash: string;
  role: UserRole;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  last_login_at: Timestamp | null;
}

export interface UserSessionsTable {
  /** SHA-256 (hex) of the cookie value; the value itself is never stored. */
  id_hash: string;
  /** Null for a session opened with the admin token. */
  user_id: number | null;
  actor: string;
  role: UserRole;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  /** The first characters of the token, shown in lists so people can tell tokens apart. */
  prefix: string;
  created_at: DefaultTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: DefaultTimestamp;
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  status: number | null;
  details: ColumnType<unknown, unknown, unknown> | null;
}

export type AlertStatus = 'pending' | 'open' | 'acknowledged' | 'resolved';

export interface AlertsTable {
  id: Generated<number>;
  rule: string;
  subject: string;
  severity: ColumnType<string, string | undefined, string>;
  status: AlertStatus;
  message: string;
  details: DefaultJson<Record<string, unknown>>;
  first_seen_at: DefaultTimestamp;
  opened_at: Timestamp | null;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  resolved_at: Timestamp | null;
  updated_at: DefaultTimestamp;
}
