import { runSessionPush } from '@chargebridge/bridge';
import type { JobHandler } from '@chargebridge/jobs';
import type { WorkerDeps } from '../deps.js';

/** `session.push`: sync the transaction's Session and push it to its token's owner (bridge). */
export function sessionPushProcessor(deps: WorkerDeps): JobHandler<'session.push'> {
  const log = deps.logger.child({ component: 'session-push' });
  return async ({ transactionId }, ctx) => {
    await runSessionPush(deps.store.db, log, transactionId, { lastAttempt: ctx.attempt >= ctx.maxAttempts });
  };
}
