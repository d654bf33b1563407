import type { HandlerContext } from '../handler.types.js';
import { decideSignCertificate } from '../shared/sign-certificate.js';

/** StatusInfoType.additionalInfo is at most 512 characters. */
const ADDITIONAL_INFO_MAX = 512;

/**
 * 2.0.1 / 2.1 A02/A03 SignCertificate: as 1.6 (see `decideSignCertificate`); a rejection carries
 * `statusInfo` (InvalidCSR, NotEnabled without a CA, UnsupportedRequest for V2GCertificate).
 */
export async function signCertificate(payload: Record<string, unknown>, ctx: HandlerContext): Promise<object> {
  const { status, reasonCode, reason } = await decideSignCertificate(payload, ctx);
  if (reasonCode === undefined) return { status };
  return {
    status,
    statusInfo: { reasonCode, ...(reason ? { additionalInfo: reason.slice(0, ADDITIONAL_INFO_MAX) } : {}) },
  };
}
