import { loadStationCa, type StationCa } from '@chargebridge/domain/certificates';
import { type JobHandler, UnrecoverableJobError } from '@chargebridge/jobs';
import { repositories } from '@chargebridge/store';
import { signAndDeliver } from '../certificates/certificate-delivery.js';
import type { WorkerDeps } from '../deps.js';

/** `certificate.sign`: sign a station's CSR and send it CertificateSigned (see signAndDeliver). */
export function certificateSignProcessor(deps: WorkerDeps): JobHandler<'certificate.sign'> {
  const logger = deps.logger.child({ component: 'certificate-sign' });
  const files = deps.config.stationCa;
  let loaded: Promise<StationCa> | undefined;
  // Loaded on first use and kept; a failed load is tried again by the next job.
  const ca = files
    ? () => {
        loaded ??= loadStationCa(files).catch((error: unknown) => {
          loaded = undefined;
          throw error;
        });
        return loaded;
      }
    : undefined;
  return async (payload, context) => {
    if (!deps.stationCalls) throw new UnrecoverableJobError('this worker has no station-call service');
    await signAndDeliver(
      {
        repos: repositories(deps.store.db),
        calls: deps.stationCalls,
        logger,
        ca,
        days: deps.config.stationCertDays,
        callTimeoutMs: deps.config.ocppCallTimeoutMs,
      },
      payload,
      context.attempt >= context.maxAttempts,
    );
  };
}
