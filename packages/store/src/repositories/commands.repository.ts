import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CommandState, CommandsTable, Database } from '../database.js';

export type CommandRow = Selectable<CommandsTable>;
export type NewCommand = Insertable<CommandsTable>;

/** Commands sent to stations (admin API, OCPI, system) and how they ended. */
export class CommandsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(command: NewCommand): Promise<void> {
    await this.db
      .insertInto('commands')
      .values({ ...command, payload: JSON.stringify(command.payload ?? null) })
      .execute();
  }

  async finish(id: string, state: CommandState, result: { response?: unknown; error?: string }): Promise<void> {
    await this.db
      .updateTable('commands')
      .set({
        state,
        response: result.response === undefined ? null : JSON.stringify(result.response),
        error: result.error ?? null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
  }

  async find(id: string): Promise<CommandRow | undefined> {
    return this.db.selectFrom('commands').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
