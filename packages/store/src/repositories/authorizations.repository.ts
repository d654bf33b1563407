import type { Insertable, Kysely } from 'kysely';
import type { AuthorizationsTable, Database } from '../database.js';

export type NewAuthorization = Insertable<AuthorizationsTable>;

/** The log of authorization decisions (Authorize, StartTransaction, TransactionEvent idTokens). */
export class AuthorizationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(entries: readonly NewAuthorization[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db
      .insertInto('authorizations')
      .values(entries as NewAuthorization[])
      .execute();
  }

  async listForStation(stationId: number) {
    return this.db.selectFrom('authorizations').selectAll().where('station_id', '=', stationId).orderBy('id').execute();
  }
}
