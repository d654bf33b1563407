import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, StationsTable } from '../database.js';
import { touchEvsesOnOnlineChange } from './stations.repository.js';

/** Live state the gateway writes about a station: boot info, connector statuses, violations. */
export class StationStateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Keeps a BootNotification's station info; returns the station's current `registration_status`
   * (what the boot is answered with: an operator or provisioning may have changed it since the
   * station connected).
   */
  async recordBoot(stationId: number, bootInfo: Record<string, unknown>, at: Date): Promise<string | undefined> {
    const row = await this.db
      .updateTable('stations')
      .set({ boot_info: JSON.stringify(bootInfo), last_boot_at: at, last_seen_at: at, updated_at: at })
      .where('id', '=', stationId)
      .returning('registration_status')
      .executeTakeFirst();
    return row?.registration_status;
  }

  /**
   * Accepts a Pending station once it has been provisioned — only one an operator registered (an
   * auto-registered station stays Pending until an operator registers it). Returns whether it was
   * accepted.
   */
  async acceptProvisioned(stationId: number, at: Date): Promise<boolean> {
    const row = await this.db
      .updateTable('stations')
      .set({ registration_status: 'Accepted', updated_at: at })
      .where('id', '=', stationId)
      .where('registration_status', '=', 'Pending')
      .where('auto_registered', '=', false)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Adds to the station's count of schema violations let through (lenient mode). */
  async addViolations(stationId: number, count: number): Promise<void> {
    await this.db
      .updateTable('stations')
      .set((eb) => ({ schema_violations: eb('schema_violations', '+', count) }))
      .where('id', '=', stationId)
      .execute();
  }

  /**
   * Sets a connector's OCPP status unless a newer one is already stored (out-of-order delivery),
   * and the EVSE's OCPI status with it. Returns whether it changed.
   */
  async setConnectorStatus(input: {
    connectorRowId: number;
    evseRowId: number;
    status: string;
    errorCode: string | null;
    evseStatus: string;
    at: Date;
  }): Promise<boolean> {
    const result = await this.db
      .updateTable('connectors')
      .set({
        ocpp_status: input.status,
        ocpp_error_code: input.errorCode,
        status_updated_at: input.at,
        last_updated: new Date(),
      })
      .where('id', '=', input.connectorRowId)
      .where((eb) => eb.or([eb('status_updated_at', 'is', null), eb('status_updated_at', '<=', input.at)]))
      .executeTakeFirst();
    const changed = Number(result.numUpdatedRows) > 0;
    if (changed) {
      await this.db
        .updateTable('evses')
        .set({ status: input.evseStatus, last_updated: new Date() })
        .where('id', '=', input.evseRowId)
        .execute();
    }
    return changed;
  }

  /** Stations ordered by identity, paged. */
  async list(offset: number, limit: number): Promise<{ rows: Selectable<StationsTable>[]; total: number }> {
    const rows = await this.db
      .selectFrom('stations')
      .selectAll()
      .orderBy('identity')
      .offset(offset)
      .limit(limit)
      .execute();
    const count = await this.db
      .selectFrom('stations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  }

  /** Marks every station this node held offline (start-up after a crash, shutdown). */
  async releaseNode(node: string, at: Date): Promise<void> {
    await touchEvsesOnOnlineChange(this.db, sql`s.connected_node = ${node} and s.online`);
    await this.db
      .updateTable('stations')
      .set({ online: false, connected_node: null, updated_at: at })
      .where('connected_node', '=', node)
      .execute();
  }

  /**
   * Describes an EVSE from provisioning (admin API): creates it with its hub uid when new, sets
   * its eMI3 EVSE ID and connector specs. Statuses are left to the station.
   */
  async provisionEvse(input: {
    stationId: number;
    ocppEvseId: number;
    evseUid: string;
    evseId: string | null;
    connectors: ReadonlyArray<{
      ocppConnectorId: number;
      ocpiConnectorId: string;
      standard: string;
      format: string;
      powerType: string;
      maxVoltage: number;
      maxAmperage: number;
    }>;
  }): Promise<void> {
    const evse = await this.db
      .insertInto('evses')
      .values({
        station_id: input.stationId,
        ocpp_evse_id: input.ocppEvseId,
        evse_uid: input.evseUid,
        evse_id: input.evseId,
      })
      .onConflict((oc) =>
        oc.columns(['station_id', 'ocpp_evse_id']).doUpdateSet({ evse_id: input.evseId, last_updated: new Date() }),
      )
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const c of input.connectors) {
      const values = {
        ocpi_connector_id: c.ocpiConnectorId,
        standard: c.standard,
        format: c.format,
        power_type: c.powerType,
        max_voltage: c.maxVoltage,
        max_amperage: c.maxAmperage,
        last_updated: new Date(),
      };
      await this.db
        .insertInto('connectors')
        .values({ evse_id: evse.id, ocpp_connector_id: c.ocppConnectorId, ...values })
        .onConflict((oc) => oc.columns(['evse_id', 'ocpp_connector_id']).doUpdateSet(values))
        .execute();
    }
  }
}
