import { type Kysely, type Selectable, sql } from 'kysely';
import type { CommandState, Database, ReservationsTable } from '../database.js';
import type { CommandRow } from './commands.repository.js';

export type ReservationRow = Selectable<ReservationsTable>;

/** What the command state machine stores when a command ends. */
export interface CommandOutcome {
  state: CommandState;
  /** Stored in `commands.response`: the station's answer and the result for the partner. */
  response: Record<string, unknown>;
  error?: string;
}

/**
 * The command state machine's store side (packages/bridge commands): claims, outcomes,
 * reservations and the EVSE / transaction lookups a command needs. No decisions here.
 */
export class CommandExecutionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** queued → sent, once: undefined when another run already took it. `response` keeps ids sent. */
  async claim(id: string, response: Record<string, unknown>): Promise<CommandRow | undefined> {
    return this.db
      .updateTable('commands')
      .set({ state: 'sent', response: JSON.stringify(response), updated_at: new Date() })
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Ends a command still `queued`/`sent`: its OCPI command name and body, or undefined when it
   * had already ended (a sweep got there first).
   */
  async finish(
    id: string,
    outcome: CommandOutcome,
  ): Promise<Pick<CommandRow, 'ocpi_command' | 'payload' | 'partner_id'> | undefined> {
    return this.db
      .updateTable('commands')
      .set({
        state: outcome.state,
        response: JSON.stringify(outcome.response),
        error: outcome.error ?? null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('state', 'in', ['queued', 'sent'])
      .returning(['ocpi_command', 'payload', 'partner_id'])
      .executeTakeFirst();
  }

  /** Commands still open whose deadline has passed (for the TIMEOUT sweep). */
  async overdue(now: Date, limit = 500): Promise<CommandRow[]> {
    return this.db
      .selectFrom('commands')
      .selectAll()
      .where('state', 'in', ['queued', 'sent'])
      .where('deadline_at', '<', now)
      .orderBy('deadline_at')
      .limit(limit)
      .execute();
  }

  async station(stationId: number) {
    return this.db
      .selectFrom('stations')
      .select(['id', 'identity', 'protocol', 'online', 'country_code', 'party_id'])
      .where('id', '=', stationId)
      .executeTakeFirst();
  }

  /** An EVSE of the station by its OCPI uid, with its capabilities (evses.data). */
  async evseByUid(stationId: number, evseUid: string) {
    return this.db
      .selectFrom('evses')
      .select(['id', 'ocpp_evse_id', 'evse_uid', 'status', 'data'])
      .where('station_id', '=', stationId)
      .where('evse_uid', '=', evseUid)
      .executeTakeFirst();
  }

  /** The first EVSE of the station (a START_SESSION without evse_uid). */
  async firstEvse(stationId: number) {
    return this.db
      .selectFrom('evses')
      .select(['id', 'ocpp_evse_id', 'evse_uid', 'status', 'data'])
      .where('station_id', '=', stationId)
      .orderBy('ocpp_evse_id')
      .executeTakeFirst();
  }

  async connector(evseDbId: number, ocpiConnectorId: string) {
    return this.db
      .selectFrom('connectors')
      .select(['ocpp_connector_id', 'ocpp_status'])
      .where('evse_id', '=', evseDbId)
      .where('ocpi_connector_id', '=', ocpiConnectorId)
      .executeTakeFirst();
  }

  /** OCPP statuses of an EVSE's connectors (EVSE_INOPERATIVE when all are Unavailable/Faulted). */
  async connectorStatuses(evseDbId: number): Promise<(string | null)[]> {
    const rows = await this.db.selectFrom('connectors').select('ocpp_status').where('evse_id', '=', evseDbId).execute();
    return rows.map((r) => r.ocpp_status);
  }

  /** Whether a transaction is running on the station's EVSE (EVSE_OCCUPIED). */
  async hasActiveTransaction(stationId: number, ocppEvseId: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('transactions')
      .select('id')
      .where('station_id', '=', stationId)
      .where('ocpp_evse_id', '=', ocppEvseId)
      .where('status', '=', 'active')
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * The transaction of an OCPI session id: through `sessions` when the session exists, otherwise
   * the session id is the transaction's own uid on that station.
   */
  async transactionForSession(stationId: number, sessionId: string) {
    const viaSession = await this.db
      .selectFrom('sessions as se')
      .innerJoin('transactions as tx', 'tx.id', 'se.transaction_id')
      .select(['tx.id', 'tx.transaction_uid', 'tx.status', 'tx.ocpp_evse_id'])
      .where('se.session_id', '=', sessionId)
      .where('tx.station_id', '=', stationId)
      .executeTakeFirst();
    if (viaSession) return viaSession;
    return this.db
      .selectFrom('transactions')
      .select(['id', 'transaction_uid', 'status', 'ocpp_evse_id'])
      .where('station_id', '=', stationId)
      .where('transaction_uid', '=', sessionId)
      .executeTakeFirst();
  }

  /**
   * Creates the reservation (or reuses the row of the same partner's reservation id: ReserveNow
   * with a known id replaces it, mod_commands §ReserveNow). Its serial id is the OCPP reservationId.
   */
  async upsertReservation(input: {
    stationId: number;
    partnerId: string | null;
    ocpiReservationId: string;
    ocppEvseId: number | null;
    idToken: string;
    expiresAt: Date;
  }): Promise<ReservationRow> {
    const existing = await this.findReservation(input.partnerId, input.ocpiReservationId);
    if (existing && existing.station_id === input.stationId) {
      return this.db
        .updateTable('reservations')
        .set({
          ocpp_evse_id: input.ocppEvseId,
          id_token: input.idToken,
          expires_at: input.expiresAt,
          status: 'requested',
          updated_at: new Date(),
        })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    }
    return this.db
      .insertInto('reservations')
      .values({
        station_id: input.stationId,
        partner_id: input.partnerId,
        ocpi_reservation_id: input.ocpiReservationId,
        ocpp_evse_id: input.ocppEvseId,
        id_token: input.idToken,
        expires_at: input.expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async findReservation(partnerId: string | null, ocpiReservationId: string): Promise<ReservationRow | undefined> {
    let q = this.db.selectFrom('reservations').selectAll().where('ocpi_reservation_id', '=', ocpiReservationId);
    q = partnerId === null ? q.where('partner_id', 'is', null) : q.where('partner_id', '=', partnerId);
    return q.orderBy('id', 'desc').executeTakeFirst();
  }

  async setReservationStatus(id: number, status: string): Promise<void> {
    await this.db.updateTable('reservations').set({ status, updated_at: sql`now()` }).where('id', '=', id).execute();
  }
}
