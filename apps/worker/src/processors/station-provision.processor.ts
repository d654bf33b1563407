import { type JobHandler, UnrecoverableJobError } from '@chargebridge/jobs';
import { repositories } from '@chargebridge/store';
import type { WorkerDeps } from '../deps.js';
import { provisionStation } from '../provisioning/station-provisioning.js';

/** How long a 2.x station may take to send its full report during provisioning. */
const REPORT_WAIT_MS = 30_000;

/** `station.provision`: provision a station that booted while Pending (see provisionStation). */
export function stationProvisionProcessor(deps: WorkerDeps): JobHandler<'station.provision'> {
  const logger = deps.logger.child({ component: 'station-provision' });
  return async ({ stationId }) => {
    if (!deps.stationCalls) throw new UnrecoverableJobError('this worker has no station-call service');
    await provisionStation(
      {
        repos: repositories(deps.store.db),
        calls: deps.stationCalls,
        logger,
        callTimeoutMs: deps.config.ocppCallTimeoutMs,
        reportWaitMs: REPORT_WAIT_MS,
      },
      stationId,
    );
  };
}
