/**
 * One rule for a partner connection's health, used by the partners API, the live event feed and
 * the dashboard: judged from its push attempts in a recent window.
 *   idle     no attempt in the window
 *   failing  the latest attempt failed
 *   degraded the latest attempt succeeded, but some in the window failed
 *   ok       every attempt in the window succeeded
 */
export type PartnerHealth = 'ok' | 'degraded' | 'failing' | 'idle';

/** How far back health looks. */
export const PARTNER_HEALTH_WINDOW_MS = 15 * 60_000;

export interface PushAttemptSummary {
  attempts: number;
  failures: number;
  lastOk: boolean | null;
}

export function partnerHealth(summary: PushAttemptSummary): PartnerHealth {
  if (summary.attempts === 0 || summary.lastOk === null) return 'idle';
  if (!summary.lastOk) return 'failing';
  return summary.failures > 0 ? 'degraded' : 'ok';
}
