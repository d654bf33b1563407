import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database } from '../database.js';
import type { FrameRow } from './frames.repository.js';

/** Filters of the station frame log (admin dashboard). */
export interface FrameLogFilter {
  identity: string;
  /** Only rows with a smaller id (paging backwards). */
  beforeId?: number;
  /** The request's action (answers match through their request). */
  action?: string;
  direction?: 'in' | 'out';
  /** Only rows that carry a schema violation, or whose message does. */
  violations?: boolean;
  from?: Date;
  to?: Date;
}

type FramesEb = ExpressionBuilder<Database & { f: Database['ocpp_frames'] }, 'f'>;

/** Answers to a CALL (CALLRESULT, CALLERROR) — shown beside their request, not as rows of their own. */
const ANSWER_TYPES = [3, 4];
/** How far apart in time a request and the rows about it (answer, violation notes) may be. */
const PAIRING_WINDOW_MS = 15 * 60_000;

/**
 * Reads the raw OCPP frame log of one station the way the dashboard shows it: one row per message
 * (requests, SENDs, CALLRESULTERRORs, unparseable frames), with each answer and each lenient-mode
 * violation note (a row with no raw text, written by the gateway beside the frame) looked up
 * separately by message id. Pairing itself is done by the caller.
 */
export class StationFramesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Newest first: the rows that head an entry of the log, filtered. */
  async page(filter: FrameLogFilter, limit: number): Promise<FrameRow[]> {
    let q = this.db
      .selectFrom('ocpp_frames as f')
      .selectAll('f')
      .where('f.station_identity', '=', filter.identity)
      .where((eb) => eb.not(eb.or([isPairedAnswer(eb), isNoteOfLoggedFrame(eb)])));
    if (filter.beforeId !== undefined) q = q.where('f.id', '<', filter.beforeId);
    if (filter.direction) q = q.where('f.direction', '=', filter.direction);
    if (filter.from) q = q.where('f.at', '>=', filter.from);
    if (filter.to) q = q.where('f.at', '<', filter.to);
    if (filter.action) {
      const action = filter.action;
      q = q.where((eb) =>
        eb.or([
          eb('f.action', '=', action),
          eb.and([
            eb('f.action', 'is', null),
            eb.exists(
              eb
                .selectFrom('ocpp_frames as r')
                .select(sql`1`.as('one'))
                .whereRef('r.station_identity', '=', 'f.station_identity')
                .whereRef('r.message_id', '=', 'f.message_id')
                .where('r.message_type', '=', 2)
                .where('r.action', '=', action),
            ),
          ]),
        ]),
      );
    }
    if (filter.violations) {
      q = q.where((eb) =>
        eb.or([
          eb('f.violation', 'is not', null),
          eb.exists(
            eb
              .selectFrom('ocpp_frames as v')
              .select(sql`1`.as('one'))
              .whereRef('v.station_identity', '=', 'f.station_identity')
              .whereRef('v.message_id', '=', 'f.message_id')
              .where('v.violation', 'is not', null),
          ),
        ]),
      );
    }
    return q.orderBy('f.id', 'desc').limit(limit).execute();
  }

  /**
   * Every row of the station with one of `messageIds` around the given rows' times: the answers,
   * the requests of answers and the violation notes of a page (ids may be reused by a station).
   */
  async related(identity: string, rows: readonly FrameRow[]): Promise<FrameRow[]> {
    const ids = [...new Set(rows.map((r) => r.message_id).filter((id): id is string => id !== null))];
    if (ids.length === 0) return [];
    const times = rows.map((r) => r.at.getTime());
    return this.db
      .selectFrom('ocpp_frames')
      .selectAll()
      .where('station_identity', '=', identity)
      .where('message_id', 'in', ids)
      .where('at', '>=', new Date(Math.min(...times) - PAIRING_WINDOW_MS))
      .where('at', '<=', new Date(Math.max(...times) + PAIRING_WINDOW_MS))
      .orderBy('id')
      .execute();
  }

  /** Every filtered row, newest first, in pages of `size` (for a streamed export). */
  async *batches(filter: FrameLogFilter, size = 1_000): AsyncGenerator<FrameRow[]> {
    let beforeId = filter.beforeId;
    for (;;) {
      const rows = await this.page({ ...filter, beforeId }, size);
      if (rows.length > 0) yield rows;
      if (rows.length < size) return;
      beforeId = rows[rows.length - 1]!.id;
    }
  }
}

/** A CALLRESULT / CALLERROR whose CALL (other direction, same id, earlier) is in the log. */
function isPairedAnswer(eb: FramesEb) {
  return eb.and([
    eb('f.message_type', 'in', ANSWER_TYPES),
    eb.exists(
      eb
        .selectFrom('ocpp_frames as r')
        .select(sql`1`.as('one'))
        .whereRef('r.station_identity', '=', 'f.station_identity')
        .whereRef('r.message_id', '=', 'f.message_id')
        .whereRef('r.direction', '<>', 'f.direction')
        .whereRef('r.id', '<', 'f.id')
        .where('r.message_type', '=', 2),
    ),
  ]);
}

/** A violation note (no type, no raw text) about a frame that is itself in the log. */
function isNoteOfLoggedFrame(eb: FramesEb) {
  return eb.and([
    eb('f.message_type', 'is', null),
    eb('f.raw', '=', ''),
    eb.exists(
      eb
        .selectFrom('ocpp_frames as r')
        .select(sql`1`.as('one'))
        .whereRef('r.station_identity', '=', 'f.station_identity')
        .whereRef('r.message_id', '=', 'f.message_id')
        .whereRef('r.direction', '=', 'f.direction')
        .where('r.raw', '<>', ''),
    ),
  ]);
}
