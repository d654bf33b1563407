import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, TariffsTable } from '../database.js';
import { type OcpiObjectRow, pageOcpiObjects } from './ocpi-object-page.js';
import { type OcpiPageResult, type OcpiWindow, partyTuples } from './ocpi-window.js';

export type TariffRow = Selectable<TariffsTable>;

/** Tariffs of hosted CPOs, the OCPI Tariff kept verbatim in `data`. */
export class TariffsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async upsert(input: {
    countryCode: string;
    partyId: string;
    tariffId: string;
    currency: string;
    data: Record<string, unknown>;
    lastUpdated: Date;
  }): Promise<{ row: TariffRow; created: boolean }> {
    const existing = await this.find(input.countryCode, input.partyId, input.tariffId);
    const values = { currency: input.currency, data: JSON.stringify(input.data), last_updated: input.lastUpdated };
    const row = await this.db
      .insertInto('tariffs')
      .values({ country_code: input.countryCode, party_id: input.partyId, tariff_id: input.tariffId, ...values })
      .onConflict((oc) => oc.columns(['country_code', 'party_id', 'tariff_id']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    return { row, created: existing === undefined };
  }

  async find(countryCode: string, partyId: string, tariffId: string): Promise<TariffRow | undefined> {
    return this.db
      .selectFrom('tariffs')
      .selectAll()
      .where('country_code', '=', countryCode)
      .where('party_id', '=', partyId)
      .where('tariff_id', '=', tariffId)
      .executeTakeFirst();
  }

  async findById(id: number): Promise<TariffRow | undefined> {
    return this.db.selectFrom('tariffs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A page of the tariffs of `parties` (OCPI Tariffs sender, GET list). */
  async page(
    parties: readonly { country_code: string; party_id: string }[],
    window: OcpiWindow,
  ): Promise<OcpiPageResult<OcpiObjectRow>> {
    return pageOcpiObjects(this.db, 'tariffs', sql`(t.country_code, t.party_id) in ${partyTuples(parties)}`, window);
  }
}
