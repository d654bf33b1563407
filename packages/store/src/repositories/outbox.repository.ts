import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, OutboxTable } from '../database.js';

export type OutboxRow = Selectable<OutboxTable>;

export interface OutboxMessage {
  topic: string;
  /** Deterministic key: becomes the job id, so a message relayed twice runs once. */
  jobKey: string;
  payload: unknown;
  availableAt?: Date;
}

/**
 * The transactional outbox: rows written in the same transaction as the state they describe,
 * relayed to the job runner after commit.
 */
export class OutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(messages: OutboxMessage | readonly OutboxMessage[]): Promise<void> {
    const list = Array.isArray(messages) ? messages : [messages as OutboxMessage];
    if (list.length === 0) return;
    await this.db
      .insertInto('outbox')
      .values(
        list.map((m) => ({
          topic: m.topic,
          job_key: m.jobKey,
          payload: JSON.stringify(m.payload ?? null),
          ...(m.availableAt ? { available_at: m.availableAt } : {}),
        })),
      )
      .execute();
  }

  /**
   * Claims up to `limit` unrelayed rows for the caller's transaction. `skip locked` lets several
   * relays (one per process) share the table without handing out a row twice.
   */
  async claimBatch(limit: number): Promise<OutboxRow[]> {
    return this.db
      .selectFrom('outbox')
      .selectAll()
      .where('relayed_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .modifyEnd(sql`skip locked`)
      .execute();
  }

  async markRelayed(ids: readonly number[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.updateTable('outbox').set({ relayed_at: at }).where('id', 'in', ids).execute();
  }

  async pendingCount(): Promise<number> {
    const row = await this.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('relayed_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Deletes relayed rows older than `before` (the outbox is not an archive). */
  async pruneRelayed(before: Date): Promise<number> {
    const result = await this.db
      .deleteFrom('outbox')
      .where('relayed_at', 'is not', null)
      .where('relayed_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
