import { type AlertRuleName, type AlertRuleThresholds, alertRuleCatalogue } from '@chargebridge/domain';
import {
  type AdvisoryLeader,
  AlertConditionsRepository,
  type AlertReconcileResult,
  AlertsRepository,
  advisoryLeader,
  type Store,
} from '@chargebridge/store';
import type { Logger } from 'pino';
import { ALERT_CONDITIONS } from './alert-conditions.js';

/** The advisory lock the evaluating worker holds (any 64-bit number all workers agree on). */
export const ALERT_ENGINE_LOCK = 0x63_62_61_6c_65_72_74n; // "cbalert"

/**
 * Rules evaluated at every tick: a Faulted connector must be an open alert (and on screen)
 * within about a second. The others count minutes or tens of seconds and run every other tick.
 */
const EVERY_TICK: ReadonlySet<AlertRuleName> = new Set(['connector_faulted']);

export interface AlertEngineOptions {
  store: Store;
  thresholds: AlertRuleThresholds;
  logger: Logger;
  /** Tick period (default 500 ms): `connector_faulted` every tick, the other rules every other tick. */
  intervalMs?: number;
  /** Clock (tests). */
  now?: () => Date;
  /** Who may evaluate (default: the advisory lock {@link ALERT_ENGINE_LOCK}). */
  leader?: AdvisoryLeader;
}

/** One evaluation: `skipped` when another process holds the lock, else what changed per rule. */
export type AlertEvaluation =
  | { evaluated: false }
  | { evaluated: true; rules: Partial<Record<AlertRuleName, AlertReconcileResult>> };

/**
 * Evaluates the alert rules every 0.5–1 s in exactly one process: the worker holding the
 * advisory lock (embedded mode: the only process). Each rule lists the subjects whose condition
 * holds now and the store reconciles that rule's alerts with them (see `AlertsRepository`).
 * All state lives in the alerts table, so another worker can take over at any tick.
 */
export class AlertEngine {
  private readonly leader: AdvisoryLeader;
  private readonly log: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private ticks = 0;

  constructor(private readonly options: AlertEngineOptions) {
    this.leader = options.leader ?? advisoryLeader(options.store, ALERT_ENGINE_LOCK);
    this.log = options.logger.child({ component: 'alerts' });
  }

  /** Whether this process evaluated at the last tick. */
  get leading(): boolean {
    return this.leader.leading;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops ticking, waits for a running evaluation and gives the lock back. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    await this.leader.release().catch(() => undefined);
  }

  /** Evaluates every rule (or those `only` picks) once, if this process leads. */
  async evaluate(
    now = this.options.now?.() ?? new Date(),
    only: (rule: AlertRuleName) => boolean = () => true,
  ): Promise<AlertEvaluation> {
    const db = await this.leader.acquire();
    if (!db) return { evaluated: false };
    try {
      const facts = new AlertConditionsRepository(db);
      const alerts = new AlertsRepository(db);
      const rules: Partial<Record<AlertRuleName, AlertReconcileResult>> = {};
      for (const rule of alertRuleCatalogue(this.options.thresholds)) {
        if (!only(rule.rule)) continue;
        const conditions = await ALERT_CONDITIONS[rule.rule](facts, now, this.options.thresholds);
        const r = await alerts.reconcile({
          rule: rule.rule,
          severity: rule.severity,
          debounceMs: rule.debounceMs,
          conditions,
          now,
        });
        rules[rule.rule] = r;
        if (r.opened + r.resolved > 0) this.log.info({ rule: rule.rule, ...r }, 'alerts changed');
      }
      return { evaluated: true, rules };
    } catch (error) {
      // The lock's connection may be gone: give it back and compete again next tick.
      await this.leader.release().catch(() => undefined);
      throw error;
    }
  }

  /** Fixed rate: the next tick starts `intervalMs` after this one started. */
  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      const started = Date.now();
      const all = this.ticks++ % 2 === 0;
      this.running = this.evaluate(undefined, (rule) => all || EVERY_TICK.has(rule))
        .catch((error) => this.log.warn({ err: error }, 'alert evaluation failed; will retry'))
        .finally(() => {
          this.running = undefined;
          this.schedule(Math.max(0, (this.options.intervalMs ?? 500) - (Date.now() - started)));
        });
    }, delayMs);
    this.timer.unref?.();
  }
}
