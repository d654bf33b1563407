import { createHash } from 'node:crypto';
import { checkStationCsr } from '@chargebridge/domain/certificates';
import type { HandlerContext } from '../handler.types.js';

/** How a SignCertificate was decided; 2.x answers carry the reason as `statusInfo`. */
export interface SignDecision {
  status: 'Accepted' | 'Rejected';
  /** 2.x reason code (Appendix 5 of 2.0.1 part 2), on a rejection. */
  reasonCode?: 'NotEnabled' | 'LowSecurityProfile' | 'UnsupportedRequest' | 'InvalidCSR';
  reason?: string;
}

/**
 * The job runs no earlier than this after the answer's commit, so the station has its Accepted
 * before the CertificateSigned CALL arrives (the answer goes out right after the commit).
 */
const ANSWER_FIRST_MS = 1_000;

/**
 * SignCertificate of any version (1.6 security whitepaper, 2.0.1/2.1 A02/A03). Rejected when the
 * hub has no station CA, for a station below STATION_CERT_MIN_SECURITY_PROFILE (default 2: one
 * authenticated over TLS), for a V2G certificate (no V2G root here), or when the CSR is not the
 * station's (bad PEM or signature, CN ≠ identity: `checkStationCsr`). Otherwise Accepted and, in
 * the same commit, a `certificate.sign` job: the worker signs and sends CertificateSigned. Every
 * request leaves a `SignCertificate` station event with the decision and why.
 */
export async function decideSignCertificate(
  payload: Record<string, unknown>,
  ctx: HandlerContext,
): Promise<SignDecision> {
  const { stationId, identity, version } = ctx.session;
  const csr = typeof payload.csr === 'string' ? payload.csr : '';
  const certificateType = typeof payload.certificateType === 'string' ? payload.certificateType : undefined;
  let decision: SignDecision;
  let key: string | undefined;
  if (ctx.config.stationCa === undefined) {
    decision = reject('NotEnabled', 'the hub has no station CA (STATION_CA_CERT / STATION_CA_KEY)');
  } else if (ctx.session.securityProfile < ctx.config.stationCertMinSecurityProfile) {
    decision = reject(
      'LowSecurityProfile',
      `the station connects under security profile ${ctx.session.securityProfile}; certificates are signed from profile ${ctx.config.stationCertMinSecurityProfile} (STATION_CERT_MIN_SECURITY_PROFILE)`,
    );
  } else if (certificateType !== undefined && certificateType !== 'ChargingStationCertificate') {
    decision = reject('UnsupportedRequest', `the hub signs no ${certificateType} (no V2G root)`);
  } else {
    const check = await checkStationCsr(csr, identity);
    if (check.ok) key = check.key;
    decision = check.ok ? { status: 'Accepted' } : reject('InvalidCSR', check.reason);
  }
  const requestId =
    version === '2.1' && Number.isInteger(payload.requestId) ? (payload.requestId as number) : undefined;
  await ctx.commit(async (repos, writes) => {
    await repos.stationActivity.addEvents([
      {
        stationId,
        kind: 'SignCertificate',
        payload: { ...payload, status: decision.status, ...(decision.reason ? { reason: decision.reason } : {}), key },
        occurredAt: ctx.receivedAt,
      },
    ]);
    if (decision.status !== 'Accepted') return;
    writes.addOutbox({
      topic: 'certificate.sign',
      jobKey: `certificate.sign:${stationId}:${createHash('sha256').update(csr).digest('hex').slice(0, 24)}`,
      payload: {
        stationId,
        csr,
        ...(certificateType ? { certificateType } : {}),
        ...(requestId === undefined ? {} : { requestId }),
      },
      availableAt: new Date(Date.now() + ANSWER_FIRST_MS),
    });
  });
  if (decision.status === 'Rejected') ctx.log.info({ reason: decision.reason }, 'SignCertificate rejected');
  return decision;
}

function reject(reasonCode: NonNullable<SignDecision['reasonCode']>, reason: string): SignDecision {
  return { status: 'Rejected', reasonCode, reason };
}
