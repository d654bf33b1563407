import { executeCommand } from '@chargebridge/bridge';
import { type JobHandler, UnrecoverableJobError } from '@chargebridge/jobs';
import type { WorkerDeps } from '../deps.js';

/**
 * `command.execute`: carries a stored OCPI command or charging-profile request to its station
 * (packages/bridge command state machine) and queues the result for `response_url`. Station
 * failures end the command (failed / timeout) rather than fail the job; only store errors retry.
 */
export function commandExecuteProcessor(deps: WorkerDeps): JobHandler<'command.execute'> {
  const log = deps.logger.child({ component: 'command-execute' });
  return async ({ commandId }) => {
    if (!deps.stationCalls) throw new UnrecoverableJobError('this worker has no station-call service');
    const state = await executeCommand(
      { store: deps.store, calls: deps.stationCalls, logger: log, callTimeoutMs: deps.config.ocppCallTimeoutMs },
      commandId,
    );
    log.debug({ commandId, state }, 'command executed');
  };
}
