import { runReservationSessionPush } from '@chargebridge/bridge';
import type { JobHandler } from '@chargebridge/jobs';
import type { WorkerDeps } from '../deps.js';

/** `reservation.push`: push the Session a reservation opened to the eMSP that reserved (bridge). */
export function reservationPushProcessor(deps: WorkerDeps): JobHandler<'reservation.push'> {
  const log = deps.logger.child({ component: 'reservation-push' });
  return async ({ sessionRowId }, ctx) => {
    await runReservationSessionPush(deps.store.db, log, sessionRowId, { lastAttempt: ctx.attempt >= ctx.maxAttempts });
  };
}
