import type { Kysely, Selectable } from 'kysely';
import type { Database, UserRole, UsersTable } from '../database.js';

export type UserRow = Selectable<UsersTable>;

export interface UserInput {
  username: string;
  displayName: string | null;
  passwordHash: string;
  role: UserRole;
}

/** What an admin may change on an account (absent fields stay as they are). */
export interface UserPatch {
  role?: UserRole;
  disabled?: boolean;
  passwordHash?: string;
  displayName?: string | null;
}

/** Dashboard accounts (migration 0004); passwords arrive already hashed. */
export class UsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<UserRow[]> {
    return this.db.selectFrom('users').selectAll().orderBy('username').execute();
  }

  async find(id: number): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findByUsername(username: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  }

  /** Creates the account; undefined when the username is taken. */
  async create(input: UserInput): Promise<UserRow | undefined> {
    return this.db
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        password_hash: input.passwordHash,
        role: input.role,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  async update(id: number, patch: UserPatch): Promise<UserRow | undefined> {
    return this.db
      .updateTable('users')
      .set({
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.disabled === undefined ? {} : { disabled: patch.disabled }),
        ...(patch.passwordHash === undefined ? {} : { password_hash: patch.passwordHash }),
        ...(patch.displayName === undefined ? {} : { display_name: patch.displayName }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  async delete(id: number): Promise<boolean> {
    const result = await this.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /**
   * Ids of the enabled admins, locked until the surrounding transaction ends, so two
   * concurrent changes cannot both remove "the other" last admin.
   */
  async lockEnabledAdmins(): Promise<number[]> {
    const rows = await this.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabled', '=', false)
      .forUpdate()
      .execute();
    return rows.map((r) => r.id);
  }

  async markLogin(id: number, at: Date): Promise<void> {
    await this.db.updateTable('users').set({ last_login_at: at }).where('id', '=', id).execute();
  }
}
