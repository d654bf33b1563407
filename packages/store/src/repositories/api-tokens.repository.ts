import type { Kysely, Selectable } from 'kysely';
import type { ApiTokensTable, Database, UserRole } from '../database.js';

export type ApiTokenRow = Selectable<ApiTokensTable>;

/** A usable personal token with its owner. */
export interface ActiveApiToken {
  id: number;
  userId: number;
  username: string;
  role: UserRole;
  lastUsedAt: Date | null;
}

/** Personal API tokens; only their SHA-256 and a short display prefix are stored. */
export class ApiTokensRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: { userId: number; name: string; tokenHash: string; prefix: string }): Promise<ApiTokenRow> {
    return this.db
      .insertInto('api_tokens')
      .values({ user_id: input.userId, name: input.name, token_hash: input.tokenHash, prefix: input.prefix })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** One account's tokens, newest first, revoked ones included. */
  async listForUser(userId: number): Promise<ApiTokenRow[]> {
    return this.db.selectFrom('api_tokens').selectAll().where('user_id', '=', userId).orderBy('id', 'desc').execute();
  }

  /** The token unless it is revoked or its account is disabled. */
  async findActive(tokenHash: string): Promise<ActiveApiToken | undefined> {
    const row = await this.db
      .selectFrom('api_tokens as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.id', 't.user_id', 't.last_used_at', 'u.username', 'u.role'])
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .where('u.disabled', '=', false)
      .executeTakeFirst();
    return (
      row && { id: row.id, userId: row.user_id, username: row.username, role: row.role, lastUsedAt: row.last_used_at }
    );
  }

  async touch(id: number, at: Date): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  /** Revokes one of `userId`'s tokens; false when it is not theirs or already revoked. */
  async revoke(id: number, userId: number, at: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
