import { runReconcile, sweepOverdueCommands, sweepReservationSessions } from '@chargebridge/bridge';
import type { JobHandler, JobRunner } from '@chargebridge/jobs';
import type { WorkerDeps } from '../deps.js';

/** How often reconciliation runs. */
export const RECONCILE_INTERVAL_MS = 60_000;

/**
 * Schedules the next `reconcile.run`. The job id names the minute it is due, so every worker
 * (and a restarted one) schedules the same job once: a delayed self-re-enqueue, no cron leader.
 */
export async function scheduleReconcile(runner: JobRunner, now = Date.now()): Promise<void> {
  const due = (Math.floor(now / RECONCILE_INTERVAL_MS) + 1) * RECONCILE_INTERVAL_MS;
  await runner.add('reconcile.run', { reason: 'schedule' }, { jobId: `reconcile.run:${due}`, delayMs: due - now });
}

/** `reconcile.run`: re-queue what the normal path left behind (bridge), then schedule the next run. */
export function reconcileProcessor(deps: WorkerDeps): JobHandler<'reconcile.run'> {
  const log = deps.logger.child({ component: 'reconcile' });
  return async ({ reason }) => {
    try {
      const report = await runReconcile(deps.store.db);
      // A command whose worker died mid-call still ends: TIMEOUT once its deadline has passed.
      const commandsTimedOut = await sweepOverdueCommands(deps.store);
      // Reservations that expired unused: their sessions end INVALID.
      const reservations = await sweepReservationSessions(deps.store.db);
      const found =
        report.cdrsToCreate +
        report.cdrsToPush +
        report.sessionsToPush +
        report.staleTransactions +
        commandsTimedOut +
        reservations.expired +
        reservations.requeued;
      if (found > 0) {
        log.info(
          {
            reason,
            ...report,
            commandsTimedOut,
            reservationsExpired: reservations.expired,
            reservationSessionsToPush: reservations.requeued,
          },
          'reconciliation re-queued work',
        );
      }
    } finally {
      if (reason === 'schedule') await scheduleReconcile(deps.runner);
    }
  };
}
