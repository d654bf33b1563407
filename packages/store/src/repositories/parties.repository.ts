import type { Kysely, Selectable } from 'kysely';
import type { Database, PartiesTable } from '../database.js';

export type Party = Selectable<PartiesTable>;

/** Parties: CPOs hosted on the hub (no partner) and parties reached through a partner. */
export class PartiesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates or replaces a hosted party; returns whether it was created. */
  async upsertHosted(
    countryCode: string,
    partyId: string,
    name: string,
    roles: string[],
  ): Promise<{ created: boolean }> {
    const row = await this.db
      .insertInto('parties')
      .values({ country_code: countryCode, party_id: partyId, name, roles: JSON.stringify(roles), partner_id: null })
      .onConflict((oc) =>
        oc
          .columns(['country_code', 'party_id'])
          .doUpdateSet({ name, roles: JSON.stringify(roles), updated_at: new Date() }),
      )
      .returning(['created_at', 'updated_at'])
      .executeTakeFirstOrThrow();
    return { created: row.created_at.getTime() === row.updated_at.getTime() };
  }

  async find(countryCode: string, partyId: string): Promise<Party | undefined> {
    return this.db
      .selectFrom('parties')
      .selectAll()
      .where('country_code', '=', countryCode)
      .where('party_id', '=', partyId)
      .executeTakeFirst();
  }

  async listHosted(): Promise<Party[]> {
    return this.db.selectFrom('parties').selectAll().where('partner_id', 'is', null).orderBy('id').execute();
  }

  async listAll(): Promise<Party[]> {
    return this.db.selectFrom('parties').selectAll().orderBy('id').execute();
  }
}
