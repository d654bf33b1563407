import { assertEveryJobHasOneProcessor, type JobName, jobNames } from '@chargebridge/jobs';
import type { WorkerDeps } from './deps.js';
import { locationPushProcessor } from './processors/location-push.processor.js';
import { tariffPushProcessor } from './processors/tariff-push.processor.js';

/**
 * Registers one processor per job name. Each issue that adds a job adds its processor file and a
 * line here; the startup check refuses to run with a job nobody processes.
 */
export function registerProcessors(deps: WorkerDeps): void {
  const log = deps.logger.child({ component: 'worker' });
  const registered: JobName[] = [];
  deps.runner.process('location.push', locationPushProcessor(deps));
  deps.runner.process('tariff.push', tariffPushProcessor(deps));
  registered.push('location.push', 'tariff.push');
  for (const name of jobNames) {
    if (name === 'location.push' || name === 'tariff.push') continue;
    // Until the bridge lands, jobs are acknowledged and logged so the outbox never backs up.
    deps.runner.process(name, async (payload) => {
      log.debug({ job: name, payload }, 'job has no processor yet');
    });
    registered.push(name);
  }
  assertEveryJobHasOneProcessor(registered, jobNames);
}
