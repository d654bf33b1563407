import type { Kysely, Selectable } from 'kysely';
import type { Database, LocationsTable } from '../database.js';

export type LocationRow = Selectable<LocationsTable>;

/** Locations of hosted CPOs, their OCPI body kept verbatim apart from `evses`. */
export class LocationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async upsert(input: {
    countryCode: string;
    partyId: string;
    locationId: string;
    data: Record<string, unknown>;
    timeZone: string;
    publish: boolean;
    lastUpdated: Date;
  }): Promise<{ row: LocationRow; created: boolean }> {
    const existing = await this.find(input.countryCode, input.partyId, input.locationId);
    const values = {
      data: JSON.stringify(input.data),
      time_zone: input.timeZone,
      publish: input.publish,
      last_updated: input.lastUpdated,
    };
    const row = await this.db
      .insertInto('locations')
      .values({ country_code: input.countryCode, party_id: input.partyId, location_id: input.locationId, ...values })
      .onConflict((oc) => oc.columns(['country_code', 'party_id', 'location_id']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    return { row, created: existing === undefined };
  }

  async find(countryCode: string, partyId: string, locationId: string): Promise<LocationRow | undefined> {
    return this.db
      .selectFrom('locations')
      .selectAll()
      .where('country_code', '=', countryCode)
      .where('party_id', '=', partyId)
      .where('location_id', '=', locationId)
      .executeTakeFirst();
  }

  async findById(id: number): Promise<LocationRow | undefined> {
    return this.db.selectFrom('locations').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
