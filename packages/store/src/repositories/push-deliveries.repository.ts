import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database, PushDeliveriesTable } from '../database.js';

export type PushDeliveryRow = Selectable<PushDeliveriesTable>;

/** One row per (partner, module, object): the state of the latest push of that object. */
export class PushDeliveriesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records an attempt's outcome; `error` undefined means delivered. */
  async record(input: {
    partnerId: string;
    module: string;
    objectKey: string;
    method: string;
    httpStatus?: number | null;
    error?: string;
  }): Promise<void> {
    const now = new Date();
    const delivered = input.error === undefined;
    const values = {
      method: input.method,
      status: delivered ? 'delivered' : 'failed',
      http_status: input.httpStatus ?? null,
      last_error: input.error ?? null,
      last_attempt_at: now,
      delivered_at: delivered ? now : null,
    };
    await this.db
      .insertInto('push_deliveries')
      .values({
        partner_id: input.partnerId,
        module: input.module,
        object_key: input.objectKey,
        attempts: 1,
        ...values,
      })
      .onConflict((oc) =>
        oc.columns(['partner_id', 'module', 'object_key']).doUpdateSet({
          ...values,
          attempts: sql`push_deliveries.attempts + 1`,
        }),
      )
      .execute();
  }

  /** The latest failed deliveries of a partner, newest first. */
  async failures(partnerId: string, limit = 20): Promise<PushDeliveryRow[]> {
    return this.db
      .selectFrom('push_deliveries')
      .selectAll()
      .where('partner_id', '=', partnerId)
      .where('status', '=', 'failed')
      .orderBy('last_attempt_at', 'desc')
      .limit(limit)
      .execute();
  }

  async find(partnerId: string, module: string, objectKey: string): Promise<PushDeliveryRow | undefined> {
    return this.db
      .selectFrom('push_deliveries')
      .selectAll()
      .where('partner_id', '=', partnerId)
      .where('module', '=', module)
      .where('object_key', '=', objectKey)
      .executeTakeFirst();
  }
}
