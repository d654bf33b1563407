import type { Insertable, Kysely } from 'kysely';
import type { Database, MeterSamplesTable } from '../database.js';

export type NewMeterSample = Insertable<MeterSamplesTable>;

/** Meter samples (normalized units), appended with multi-row inserts and deduplicated on replay. */
export class MeterSamplesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Appends samples in one statement; a sample already stored (same business key) is skipped. */
  async append(samples: readonly NewMeterSample[]): Promise<void> {
    if (samples.length === 0) return;
    await this.db
      .insertInto('meter_samples')
      .values(samples as NewMeterSample[])
      .onConflict((oc) =>
        oc
          .columns([
            'station_id',
            'transaction_id',
            'ocpp_evse_id',
            'sampled_at',
            'measurand',
            'phase',
            'context',
            'location',
          ])
          .doNothing(),
      )
      .execute();
  }

  /**
   * First and last whole-meter import-register readings (Wh) of a transaction by sample time,
   * whatever order they arrived in.
   */
  async energyBounds(transactionId: number): Promise<{ first?: number; last?: number }> {
    const base = this.db
      .selectFrom('meter_samples')
      .select('value')
      .where('transaction_id', '=', transactionId)
      .where('measurand', '=', 'Energy.Active.Import.Register')
      .where('unit', '=', 'Wh')
      .where('phase', 'is', null)
      .where((eb) => eb.or([eb('location', 'is', null), eb('location', '=', 'Outlet')]));
    // Sequential, not Promise.all: inside a batch transaction there is one connection.
    const first = await base.orderBy('sampled_at', 'asc').orderBy('id', 'asc').limit(1).executeTakeFirst();
    const last = await base.orderBy('sampled_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    return { first: first?.value, last: last?.value };
  }

  async listForTransaction(transactionId: number) {
    return this.db
      .selectFrom('meter_samples')
      .selectAll()
      .where('transaction_id', '=', transactionId)
      .orderBy('sampled_at')
      .orderBy('id')
      .execute();
  }
}
