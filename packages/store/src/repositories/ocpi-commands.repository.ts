import type { Insertable, Kysely } from 'kysely';
import type { CommandsTable, Database } from '../database.js';

/** Station lookups and inserts for OCPI commands and charging profiles (issue 4 receivers). */
export class OcpiCommandsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The station serving an EVSE of a location of one of `parties`; without `evseUid`, the first
   * station at the location. `location: false` when the location itself is unknown.
   */
  async stationFor(
    parties: readonly { country_code: string; party_id: string }[],
    locationId: string,
    evseUid?: string,
  ): Promise<{ location: boolean; stationId: number | null; ocppEvseId: number | null }> {
    if (parties.length === 0) return { location: false, stationId: null, ocppEvseId: null };
    const location = await this.db
      .selectFrom('locations')
      .select('id')
      .where('location_id', '=', locationId)
      .where((eb) =>
        eb.or(parties.map((p) => eb.and([eb('country_code', '=', p.country_code), eb('party_id', '=', p.party_id)]))),
      )
      .orderBy('id')
      .executeTakeFirst();
    if (!location) return { location: false, stationId: null, ocppEvseId: null };
    let q = this.db
      .selectFrom('stations as s')
      .leftJoin('evses as e', 'e.station_id', 's.id')
      .select(['s.id as stationId', 'e.ocpp_evse_id as ocppEvseId'])
      .where('s.location_id', '=', location.id);
    if (evseUid !== undefined) q = q.where('e.evse_uid', '=', evseUid);
    const row = await q.orderBy('s.id').executeTakeFirst();
    return { location: true, stationId: row?.stationId ?? null, ocppEvseId: row?.ocppEvseId ?? null };
  }

  /** The station of a session of `parties` whose token belongs to `tokenParties`. */
  async stationForSession(
    parties: readonly { country_code: string; party_id: string }[],
    tokenParties: readonly { country_code: string; party_id: string }[],
    sessionId: string,
  ): Promise<{ found: boolean; stationId: number | null }> {
    const rows = await this.db
      .selectFrom('sessions as se')
      .leftJoin('transactions as tx', 'tx.id', 'se.transaction_id')
      .select(['se.country_code', 'se.party_id', 'se.token_country_code', 'se.token_party_id', 'tx.station_id'])
      .where('se.session_id', '=', sessionId)
      .execute();
    const match = rows.find(
      (r) =>
        parties.some((p) => p.country_code === r.country_code && p.party_id === r.party_id) &&
        tokenParties.some((p) => p.country_code === r.token_country_code && p.party_id === r.token_party_id),
    );
    return { found: match !== undefined, stationId: match?.station_id ?? null };
  }

  /** The station and status of a reservation made by `partnerId`. */
  async stationForReservation(
    partnerId: string,
    reservationId: string,
  ): Promise<{ station_id: number; status: string } | undefined> {
    return this.db
      .selectFrom('reservations')
      .select(['station_id', 'status'])
      .where('partner_id', '=', partnerId)
      .where('ocpi_reservation_id', '=', reservationId)
      .orderBy('id', 'desc')
      .executeTakeFirst();
  }

  async insert(command: Insertable<CommandsTable>): Promise<void> {
    await this.db.insertInto('commands').values(command).execute();
  }
}
