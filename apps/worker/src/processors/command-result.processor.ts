import { deliverCommandResult } from '@chargebridge/bridge';
import type { JobHandler } from '@chargebridge/jobs';
import type { WorkerDeps } from '../deps.js';

/**
 * `command.result`: POSTs a finished command's CommandResult (or charging-profile result) to the
 * partner's `response_url`; a failure throws so the runner retries with backoff.
 */
export function commandResultProcessor(deps: WorkerDeps): JobHandler<'command.result'> {
  const log = deps.logger.child({ component: 'command-result' });
  return async ({ commandId }, context) => {
    try {
      await deliverCommandResult(deps.store, commandId);
    } catch (err) {
      log.warn({ commandId, attempt: context.attempt, err: (err as Error).message }, 'command result not delivered');
      throw err;
    }
  };
}
