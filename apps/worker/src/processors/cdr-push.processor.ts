import { runCdrPush } from '@chargebridge/bridge';
import type { JobHandler } from '@chargebridge/jobs';
import type { WorkerDeps } from '../deps.js';

/** `cdr.push`: POST a CDR to its token's owner, keeping the `Location` header (bridge). */
export function cdrPushProcessor(deps: WorkerDeps): JobHandler<'cdr.push'> {
  const log = deps.logger.child({ component: 'cdr-push' });
  return async ({ cdrId }, ctx) => {
    const result = await runCdrPush(deps.store.db, log, cdrId, { lastAttempt: ctx.attempt >= ctx.maxAttempts });
    log.debug({ cdrId, result }, 'cdr.push');
  };
}
