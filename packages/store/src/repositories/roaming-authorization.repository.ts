import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.js';

/** Where a station is, as a real-time authorization names it (mod_tokens §LocationReferences). */
export interface StationAuthorizationContext {
  stationId: number;
  countryCode: string;
  partyId: string;
  /** Internal id of the station's location (null when the station has none yet). */
  locationDbId: number | null;
  /** The OCPI Location.id. */
  locationId: string | null;
  /** EVSE uids of the station (only the given OCPP EVSE's when one was named). */
  evseUids: string[];
}

/** An eMSP START_SESSION that authorizes a transaction by itself (mod_commands §StartSession). */
export interface CommandAuthorization {
  commandId: string;
  tokenUid: string;
  tokenCountryCode: string | null;
  tokenPartyId: string | null;
  authorizationReference: string | null;
  remoteStartId: number | null;
  ocppEvseId: number | null;
  createdAt: Date;
}

/** Reads for the token authorizer (packages/bridge): station context and recent START_SESSIONs. */
export class RoamingAuthorizationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async stationContext(stationId: number, ocppEvseId?: number): Promise<StationAuthorizationContext | undefined> {
    const station = await this.db
      .selectFrom('stations as s')
      .leftJoin('locations as l', 'l.id', 's.location_id')
      .select(['s.id', 's.country_code', 's.party_id', 's.location_id', 'l.location_id as ocpi_location_id'])
      .where('s.id', '=', stationId)
      .executeTakeFirst();
    if (!station) return undefined;
    let evses = this.db.selectFrom('evses').select('evse_uid').where('station_id', '=', stationId);
    if (ocppEvseId !== undefined && ocppEvseId > 0) evses = evses.where('ocpp_evse_id', '=', ocppEvseId);
    const rows = await evses.orderBy('ocpp_evse_id').execute();
    return {
      stationId: station.id,
      countryCode: station.country_code,
      partyId: station.party_id,
      locationDbId: station.location_id,
      locationId: station.ocpi_location_id ?? null,
      evseUids: rows.map((r) => r.evse_uid),
    };
  }

  /**
   * START_SESSION commands for this station and token received since `since` that the station
   * did not refuse (still `queued`/`sent`, or `accepted`), newest first. 1.6 idTags are cut to 20
   * characters, so the uid is compared on its first 20 when `prefix20` is set.
   */
  async recentStartSessions(
    stationId: number,
    idToken: string,
    since: Date,
    prefix20: boolean,
  ): Promise<CommandAuthorization[]> {
    const uid = sql<string>`c.payload->'token'->>'uid'`;
    const rows = await this.db
      .selectFrom('commands as c')
      .leftJoin('evses as e', (j) =>
        j.onRef('e.station_id', '=', 'c.station_id').on('e.evse_uid', '=', sql<string>`c.payload->>'evse_uid'`),
      )
      .select([
        'c.id',
        'c.created_at',
        uid.as('token_uid'),
        sql<string | null>`c.payload->'token'->>'country_code'`.as('token_country_code'),
        sql<string | null>`c.payload->'token'->>'party_id'`.as('token_party_id'),
        sql<string | null>`c.payload->>'authorization_reference'`.as('authorization_reference'),
        sql<string | null>`c.response->>'remoteStartId'`.as('remote_start_id'),
        'e.ocpp_evse_id',
      ])
      .where('c.station_id', '=', stationId)
      .where('c.ocpi_command', '=', 'START_SESSION')
      .where('c.state', 'in', ['queued', 'sent', 'accepted'])
      .where('c.created_at', '>=', since)
      .where(prefix20 ? sql<string>`left(${uid}, 20)` : uid, '=', prefix20 ? idToken.slice(0, 20) : idToken)
      .orderBy('c.created_at', 'desc')
      .execute();
    return rows.map((r) => ({
      commandId: r.id,
      tokenUid: r.token_uid,
      tokenCountryCode: r.token_country_code,
      tokenPartyId: r.token_party_id,
      authorizationReference: r.authorization_reference,
      remoteStartId: r.remote_start_id === null ? null : Number(r.remote_start_id),
      ocppEvseId: r.ocpp_evse_id ?? null,
      createdAt: r.created_at,
    }));
  }
}
