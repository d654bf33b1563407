import { PARTNER_HEALTH_WINDOW_MS, type PartnerHealth, partnerHealth } from '@chargebridge/domain';
import type { PartnerRole, Repositories } from '@chargebridge/store';

/** How far back the per-module success / failure counts look. */
export const MODULE_STATS_WINDOW_MS = 24 * 3_600_000;

/** Push statistics of one module of one partner. */
export interface ModuleStats {
  module: string;
  /** Attempts that succeeded / failed in the last 24 h. */
  success: number;
  failure: number;
  last_success_at: string | null;
  last_failure_at: string | null;
  /** Median latency of the last 24 h's attempts, ms. */
  latency_ms_p50: number | null;
  /** Latency of the newest attempt, ms. */
  latency_ms_last: number | null;
  /** Deliveries not acknowledged yet: pending, sending, retrying or failed. */
  queue_depth: number;
  last_error: string | null;
  /** The partner's answer to the newest failed delivery (cut to ~2 kB). */
  last_error_body: string | null;
}

/** One partner on the partners screen. */
export interface PartnerStats {
  id: string;
  name: string;
  status: string;
  direction: string;
  roles: PartnerRole[];
  health: PartnerHealth;
  /** Attempts and failures in the health window (15 min). */
  health_window: { attempts: number; failures: number };
  modules: ModuleStats[];
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/**
 * Per partner: health (`partnerHealth()` over the last 15 minutes of attempts) and per module the
 * last 24 hours' counts, latencies, backlog and newest error. Modules listed are the partner's
 * RECEIVER endpoints plus any module it was ever pushed or called for.
 */
export async function partnerStats(repos: Repositories, now = new Date()): Promise<PartnerStats[]> {
  const [partners, summaries, counts, queues] = await Promise.all([
    repos.partners.list(),
    repos.pushAttempts.summaries(new Date(now.getTime() - PARTNER_HEALTH_WINDOW_MS)),
    repos.pushAttempts.moduleStats(new Date(now.getTime() - MODULE_STATS_WINDOW_MS)),
    repos.pushDeliveries.moduleQueues(),
  ]);
  const key = (partnerId: string, module: string) => `${partnerId}\u0000${module}`;
  const modulesOf = new Map<string, Set<string>>(partners.map((p) => [p.id, new Set<string>()]));
  for (const p of partners) {
    for (const e of p.endpoints) if (e.role === 'RECEIVER') modulesOf.get(p.id)?.add(e.identifier);
  }
  for (const row of [...counts, ...queues]) modulesOf.get(row.partnerId)?.add(row.module);
  const pairs = [...modulesOf].flatMap(([partnerId, modules]) => [...modules].map((module) => ({ partnerId, module })));
  const latest = await repos.pushAttempts.latest(pairs);
  const countBy = new Map(counts.map((c) => [key(c.partnerId, c.module), c]));
  const queueBy = new Map(queues.map((q) => [key(q.partnerId, q.module), q]));
  const latestBy = new Map(latest.map((l) => [key(l.partnerId, l.module), l]));

  return partners.map((p) => {
    const summary = summaries.get(p.id) ?? { attempts: 0, failures: 0, lastOk: null };
    const modules = [...(modulesOf.get(p.id) ?? [])].sort().map((module): ModuleStats => {
      const c = countBy.get(key(p.id, module));
      const q = queueBy.get(key(p.id, module));
      const l = latestBy.get(key(p.id, module));
      return {
        module,
        success: c?.success ?? 0,
        failure: c?.failure ?? 0,
        last_success_at: iso(later(l?.lastSuccessAt ?? null, q?.lastDeliveredAt ?? null)),
        last_failure_at: iso(l?.lastFailureAt),
        latency_ms_p50: c?.latencyMsP50 ?? null,
        latency_ms_last: l?.latencyMsLast ?? null,
        queue_depth: q?.queueDepth ?? 0,
        last_error: q?.lastError ?? l?.lastError ?? null,
        last_error_body: q?.lastErrorBody ?? null,
      };
    });
    return {
      id: p.id,
      name: p.name,
      status: p.status,
      direction: p.direction,
      roles: p.roles,
      health: partnerHealth(summary),
      health_window: { attempts: summary.attempts, failures: summary.failures },
      modules,
    };
  });
}
