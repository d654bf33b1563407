import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database, PushAttemptsTable } from '../database.js';

export type PushAttemptRow = Selectable<PushAttemptsTable>;
export type NewPushAttempt = Insertable<PushAttemptsTable>;

/** Push attempts of one partner in a window, enough to judge its health (`partnerHealth()`). */
export interface PartnerAttemptSummary {
  attempts: number;
  failures: number;
  /** Whether the latest attempt in the window succeeded; null without attempts. */
  lastOk: boolean | null;
}

/** Counts of one partner module's attempts in a window. */
export interface ModuleAttemptStats {
  partnerId: string;
  module: string;
  success: number;
  failure: number;
  /** Median latency of the attempts that got an answer, in ms. */
  latencyMsP50: number | null;
}

/** The newest attempts of one partner module, whenever they were. */
export interface ModuleLatestAttempts {
  partnerId: string;
  module: string;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
  latencyMsLast: number | null;
  lastError: string | null;
}

const toDate = (v: unknown): Date | null => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
const toNumber = (v: unknown): number | null => (v == null ? null : Number(v));

/**
 * Every OCPI request made to a partner on behalf of a module (pushes, credentials calls): one row
 * per attempt, for the partners screen's per-module counts, latency and health.
 */
export class PushAttemptsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records one attempt (a single insert: cheap enough for every push). */
  async add(attempt: NewPushAttempt): Promise<void> {
    await this.db.insertInto('push_attempts').values(attempt).execute();
  }

  /** Per partner: attempts, failures and the latest outcome since `since`. */
  async summaries(since: Date): Promise<Map<string, PartnerAttemptSummary>> {
    const rows = await sql<{ partner_id: string; attempts: string; failures: string; last_ok: boolean | null }>`
      select partner_id,
             count(*) as attempts,
             count(*) filter (where not ok) as failures,
             (array_agg(ok order by at desc, id desc))[1] as last_ok
        from push_attempts
       where at >= ${since}
       group by partner_id`.execute(this.db);
    return new Map(
      rows.rows.map((r) => [
        r.partner_id,
        { attempts: Number(r.attempts), failures: Number(r.failures), lastOk: r.last_ok },
      ]),
    );
  }

  /** Per partner and module: successes, failures and median latency since `since`. */
  async moduleStats(since: Date): Promise<ModuleAttemptStats[]> {
    const rows = await sql<{
      partner_id: string;
      module: string;
      success: string;
      failure: string;
      p50: number | string | null;
    }>`
      select partner_id, module,
             count(*) filter (where ok) as success,
             count(*) filter (where not ok) as failure,
             percentile_cont(0.5) within group (order by latency_ms) as p50
        from push_attempts
       where at >= ${since}
       group by partner_id, module`.execute(this.db);
    return rows.rows.map((r) => ({
      partnerId: r.partner_id,
      module: r.module,
      success: Number(r.success),
      failure: Number(r.failure),
      latencyMsP50: r.p50 == null ? null : Math.round(Number(r.p50)),
    }));
  }

  /**
   * The newest success, failure and attempt of each given partner module, at any time (index
   * `push_attempts_partner` serves each lookup).
   */
  async latest(pairs: readonly { partnerId: string; module: string }[]): Promise<ModuleLatestAttempts[]> {
    if (pairs.length === 0) return [];
    const values = sql.join(pairs.map((p) => sql`(${p.partnerId}::text, ${p.module}::text)`));
    const rows = await sql<{
      partner_id: string;
      module: string;
      last_success_at: unknown;
      last_failure_at: unknown;
      latency_ms_last: unknown;
      last_error: string | null;
    }>`
      select p.partner_id, p.module,
             (select a.at from push_attempts a where a.partner_id = p.partner_id and a.module = p.module and a.ok
               order by a.at desc limit 1) as last_success_at,
             f.at as last_failure_at,
             f.error as last_error,
             (select a.latency_ms from push_attempts a where a.partner_id = p.partner_id and a.module = p.module
               order by a.at desc, a.id desc limit 1) as latency_ms_last
        from (values ${values}) as p (partner_id, module)
        left join lateral (
          select a.at, a.error from push_attempts a
           where a.partner_id = p.partner_id and a.module = p.module and not a.ok
           order by a.at desc, a.id desc limit 1) f on true`.execute(this.db);
    return rows.rows.map((r) => ({
      partnerId: r.partner_id,
      module: r.module,
      lastSuccessAt: toDate(r.last_success_at),
      lastFailureAt: toDate(r.last_failure_at),
      latencyMsLast: toNumber(r.latency_ms_last),
      lastError: r.last_error,
    }));
  }

  /** The newest attempts of a partner, newest first. */
  async recent(partnerId: string, limit = 50): Promise<PushAttemptRow[]> {
    return this.db
      .selectFrom('push_attempts')
      .selectAll()
      .where('partner_id', '=', partnerId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Deletes attempts older than `before` (retention); returns how many. */
  async prune(before: Date): Promise<number> {
    const result = await this.db.deleteFrom('push_attempts').where('at', '<', before).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
