import type { Kysely } from 'kysely';
import type { Database } from '../database.js';

/** Key/value settings the hub keeps for itself (e.g. a generated admin token). */
export class SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('hub_settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  /** Stores `value` unless the key exists; returns whichever value is stored (first writer wins). */
  async getOrInit(key: string, value: string): Promise<string> {
    await this.db
      .insertInto('hub_settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return (await this.get(key)) ?? value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('hub_settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() }))
      .execute();
  }
}
