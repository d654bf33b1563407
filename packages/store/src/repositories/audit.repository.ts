import type { Kysely, Selectable } from 'kysely';
import type { AuditLogTable, Database } from '../database.js';

export type AuditRow = Selectable<AuditLogTable>;

export interface AuditEntry {
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  status: number | null;
  /** Already free of secrets; stored as jsonb. */
  details: unknown;
}

export interface AuditQuery {
  /** Exact actor (a username, or `admin-token`). */
  actor?: string;
  /** Case-insensitive substring of the action (`POST /api/v1/users`). */
  action?: string;
  /** Keyset paging: only rows with a smaller id. */
  beforeId?: number;
  limit: number;
}

/** Escapes `%`, `_` and `\` for a LIKE pattern. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The audit log: one row per change made through the admin API, newest first. */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        actor: entry.actor,
        role: entry.role,
        action: entry.action,
        target: entry.target,
        status: entry.status,
        details: entry.details === undefined || entry.details === null ? null : JSON.stringify(entry.details),
      })
      .execute();
  }

  async list(query: AuditQuery): Promise<AuditRow[]> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (query.actor) q = q.where('actor', '=', query.actor);
    if (query.action) q = q.where('action', 'ilike', `%${likeLiteral(query.action)}%`);
    if (query.beforeId !== undefined) q = q.where('id', '<', query.beforeId);
    return q.orderBy('id', 'desc').limit(query.limit).execute();
  }
}
