import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, OcppFramesTable } from '../database.js';

export type FrameRow = Selectable<OcppFramesTable>;
export type NewFrame = Insertable<OcppFramesTable>;

/** The raw OCPP frame log: append-only, pruned by time. */
export class FramesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Appends frames with one multi-row insert. */
  async append(frames: readonly NewFrame[]): Promise<void> {
    if (frames.length === 0) return;
    await this.db.insertInto('ocpp_frames').values(frames).execute();
  }

  /** Newest first, `beforeId` pages backwards. */
  async listForStation(identity: string, limit: number, beforeId?: number): Promise<FrameRow[]> {
    let q = this.db.selectFrom('ocpp_frames').selectAll().where('station_identity', '=', identity);
    if (beforeId !== undefined) q = q.where('id', '<', beforeId);
    return q.orderBy('id', 'desc').limit(limit).execute();
  }

  /** Deletes frames older than `before`; returns how many. */
  async pruneBefore(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('ocpp_frames').where('at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
