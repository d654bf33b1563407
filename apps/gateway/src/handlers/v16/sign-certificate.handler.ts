import type { HandlerContext } from '../handler.types.js';
import { decideSignCertificate } from '../shared/sign-certificate.js';

/**
 * 1.6 security whitepaper SignCertificate: Accepted when the hub has a station CA and the CSR is
 * the station's, then CertificateSigned from the worker; Rejected otherwise (why: station event).
 */
export async function signCertificate(payload: Record<string, unknown>, ctx: HandlerContext): Promise<object> {
  const { status } = await decideSignCertificate(payload, ctx);
  return { status };
}
