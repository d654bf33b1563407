import { type IssuedCertificate, type StationCa, signStationCsr } from '@chargebridge/domain/certificates';
import type { JobPayloads } from '@chargebridge/jobs';
import { StationCallError, type StationCalls } from '@chargebridge/routing';
import type { Repositories } from '@chargebridge/store';
import type { Logger } from 'pino';

type Json = Record<string, unknown>;

export interface CertificateDeliveryDeps {
  repos: Repositories;
  calls: Pick<StationCalls, 'call'>;
  logger: Logger;
  /** The station CA, loaded once; undefined when this process has none configured. */
  ca: (() => Promise<StationCa>) | undefined;
  /** STATION_CERT_DAYS. */
  days: number;
  callTimeoutMs: number;
}

/** How a run ended (a run that should be tried again throws instead). */
export type DeliveryResult = 'skipped' | 'delivered' | 'refused' | 'undelivered';

/** Unreachable for now: worth another attempt of the job. */
const TRANSIENT = new Set(['station_offline', 'call_timeout']);

/**
 * `certificate.sign`: checks the CSR again, signs it with the station CA and sends the station
 * CertificateSigned (1.6 `{ certificateChain }`; 2.x with `certificateType:
 * 'ChargingStationCertificate'`, and 2.1 with the request's `requestId`), the chain being the leaf
 * and the CA certificate(s). A station that is offline or does not answer throws the call error
 * while attempts remain (the job retries, signing afresh); otherwise the outcome is a station event:
 * `CertificateSigned` (serial, validity, the station's answer) or `CertificateSigningFailed` (why).
 * Neither event nor log holds key material.
 */
export async function signAndDeliver(
  deps: CertificateDeliveryDeps,
  job: JobPayloads['certificate.sign'],
  lastAttempt: boolean,
): Promise<DeliveryResult> {
  const station = await deps.repos.stations.findById(job.stationId);
  if (station === undefined) return 'skipped';
  const log = deps.logger.child({ stationId: station.identity });
  const failed = async (reason: string, extra: Json = {}) => {
    log.info({ reason }, 'station certificate not delivered');
    await event(deps, station.id, 'CertificateSigningFailed', { reason, ...extra });
  };
  if (deps.ca === undefined) {
    await failed('this worker has no station CA (STATION_CA_CERT / STATION_CA_KEY)');
    return 'refused';
  }
  let ca: StationCa;
  try {
    ca = await deps.ca();
  } catch (error) {
    await failed(`the station CA cannot be loaded: ${error instanceof Error ? error.message : String(error)}`);
    return 'refused';
  }
  const signed = await signStationCsr(ca, job.csr, station.identity, { days: deps.days });
  if (!signed.ok) {
    await failed(signed.reason);
    return 'refused';
  }
  const certificate = signed.certificate;
  const version = station.protocol ?? '1.6';
  const request: Json = { certificateChain: certificate.certificateChain };
  if (version !== '1.6') request.certificateType = 'ChargingStationCertificate';
  if (version === '2.1' && job.requestId !== undefined) request.requestId = job.requestId;
  let answer: Json;
  try {
    answer = await deps.calls.call<Json>(station.identity, 'CertificateSigned', request, {
      timeoutMs: deps.callTimeoutMs,
    });
  } catch (error) {
    if (!(error instanceof StationCallError)) throw error;
    if (TRANSIENT.has(error.code) && !lastAttempt) throw error;
    const detail = error.details.description ? `: ${error.details.description}` : '';
    await failed(`CertificateSigned not answered (${error.code}): ${error.message}${detail}`, {
      code: error.code,
      ...summary(certificate),
    });
    return 'undelivered';
  }
  await event(deps, station.id, 'CertificateSigned', {
    ...summary(certificate),
    status: String(answer?.status),
    ...(answer?.statusInfo ? { status_info: answer.statusInfo } : {}),
  });
  log.info({ serial: certificate.serialNumber, status: answer?.status }, 'station certificate delivered');
  return 'delivered';
}

/** What the events keep of a certificate: public facts only. */
function summary(certificate: IssuedCertificate): Json {
  return {
    serial_number: certificate.serialNumber,
    subject: certificate.subject,
    issuer: certificate.issuer,
    not_before: certificate.notBefore.toISOString(),
    not_after: certificate.notAfter.toISOString(),
  };
}

async function event(deps: CertificateDeliveryDeps, stationId: number, kind: string, payload: Json): Promise<void> {
  await deps.repos.stationActivity.addEvents([{ stationId, kind, payload, occurredAt: new Date() }]);
}
