import type { Kysely } from 'kysely';
import type { Database, UserRole } from '../database.js';

/** A live browser session with its account's current role (null user: opened with the admin token). */
export interface ActiveSession {
  idHash: string;
  userId: number | null;
  actor: string;
  username: string | null;
  /** The account's role now (a role change applies at once), or the session's for admin-token ones. */
  role: UserRole;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface SessionInput {
  idHash: string;
  userId: number | null;
  actor: string;
  role: UserRole;
  expiresAt: Date;
}

/** Browser sessions; only the SHA-256 of the cookie value is ever stored. */
export class UserSessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: SessionInput): Promise<void> {
    await this.db
      .insertInto('user_sessions')
      .values({
        id_hash: input.idHash,
        user_id: input.userId,
        actor: input.actor,
        role: input.role,
        expires_at: input.expiresAt,
      })
      .execute();
  }

  /** The session unless it expired or its account is disabled. */
  async findActive(idHash: string, now: Date): Promise<ActiveSession | undefined> {
    const row = await this.db
      .selectFrom('user_sessions as s')
      .leftJoin('users as u', 'u.id', 's.user_id')
      .select([
        's.id_hash',
        's.user_id',
        's.actor',
        's.role',
        's.last_seen_at',
        's.expires_at',
        'u.username',
        'u.role as user_role',
        'u.disabled',
      ])
      .where('s.id_hash', '=', idHash)
      .where('s.expires_at', '>', now)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.user_id !== null && (row.username === null || row.disabled)) return undefined;
    return {
      idHash: row.id_hash,
      userId: row.user_id,
      actor: row.actor,
      username: row.username,
      role: row.user_id === null ? row.role : (row.user_role ?? row.role),
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
    };
  }

  /** Slides the expiry (callers throttle this to about once a minute per session). */
  async touch(idHash: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('user_sessions')
      .set({ last_seen_at: now, expires_at: expiresAt })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('user_sessions').where('id_hash', '=', idHash).execute();
  }

  /** Ends every session of one account, except `keepHash` (the caller's own). */
  async deleteForUser(userId: number, keepHash?: string): Promise<void> {
    let q = this.db.deleteFrom('user_sessions').where('user_id', '=', userId);
    if (keepHash) q = q.where('id_hash', '<>', keepHash);
    await q.execute();
  }

  /** Removes expired sessions; returns how many. */
  async pruneExpired(now: Date): Promise<number> {
    const result = await this.db.deleteFrom('user_sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
