import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, PartnersTable } from '../database.js';

export type PartnerRow = Selectable<PartnersTable>;

/** What a registration step changes on a partner row. */
export type PartnerUpdate = Omit<Updateable<PartnersTable>, 'id' | 'created_at'>;

/**
 * OCPI partners: platforms connected to the hub through the credentials module. Tokens arrive
 * here already hashed (incoming ones) — this repository never hashes or compares secrets.
 */
export class PartnersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(input: {
    id: string;
    name: string;
    direction: 'inbound' | 'outbound';
    versionsUrl?: string | null;
    registrationTokenHash?: string | null;
    incomingTokenHash?: string | null;
    outgoingToken?: string | null;
  }): Promise<PartnerRow> {
    return this.db
      .insertInto('partners')
      .values({
        id: input.id,
        name: input.name,
        direction: input.direction,
        versions_url: input.versionsUrl ?? null,
        registration_token_hash: input.registrationTokenHash ?? null,
        incoming_token_hash: input.incomingTokenHash ?? null,
        outgoing_token: input.outgoingToken ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async update(id: string, changes: PartnerUpdate): Promise<PartnerRow | undefined> {
    const values: PartnerUpdate = { ...changes, updated_at: new Date() };
    if (changes.endpoints !== undefined) values.endpoints = JSON.stringify(changes.endpoints);
    if (changes.roles !== undefined) values.roles = JSON.stringify(changes.roles);
    if (changes.last_push_error !== undefined && changes.last_push_error !== null) {
      values.last_push_error = JSON.stringify(changes.last_push_error);
    }
    return this.db.updateTable('partners').set(values).where('id', '=', id).returningAll().executeTakeFirst();
  }

  async find(id: string): Promise<PartnerRow | undefined> {
    return this.db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The partner whose current (B or C) token hashes to `hash`. */
  async findByIncomingTokenHash(hash: string): Promise<PartnerRow | undefined> {
    return this.db.selectFrom('partners').selectAll().where('incoming_token_hash', '=', hash).executeTakeFirst();
  }

  /** The partner whose unused token A hashes to `hash`. */
  async findByRegistrationTokenHash(hash: string): Promise<PartnerRow | undefined> {
    return this.db.selectFrom('partners').selectAll().where('registration_token_hash', '=', hash).executeTakeFirst();
  }

  async list(): Promise<PartnerRow[]> {
    return this.db.selectFrom('partners').selectAll().orderBy('created_at').orderBy('id').execute();
  }

  /** Registered partners exposing an endpoint for `module` with `role` (push targets). */
  async listWithEndpoint(module: string, role: 'SENDER' | 'RECEIVER'): Promise<PartnerRow[]> {
    const rows = await this.db.selectFrom('partners').selectAll().where('status', '=', 'registered').execute();
    return rows.filter((p) => p.endpoints.some((e) => e.identifier === module && e.role === role));
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('partners').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
