import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.js';
import { type NewStationVariable, StationActivityRepository } from './station-activity.repository.js';

/** Station events that mark a connection opening or closing (written by the gateway). */
export const CONNECTIVITY_EVENT_KINDS = ['Connected', 'Disconnected'] as const;

/** Measurands the station detail plots (normalized units: W, A, Percent). */
export const TELEMETRY_MEASURANDS = ['Power.Active.Import', 'Current.Import', 'SoC'] as const;

/**
 * What happened at one station over time, for the dashboard's station detail: connector status
 * changes, connection events, meter telemetry, its configuration / device model and its
 * transactions with their OCPI session and CDR; and the configuration values a command read back.
 */
export class StationHistoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Connector status changes in [from, to), plus each connector's last change before `from` (the
   * status it was in when the window opens), oldest first.
   */
  async statusChanges(stationId: number, from: Date, to: Date) {
    const columns = ['ocpp_evse_id', 'ocpp_connector_id', 'status', 'error_code', 'info', 'occurred_at', 'id'] as const;
    const inWindow = await this.db
      .selectFrom('connector_status_history')
      .select(columns)
      .where('station_id', '=', stationId)
      .where('occurred_at', '>=', from)
      .where('occurred_at', '<', to)
      .orderBy('occurred_at')
      .orderBy('id')
      .limit(20_000)
      .execute();
    const before = await this.db
      .selectFrom('connector_status_history as h')
      .select(columns.map((c) => `h.${c}` as const))
      .where('h.station_id', '=', stationId)
      .where('h.occurred_at', '<', from)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('connector_status_history as n')
              .select(sql`1`.as('one'))
              .whereRef('n.station_id', '=', 'h.station_id')
              .whereRef('n.ocpp_evse_id', '=', 'h.ocpp_evse_id')
              .whereRef('n.ocpp_connector_id', '=', 'h.ocpp_connector_id')
              .where('n.occurred_at', '<', from)
              .where((eb) =>
                eb.or([
                  eb('n.occurred_at', '>', eb.ref('h.occurred_at')),
                  eb.and([eb('n.occurred_at', '=', eb.ref('h.occurred_at')), eb('n.id', '>', eb.ref('h.id'))]),
                ]),
              ),
          ),
        ),
      )
      .execute();
    return [...before, ...inWindow];
  }

  /**
   * A page of the station's events, newest first by when they happened (then by id: events of
   * one moment, or written by different batches, keep a stable order), optionally of one kind.
   * Keyset: the page after event `beforeId` starts below that event's (occurred_at, id).
   */
  async events(stationId: number, page: { kind?: string; beforeId?: number; limit: number }) {
    let q = this.db
      .selectFrom('station_events')
      .select(['id', 'kind', 'payload', 'occurred_at'])
      .where('station_id', '=', stationId);
    if (page.kind) q = q.where('kind', '=', page.kind);
    if (page.beforeId !== undefined) {
      q = q.where(
        sql<boolean>`(occurred_at, id) < (select c.occurred_at, c.id from station_events c where c.id = ${page.beforeId})`,
      );
    }
    return q.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  }

  /** How many events of each kind the station has, most frequent first. */
  async eventKinds(stationId: number) {
    const rows = await this.db
      .selectFrom('station_events')
      .select(['kind', (eb) => eb.fn.countAll<string>().as('count')])
      .where('station_id', '=', stationId)
      .groupBy('kind')
      .orderBy('count', 'desc')
      .orderBy('kind')
      .execute();
    return rows.map((r) => ({ kind: r.kind, count: Number(r.count) }));
  }

  /** The station's latest provisioning run (`Provisioned` or `ProvisioningFailed` event). */
  async lastProvisioning(stationId: number) {
    return this.db
      .selectFrom('station_events')
      .select(['kind', 'payload', 'occurred_at'])
      .where('station_id', '=', stationId)
      .where('kind', 'in', ['Provisioned', 'ProvisioningFailed'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Connected / Disconnected events in [from, to), plus the last one before `from`. */
  async connectivity(stationId: number, from: Date, to: Date) {
    const base = this.db
      .selectFrom('station_events')
      .select(['kind', 'occurred_at', 'payload'])
      .where('station_id', '=', stationId)
      .where('kind', 'in', [...CONNECTIVITY_EVENT_KINDS]);
    const last = await base.where('occurred_at', '<', from).orderBy('occurred_at', 'desc').limit(1).execute();
    const inWindow = await base
      .where('occurred_at', '>=', from)
      .where('occurred_at', '<', to)
      .orderBy('occurred_at')
      .limit(20_000)
      .execute();
    return { before: last[0], events: inWindow };
  }

  /** Power, current and SoC samples of the station in [from, to), oldest first. */
  async telemetry(stationId: number, from: Date, to: Date, limit: number) {
    return this.db
      .selectFrom('meter_samples')
      .select(['sampled_at', 'ocpp_evse_id', 'transaction_id', 'measurand', 'phase', 'unit', 'value'])
      .where('station_id', '=', stationId)
      .where('sampled_at', '>=', from)
      .where('sampled_at', '<', to)
      .where('measurand', 'in', [...TELEMETRY_MEASURANDS])
      .orderBy('sampled_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** The station's configuration keys (1.6) or device-model variables (2.x), in a stable order. */
  async variables(stationId: number) {
    return this.db
      .selectFrom('station_variables')
      .selectAll()
      .where('station_id', '=', stationId)
      .orderBy('component')
      .orderBy('component_instance')
      .orderBy('evse_id')
      .orderBy('connector_id')
      .orderBy('variable')
      .orderBy('variable_instance')
      .orderBy('attribute_type')
      .execute();
  }

  /**
   * Stores configuration values a command read (1.6 GetConfiguration, 2.x GetVariables): value and
   * data replaced, mutability kept when the answer does not say.
   */
  async recordConfiguration(rows: readonly NewStationVariable[]): Promise<void> {
    await new StationActivityRepository(this.db).upsertVariables(rows, { keepKnownMutability: true });
  }

  /** The station's transactions, newest first, with their OCPI session and CDR when there are. */
  async transactions(stationId: number, offset: number, limit: number) {
    const base = this.db.selectFrom('transactions as t').where('t.station_id', '=', stationId);
    const rows = await base
      .leftJoin('sessions as s', 's.transaction_id', 't.id')
      .leftJoin('cdrs as c', (join) => join.onRef('c.transaction_id', '=', 't.id').on('c.credit', '=', false))
      .select([
        't.id',
        't.transaction_uid',
        't.status',
        't.ocpp_evse_id',
        't.ocpp_connector_id',
        't.id_token',
        't.token_type',
        't.started_at',
        't.stopped_at',
        't.energy_wh',
        't.stop_reason',
        't.charging_state',
        't.created_at',
        's.session_id',
        's.status as session_status',
        'c.cdr_id',
        'c.currency',
        'c.total_cost_incl_vat',
        'c.total_cost_excl_vat',
      ])
      .orderBy(sql`coalesce(t.started_at, t.created_at)`, 'desc')
      .orderBy('t.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute();
    const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { rows, total: Number(count.n) };
  }
}
