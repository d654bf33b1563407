import type { Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database, PushDeliveriesTable } from '../database.js';

export type PushDeliveryRow = Selectable<PushDeliveriesTable>;

/** The push backlog of one partner module (see {@link PushDeliveriesRepository.moduleQueues}). */
export interface DeliveryQueueStats {
  partnerId: string;
  module: string;
  queueDepth: number;
  lastDeliveredAt: Date | null;
  lastError: string | null;
  lastErrorBody: string | null;
}

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
    /** How long the partner took to answer, in ms. */
    latencyMs?: number | null;
    /** The partner's answer body (already cut to a few kB). */
    responseBody?: string | null;
  }): Promise<void> {
    const now = new Date();
    const delivered = input.error === undefined;
    const values = {
      method: input.method,
      status: delivered ? 'delivered' : 'failed',
      http_status: input.httpStatus ?? null,
      last_error: input.error ?? null,
      last_latency_ms: input.latencyMs ?? null,
      last_response_body: input.responseBody ?? null,
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

  /**
   * Per partner and module: deliveries not (yet) delivered — pending, sending, retrying or
   * failed, the push backlog — and the answer body and error of the newest failed one.
   */
  async moduleQueues(): Promise<DeliveryQueueStats[]> {
    const rows = await sql<{
      partner_id: string;
      module: string;
      queue_depth: string;
      last_delivered_at: Date | string | null;
      last_error: string | null;
      last_error_body: string | null;
    }>`
      select q.partner_id, q.module, q.queue_depth, q.last_delivered_at, e.last_error, e.last_response_body as last_error_body
        from (select partner_id, module,
                     count(*) filter (where status <> 'delivered') as queue_depth,
                     max(delivered_at) as last_delivered_at
                from push_deliveries group by partner_id, module) q
        left join lateral (
          select d.last_error, d.last_response_body from push_deliveries d
           where d.partner_id = q.partner_id and d.module = q.module and d.last_error is not null
           order by d.last_attempt_at desc nulls last, d.id desc limit 1) e on true`.execute(this.db);
    return rows.rows.map((r) => ({
      partnerId: r.partner_id,
      module: r.module,
      queueDepth: Number(r.queue_depth),
      lastDeliveredAt: r.last_delivered_at == null ? null : new Date(r.last_delivered_at),
      lastError: r.last_error,
      lastErrorBody: r.last_error_body,
    }));
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
