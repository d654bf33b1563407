import type { Kysely, Selectable } from 'kysely';
import type { Database, TokenSource, TokensTable, WhitelistType } from '../database.js';

export type TokenRow = Selectable<TokensTable>;

export interface TokenInput {
  countryCode: string;
  partyId: string;
  uid: string;
  type: string;
  contractId: string;
  source: TokenSource;
  partnerId: string | null;
  whitelist: WhitelistType;
  valid: boolean;
  data: Record<string, unknown>;
  lastUpdated: Date;
}

/** Tokens: a hosted CPO's own cards (`local`) and eMSP tokens pushed over OCPI (`roaming`). */
export class TokensRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async upsert(t: TokenInput): Promise<{ row: TokenRow; created: boolean }> {
    const existing = await this.find(t.countryCode, t.partyId, t.uid, t.type);
    const values = {
      contract_id: t.contractId,
      source: t.source,
      partner_id: t.partnerId,
      whitelist: t.whitelist,
      valid: t.valid,
      data: JSON.stringify(t.data),
      last_updated: t.lastUpdated,
    };
    const row = await this.db
      .insertInto('tokens')
      .values({ country_code: t.countryCode, party_id: t.partyId, uid: t.uid, type: t.type, ...values })
      .onConflict((oc) => oc.columns(['country_code', 'party_id', 'uid', 'type']).doUpdateSet(values))
      .returningAll()
      .executeTakeFirstOrThrow();
    return { row, created: existing === undefined };
  }

  async find(countryCode: string, partyId: string, uid: string, type?: string): Promise<TokenRow | undefined> {
    let q = this.db
      .selectFrom('tokens')
      .selectAll()
      .where('country_code', '=', countryCode)
      .where('party_id', '=', partyId)
      .where('uid', '=', uid);
    if (type) q = q.where('type', '=', type);
    return q.executeTakeFirst();
  }

  /** Every token with this uid, local ones first (authorization resolves them in that order). */
  async findByUid(uid: string): Promise<TokenRow[]> {
    return this.db
      .selectFrom('tokens')
      .selectAll()
      .where('uid', '=', uid)
      .orderBy('source', 'asc')
      .orderBy('id')
      .execute();
  }
}
