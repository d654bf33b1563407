import { type Insertable, type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import type { ConnectorsTable, Database, EvsesTable, OcppProtocol, StationsTable } from '../database.js';

export type StationRow = Selectable<StationsTable>;
export type EvseRow = Selectable<EvsesTable>;
export type ConnectorRow = Selectable<ConnectorsTable>;
export type NewStation = Insertable<StationsTable>;

/**
 * A station going online or offline changes the status every one of its EVSEs publishes (UNKNOWN
 * while offline — architecture.md status table) without writing the EVSE rows, so partners
 * syncing with `date_from` would never see it (mod_locations §EVSE `last_updated`: "the timestamp
 * when this EVSE or one of its Connectors was last updated"). Raises the `last_updated` of the
 * EVSEs of the stations matching `stations` (alias `s`) whose flag is about to flip — and, by the
 * 0003 triggers, their location's. Run before the station update, in the same transaction.
 */
export async function touchEvsesOnOnlineChange(db: Kysely<Database>, stations: RawBuilder<unknown>): Promise<void> {
  await sql`update evses e set last_updated = greatest(e.last_updated, now())
      from stations s where e.station_id = s.id and ${stations}`.execute(db);
}

/** Stations with their EVSEs and connectors. */
export class StationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByIdentity(identity: string): Promise<StationRow | undefined> {
    return this.db.selectFrom('stations').selectAll().where('identity', '=', identity).executeTakeFirst();
  }

  async findById(id: number): Promise<StationRow | undefined> {
    return this.db.selectFrom('stations').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Creates or updates a station's provisioning fields; returns the row and whether it is new. */
  async upsert(station: NewStation): Promise<{ row: StationRow; created: boolean }> {
    const existing = await this.findByIdentity(station.identity);
    const { identity: _identity, ...changes } = station;
    const row = await this.db
      .insertInto('stations')
      .values(station)
      .onConflict((oc) => oc.column('identity').doUpdateSet({ ...changes, updated_at: new Date() }))
      .returningAll()
      .executeTakeFirstOrThrow();
    return { row, created: existing === undefined };
  }

  /**
   * Marks a station online on `node`; see {@link touchEvsesOnOnlineChange}. Connects and
   * disconnects are written by batches that may commit out of order: a connect older than the
   * latest connect or disconnect already recorded (`connection_changed_at`) changes nothing.
   */
  async markConnected(id: number, protocol: OcppProtocol, node: string, at: Date): Promise<void> {
    await touchEvsesOnOnlineChange(
      this.db,
      sql`s.id = ${id} and not s.online and (s.connection_changed_at is null or s.connection_changed_at <= ${at})`,
    );
    await this.db
      .updateTable('stations')
      .set({
        protocol,
        online: true,
        connected_node: node,
        last_seen_at: at,
        updated_at: at,
        connection_changed_at: at,
      })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('connection_changed_at', 'is', null), eb('connection_changed_at', '<=', at)]))
      .execute();
  }

  /** Marks a station offline unless another node has taken its socket since. */
  async markDisconnected(id: number, node: string, at: Date): Promise<void> {
    await touchEvsesOnOnlineChange(this.db, sql`s.id = ${id} and s.online and s.connected_node = ${node}`);
    await this.db
      .updateTable('stations')
      .set({ online: false, connected_node: null, last_seen_at: at, updated_at: at, connection_changed_at: at })
      .where('id', '=', id)
      .where('connected_node', '=', node)
      .execute();
  }

  /** Flushes many last-seen times in one statement (heartbeats are kept in memory between flushes). */
  async touchMany(seen: ReadonlyArray<{ id: number; at: Date }>): Promise<void> {
    if (seen.length === 0) return;
    const ids = seen.map((s) => s.id);
    const times = seen.map((s) => s.at.toISOString());
    await sql`update stations set last_seen_at = seen.at
      from unnest(${ids}::bigint[], ${times}::timestamptz[]) as seen(id, at)
      where stations.id = seen.id`.execute(this.db);
  }

  async listEvses(stationId: number): Promise<EvseRow[]> {
    return this.db
      .selectFrom('evses')
      .selectAll()
      .where('station_id', '=', stationId)
      .orderBy('ocpp_evse_id')
      .execute();
  }

  async listConnectors(evseIds: readonly number[]): Promise<ConnectorRow[]> {
    if (evseIds.length === 0) return [];
    return this.db
      .selectFrom('connectors')
      .selectAll()
      .where('evse_id', 'in', evseIds)
      .orderBy('evse_id')
      .orderBy('ocpp_connector_id')
      .execute();
  }

  /** Returns the EVSE for (station, OCPP EVSE id), creating it with a hub-assigned uid when new. */
  async ensureEvse(stationId: number, ocppEvseId: number, evseUid: string): Promise<EvseRow> {
    await this.db
      .insertInto('evses')
      .values({ station_id: stationId, ocpp_evse_id: ocppEvseId, evse_uid: evseUid })
      .onConflict((oc) => oc.columns(['station_id', 'ocpp_evse_id']).doNothing())
      .execute();
    return this.db
      .selectFrom('evses')
      .selectAll()
      .where('station_id', '=', stationId)
      .where('ocpp_evse_id', '=', ocppEvseId)
      .executeTakeFirstOrThrow();
  }

  /** Returns the connector of an EVSE, creating it with defaults when new. */
  async ensureConnector(evseId: number, ocppConnectorId: number): Promise<ConnectorRow> {
    await this.db
      .insertInto('connectors')
      .values({ evse_id: evseId, ocpp_connector_id: ocppConnectorId, ocpi_connector_id: String(ocppConnectorId) })
      .onConflict((oc) => oc.columns(['evse_id', 'ocpp_connector_id']).doNothing())
      .execute();
    return this.db
      .selectFrom('connectors')
      .selectAll()
      .where('evse_id', '=', evseId)
      .where('ocpp_connector_id', '=', ocppConnectorId)
      .executeTakeFirstOrThrow();
  }
}
