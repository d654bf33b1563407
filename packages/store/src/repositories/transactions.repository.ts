import { type Insertable, type Kysely, type RawBuilder, type Selectable, sql, type Updateable } from 'kysely';
import type { Database, OcppProtocol, TransactionEventsTable, TransactionsTable } from '../database.js';

export type TransactionRow = Selectable<TransactionsTable>;
export type TransactionChanges = Updateable<TransactionsTable>;

/** Filters of {@link TransactionsRepository.list}. */
export interface TransactionFilter {
  stationId?: number;
  status?: 'active' | 'completed';
  from?: Date;
  to?: Date;
  offset?: number;
  limit?: number;
}

/** Charging transactions of every protocol version and their events. No business logic here. */
export class TransactionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * OCPP 1.6 StartTransaction, idempotent on its business key: the first call creates the row with
   * a fresh 1.6 transactionId (sequence `ocpp16_transaction_id_seq`), a retry returns the same row.
   */
  async startByKey(input: {
    stationId: number;
    startKey: string;
    values: Omit<TransactionChanges, 'id' | 'station_id' | 'transaction_uid' | 'start_key' | 'protocol'>;
  }): Promise<{ row: TransactionRow; created: boolean }> {
    const inserted = await this.db
      .insertInto('transactions')
      .values({
        ...input.values,
        station_id: input.stationId,
        protocol: '1.6',
        start_key: input.startKey,
        transaction_uid: sql<string>`nextval('ocpp16_transaction_id_seq')::text`,
      })
      .onConflict((oc) => oc.columns(['station_id', 'start_key']).where('start_key', 'is not', null).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { row: inserted, created: true };
    const row = await this.db
      .selectFrom('transactions')
      .selectAll()
      .where('station_id', '=', input.stationId)
      .where('start_key', '=', input.startKey)
      .executeTakeFirstOrThrow();
    return { row, created: false };
  }

  /** Returns the transaction with this uid, creating an empty one when new (2.x, late 1.6 stops). */
  async ensure(
    stationId: number,
    uid: string,
    protocol: OcppProtocol,
  ): Promise<{ row: TransactionRow; created: boolean }> {
    // Most calls find it (every event after the first): one statement then. Locked: the caller
    // updates it from what it read (seqNo gaps), and two messages of one transaction may commit
    // in overlapping batches.
    const existing = await this.db
      .selectFrom('transactions')
      .selectAll()
      .where('station_id', '=', stationId)
      .where('transaction_uid', '=', uid)
      .forUpdate()
      .executeTakeFirst();
    if (existing) return { row: existing, created: false };
    const inserted = await this.db
      .insertInto('transactions')
      .values({ station_id: stationId, transaction_uid: uid, protocol })
      .onConflict((oc) => oc.columns(['station_id', 'transaction_uid']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (inserted) return { row: inserted, created: true };
    // Created meanwhile by a concurrent writer.
    const row = await this.findByUid(stationId, uid);
    if (!row) throw new Error(`transaction ${uid} vanished`);
    return { row, created: false };
  }

  async findByUid(stationId: number, uid: string): Promise<TransactionRow | undefined> {
    return this.db
      .selectFrom('transactions')
      .selectAll()
      .where('station_id', '=', stationId)
      .where('transaction_uid', '=', uid)
      .executeTakeFirst();
  }

  async findById(id: number): Promise<TransactionRow | undefined> {
    return this.db.selectFrom('transactions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The station's active transaction on an EVSE, newest first (1.6 MeterValues without an id). */
  async findActiveOnEvse(stationId: number, ocppEvseId: number): Promise<TransactionRow | undefined> {
    return this.db
      .selectFrom('transactions')
      .selectAll()
      .where('station_id', '=', stationId)
      .where('ocpp_evse_id', '=', ocppEvseId)
      .where('status', '=', 'active')
      .orderBy('id', 'desc')
      .executeTakeFirst();
  }

  async update(id: number, changes: TransactionChanges): Promise<TransactionRow> {
    return this.db
      .updateTable('transactions')
      .set({ ...changes, updated_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /**
   * Recomputes the energy (Wh) of several transactions in one statement: stop register (or the
   * latest whole-meter import reading by sample time) minus start register (or the earliest), at
   * least 0; 0 while either end is unknown. Only rows whose energy changes are updated. Gives the
   * same answer whatever order samples arrived in (out-of-order and replayed events).
   */
  async refreshEnergy(ids: readonly number[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    // Sorted: concurrent batches then lock rows in the same order.
    const sorted = [...ids].sort((a, b) => a - b);
    await sql`
      update transactions t set energy_wh = e.energy, updated_at = ${at}
      from (
        select x.id, case
            when coalesce(x.meter_start_wh, f.value) is null or coalesce(x.meter_stop_wh, l.value) is null then 0
            else greatest(0, coalesce(x.meter_stop_wh, l.value) - coalesce(x.meter_start_wh, f.value))
          end as energy
        from transactions x
        left join lateral (${registerReading(sql`asc`)}) f on true
        left join lateral (${registerReading(sql`desc`)}) l on true
        where x.id in (${sql.join(sorted)})
      ) e
      where t.id = e.id and t.energy_wh <> e.energy`.execute(this.db);
  }

  /**
   * Records one transaction event; `false` when (transaction, seqNo) is already there — a
   * repeated 2.x TransactionEvent, which must then change nothing.
   */
  async addEvent(event: {
    transactionId: number;
    seqNo: number | null;
    eventType: string;
    triggerReason: string | null;
    occurredAt: Date;
    offline: boolean;
    payload: unknown;
  }): Promise<boolean> {
    const values: Insertable<TransactionEventsTable> = {
      transaction_id: event.transactionId,
      seq_no: event.seqNo,
      event_type: event.eventType,
      trigger_reason: event.triggerReason,
      occurred_at: event.occurredAt,
      offline: event.offline,
      payload: JSON.stringify(event.payload),
    };
    const result = await this.db
      .insertInto('transaction_events')
      .values(values)
      .onConflict((oc) => oc.columns(['transaction_id', 'seq_no']).where('seq_no', 'is not', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    return result !== undefined;
  }

  /** Transactions newest first, with the station identity. */
  async list(
    filter: TransactionFilter,
  ): Promise<{ rows: Array<TransactionRow & { station_identity: string }>; total: number }> {
    let q = this.db.selectFrom('transactions').innerJoin('stations', 'stations.id', 'transactions.station_id');
    if (filter.stationId !== undefined) q = q.where('transactions.station_id', '=', filter.stationId);
    if (filter.status) q = q.where('transactions.status', '=', filter.status);
    if (filter.from) q = q.where('transactions.started_at', '>=', filter.from);
    if (filter.to) q = q.where('transactions.started_at', '<', filter.to);
    const [rows, count] = await Promise.all([
      q
        .selectAll('transactions')
        .select('stations.identity as station_identity')
        .orderBy('transactions.started_at', 'desc')
        .orderBy('transactions.id', 'desc')
        .offset(filter.offset ?? 0)
        .limit(filter.limit ?? 50)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }
}

/** The first (`asc`) or last (`desc`) whole-meter import-register reading (Wh) of transaction `x`. */
function registerReading(direction: RawBuilder<unknown>) {
  return sql`select s.value from meter_samples s
    where s.transaction_id = x.id and s.measurand = 'Energy.Active.Import.Register' and s.unit = 'Wh'
      and s.phase is null and (s.location is null or s.location = 'Outlet')
    order by s.sampled_at ${direction}, s.id ${direction} limit 1`;
}
