import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, StationVariablesTable } from '../database.js';

export type NewStationVariable = Insertable<StationVariablesTable>;

/**
 * What stations report besides transactions: events (security, firmware, logs, NotifyEvent, …),
 * the connector status history, and the 2.x device model (NotifyReport) / 1.6 configuration.
 */
export class StationActivityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Appends station events with one multi-row insert. */
  async addEvents(
    events: ReadonlyArray<{ stationId: number; kind: string; payload: unknown; occurredAt: Date }>,
  ): Promise<void> {
    if (events.length === 0) return;
    await this.db
      .insertInto('station_events')
      .values(
        events.map((e) => ({
          station_id: e.stationId,
          kind: e.kind,
          payload: JSON.stringify(e.payload ?? null),
          occurred_at: e.occurredAt,
        })),
      )
      .execute();
  }

  async listEvents(stationId: number, kind?: string) {
    let q = this.db.selectFrom('station_events').selectAll().where('station_id', '=', stationId);
    if (kind) q = q.where('kind', '=', kind);
    return q.orderBy('id').execute();
  }

  async addStatus(entry: {
    stationId: number;
    evseId: number;
    connectorId: number;
    status: string;
    errorCode: string | null;
    info: string | null;
    occurredAt: Date;
  }): Promise<void> {
    await this.db
      .insertInto('connector_status_history')
      .values({
        station_id: entry.stationId,
        ocpp_evse_id: entry.evseId,
        ocpp_connector_id: entry.connectorId,
        status: entry.status,
        error_code: entry.errorCode,
        info: entry.info,
        occurred_at: entry.occurredAt,
      })
      .execute();
  }

  /**
   * Upserts device-model variables in one statement (the caller removes duplicate keys).
   * `keepKnownMutability`: a row whose `readonly` is null keeps the stored value (a command's
   * answer that does not say, such as 2.x GetVariables).
   */
  async upsertVariables(rows: readonly NewStationVariable[], options: { keepKnownMutability?: boolean } = {}) {
    if (rows.length === 0) return;
    await this.db
      .insertInto('station_variables')
      .values(rows as NewStationVariable[])
      .onConflict((oc) =>
        oc
          .columns([
            'station_id',
            'component',
            'component_instance',
            'evse_id',
            'connector_id',
            'variable',
            'variable_instance',
            'attribute_type',
          ])
          .doUpdateSet((eb) => ({
            value: eb.ref('excluded.value'),
            readonly: options.keepKnownMutability
              ? sql<boolean | null>`coalesce(excluded.readonly, station_variables.readonly)`
              : eb.ref('excluded.readonly'),
            data: eb.ref('excluded.data'),
            updated_at: new Date(),
          })),
      )
      .execute();
  }

  async listVariables(stationId: number) {
    return this.db.selectFrom('station_variables').selectAll().where('station_id', '=', stationId).execute();
  }
}
