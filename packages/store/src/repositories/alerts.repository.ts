import type { Kysely, Selectable } from 'kysely';
import type { AlertStatus, AlertsTable, Database } from '../database.js';

export type AlertRow = Selectable<AlertsTable>;

/** One subject for which a rule's condition holds right now. */
export interface AlertCondition {
  subject: string;
  message: string;
  details: Record<string, unknown>;
  /** When the condition began, as far as the data tells; debouncing counts from here. */
  since: Date;
}

/** What one reconciliation changed. */
export interface AlertReconcileResult {
  opened: number;
  pending: number;
  resolved: number;
  /** Pending alerts whose condition cleared inside the debounce window (deleted: never opened). */
  dropped: number;
}

/** Filters of the alert list; `status` defaults to every status but `pending`. */
export interface AlertListFilter {
  status?: Exclude<AlertStatus, 'pending'> | 'active';
  rule?: string;
  subject?: string;
  limit: number;
  /** Keyset paging: only alerts with a smaller id. */
  beforeId?: number;
}

/**
 * The alerts table (migration 0004): one row per occurrence of (rule, subject). Lifecycle:
 * pending (condition seen, inside its debounce) → open → acknowledged (by a person) → resolved
 * (automatically, when the condition clears; acknowledged ones too). A resolved row stays as
 * history; a new occurrence opens a new row (unique partial index `alerts_active`).
 */
export class AlertsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Brings one rule's alerts in line with the subjects whose condition holds now: new subjects
   * become pending (or open at once when their condition is older than the debounce), pending
   * ones open once debounced, active ones whose condition cleared are resolved, and pending ones
   * that cleared are dropped. Reads the rule's active alerts first (index `alerts_active`) and
   * writes only what changed, so a steady state costs one index scan.
   */
  async reconcile(input: {
    rule: string;
    severity: string;
    debounceMs: number;
    conditions: readonly AlertCondition[];
    now: Date;
  }): Promise<AlertReconcileResult> {
    const { rule, now } = input;
    const debouncedBefore = now.getTime() - input.debounceMs;
    const active = await this.db
      .selectFrom('alerts')
      .select(['id', 'subject', 'status', 'first_seen_at'])
      .where('rule', '=', rule)
      .where('status', 'in', ['pending', 'open', 'acknowledged'])
      .execute();
    const holding = new Map(input.conditions.map((c) => [c.subject, c]));
    const known = new Set(active.map((a) => a.subject));
    const fresh = [...holding.values()].filter((c) => !known.has(c.subject));
    const cleared = active.filter((a) => !holding.has(a.subject));
    const drop = cleared.filter((a) => a.status === 'pending').map((a) => a.id);
    const resolve = cleared.filter((a) => a.status !== 'pending').map((a) => a.id);
    const promote = active
      .filter((a) => a.status === 'pending' && holding.has(a.subject) && a.first_seen_at.getTime() <= debouncedBefore)
      .map((a) => a.id);
    const result: AlertReconcileResult = { opened: 0, pending: 0, resolved: 0, dropped: 0 };
    if (fresh.length + drop.length + resolve.length + promote.length === 0) return result;

    await this.db.transaction().execute(async (trx) => {
      if (drop.length > 0) {
        const r = await trx
          .deleteFrom('alerts')
          .where('id', 'in', drop)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        result.dropped = Number(r.numDeletedRows);
      }
      if (resolve.length > 0) {
        const r = await trx
          .updateTable('alerts')
          .set({ status: 'resolved', resolved_at: now, updated_at: now })
          .where('id', 'in', resolve)
          .where('status', 'in', ['open', 'acknowledged'])
          .executeTakeFirst();
        result.resolved = Number(r.numUpdatedRows);
      }
      if (promote.length > 0) {
        const r = await trx
          .updateTable('alerts')
          .set({ status: 'open', opened_at: now, updated_at: now })
          .where('id', 'in', promote)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        result.opened += Number(r.numUpdatedRows);
      }
      if (fresh.length > 0) {
        const rows = fresh.map((c) => {
          // A condition never starts in the future (station clocks run ahead).
          const since = new Date(Math.min(c.since.getTime(), now.getTime()));
          const open = since.getTime() <= debouncedBefore;
          return {
            rule,
            subject: c.subject,
            severity: input.severity,
            status: open ? ('open' as const) : ('pending' as const),
            message: c.message,
            details: JSON.stringify(c.details),
            first_seen_at: since,
            opened_at: open ? now : null,
            updated_at: now,
          };
        });
        // In slices: one statement's parameters stay well below PostgreSQL's 65,535.
        for (let i = 0; i < rows.length; i += 1000) {
          const inserted = await trx
            .insertInto('alerts')
            .values(rows.slice(i, i + 1000))
            .onConflict((oc) => oc.doNothing())
            .returning('status')
            .execute();
          for (const r of inserted) {
            if (r.status === 'open') result.opened++;
            else result.pending++;
          }
        }
      }
    });
    return result;
  }

  /** Alerts newest first, keyset-paged by id. */
  async list(filter: AlertListFilter): Promise<AlertRow[]> {
    let q = this.db.selectFrom('alerts').selectAll();
    if (filter.status === 'active') q = q.where('status', 'in', ['open', 'acknowledged']);
    else if (filter.status) q = q.where('status', '=', filter.status);
    else q = q.where('status', '<>', 'pending');
    if (filter.rule) q = q.where('rule', '=', filter.rule);
    if (filter.subject) q = q.where('subject', '=', filter.subject);
    if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId);
    return q.orderBy('id', 'desc').limit(filter.limit).execute();
  }

  async get(id: number): Promise<AlertRow | undefined> {
    return this.db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Acknowledges an open alert (idempotent for an acknowledged one). Returns the row as it is
   * afterwards, or undefined when there is no such alert.
   */
  async acknowledge(id: number, by: string, at: Date): Promise<AlertRow | undefined> {
    const updated = await this.db
      .updateTable('alerts')
      .set({ status: 'acknowledged', acknowledged_at: at, acknowledged_by: by, updated_at: at })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .returningAll()
      .executeTakeFirst();
    return updated ?? this.get(id);
  }

  /** How many alerts are pending, open and acknowledged (resolved ones are history: always 0 here). */
  async countByStatus(): Promise<Record<AlertStatus, number>> {
    const rows = await this.db
      .selectFrom('alerts')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('status', 'in', ['pending', 'open', 'acknowledged'])
      .groupBy('status')
      .execute();
    const out: Record<AlertStatus, number> = { pending: 0, open: 0, acknowledged: 0, resolved: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }
}
