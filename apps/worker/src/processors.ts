import { assertEveryJobHasOneProcessor, type JobName, jobNames } from '@chargebridge/jobs';
import type { WorkerDeps } from './deps.js';
import { cdrCreateProcessor } from './processors/cdr-create.processor.js';
import { cdrPushProcessor } from './processors/cdr-push.processor.js';
import { certificateSignProcessor } from './processors/certificate-sign.processor.js';
import { commandExecuteProcessor } from './processors/command-execute.processor.js';
import { commandResultProcessor } from './processors/command-result.processor.js';
import { locationPushProcessor } from './processors/location-push.processor.js';
import { reconcileProcessor, scheduleReconcile } from './processors/reconcile.processor.js';
import { reservationPushProcessor } from './processors/reservation-push.processor.js';
import { sessionPushProcessor } from './processors/session-push.processor.js';
import { stationProvisionProcessor } from './processors/station-provision.processor.js';
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
  // Sessions, CDRs and reconciliation (issue 5, packages/bridge).
  deps.runner.process('session.push', sessionPushProcessor(deps), { concurrency: 8 });
  deps.runner.process('cdr.create', cdrCreateProcessor(deps), { concurrency: 4 });
  deps.runner.process('cdr.push', cdrPushProcessor(deps), { concurrency: 8 });
  deps.runner.process('reconcile.run', reconcileProcessor(deps));
  registered.push('session.push', 'cdr.create', 'cdr.push', 'reconcile.run');
  // Commands and charging profiles (issue 5, packages/bridge/src/commands).
  deps.runner.process('command.execute', commandExecuteProcessor(deps), { concurrency: 16 });
  deps.runner.process('command.result', commandResultProcessor(deps), { concurrency: 8 });
  deps.runner.process('reservation.push', reservationPushProcessor(deps), { concurrency: 4 });
  registered.push('command.execute', 'command.result', 'reservation.push');
  // Stations registered Pending are provisioned before they are accepted (interfaces.md).
  deps.runner.process('station.provision', stationProvisionProcessor(deps), { concurrency: 8 });
  registered.push('station.provision');
  // Station certificates: SignCertificate answered Accepted → signed and sent as CertificateSigned.
  deps.runner.process('certificate.sign', certificateSignProcessor(deps), { concurrency: 4 });
  registered.push('certificate.sign');
  scheduleReconcile(deps.runner).catch((err) => log.warn({ err }, 'could not schedule reconciliation'));
  for (const name of jobNames) {
    if (registered.includes(name)) continue;
    // Until the bridge lands, jobs are acknowledged and logged so the outbox never backs up.
    deps.runner.process(name, async (payload) => {
      log.debug({ job: name, payload }, 'job has no processor yet');
    });
    registered.push(name);
  }
  assertEveryJobHasOneProcessor(registered, jobNames);
}
