import { type Kysely, type Selectable, sql } from 'kysely';
import type { CommandState, CommandsTable, Database } from '../database.js';

/** A command with the identity of its station. */
export type CommandHistoryRow = Selectable<CommandsTable> & { identity: string | null };

/** Filters of {@link CommandHistoryRepository.list}. */
export interface CommandHistoryFilter {
  stationId?: number;
  state?: CommandState;
  /** Keyset cursor: rows strictly older than this (created at millisecond precision, then id). */
  before?: { createdAt: Date; id?: string };
  limit: number;
}

/** Creation time cut to milliseconds, the precision a cursor can carry through JSON. */
const createdMs = sql<Date>`date_trunc('milliseconds', c.created_at)`;

/**
 * The command history the dashboard shows (any origin), and the admin API's asynchronous command
 * lifecycle: queued → sent → accepted / rejected / failed / timeout / offline. A command ends
 * once; whichever of the runner or the overdue sweep gets there first wins.
 */
export class CommandHistoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Newest first, keyset-paged. */
  async list(filter: CommandHistoryFilter): Promise<CommandHistoryRow[]> {
    let q = this.db
      .selectFrom('commands as c')
      .leftJoin('stations as s', 's.id', 'c.station_id')
      .selectAll('c')
      .select('s.identity');
    if (filter.stationId !== undefined) q = q.where('c.station_id', '=', filter.stationId);
    if (filter.state) q = q.where('c.state', '=', filter.state);
    if (filter.before) {
      const { createdAt, id } = filter.before;
      q = q.where(
        id === undefined
          ? sql<boolean>`${createdMs} < ${createdAt}`
          : sql<boolean>`(${createdMs}, c.id) < (${createdAt}, ${id})`,
      );
    }
    return q.orderBy(createdMs, 'desc').orderBy('c.id', 'desc').limit(filter.limit).execute();
  }

  async find(id: string): Promise<CommandHistoryRow | undefined> {
    return this.db
      .selectFrom('commands as c')
      .leftJoin('stations as s', 's.id', 'c.station_id')
      .selectAll('c')
      .select('s.identity')
      .where('c.id', '=', id)
      .executeTakeFirst();
  }

  /** queued → sent; false when the command is no longer queued. */
  async markSent(id: string): Promise<boolean> {
    const row = await this.db
      .updateTable('commands')
      .set({ state: 'sent', updated_at: new Date() })
      .where('id', '=', id)
      .where('state', '=', 'queued')
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Ends a command still queued or sent; false when it had already ended. */
  async finishOpen(
    id: string,
    state: Exclude<CommandState, 'queued' | 'sent'>,
    result: { response?: unknown; error?: string | null },
  ): Promise<boolean> {
    const row = await this.db
      .updateTable('commands')
      .set({
        state,
        response: result.response === undefined ? null : JSON.stringify(result.response),
        error: result.error ?? null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('state', 'in', ['queued', 'sent'])
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }
}
