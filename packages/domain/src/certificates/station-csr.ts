import { createPublicKey } from 'node:crypto';
import { Pkcs10CertificateRequest } from './x509.js';

/** The key types a station certificate may carry. */
export type StationKeyType = 'rsa' | 'ec';

/** A CSR that parsed, verified and belongs to the station. */
export interface AcceptedCsr {
  ok: true;
  request: Pkcs10CertificateRequest;
  /** The CSR's subject as text, e.g. `CN=CP-001, O=ACME`. */
  subject: string;
  keyType: StationKeyType;
  /** `RSA 2048`, `EC P-256`, … */
  key: string;
}

/** Why a CSR is refused, in words for the station event. */
export interface RefusedCsr {
  ok: false;
  reason: string;
}

export type CsrCheck = AcceptedCsr | RefusedCsr;

const PEM = /-----BEGIN (NEW )?CERTIFICATE REQUEST-----([\s\S]*?)-----END (NEW )?CERTIFICATE REQUEST-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const CURVES: Readonly<Record<string, string>> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const MIN_RSA_BITS = 2048;

/**
 * Checks a station's PEM CSR (PKCS#10, RFC 2986) as the CSMS must before it signs (1.6 security
 * whitepaper A02/A03, 2.0.1 A02/A03): one PEM block, an RSA (≥ 2048 bits) or EC P-256/P-384/P-521
 * key, a self-signature that verifies, and exactly one subject CN equal to the station's identity
 * (the CN a security-profile-3 connection is matched on). Never throws.
 */
export async function checkStationCsr(pem: string, identity: string): Promise<CsrCheck> {
  const blocks = [...String(pem).matchAll(PEM)];
  if (blocks.length !== 1) {
    return refuse(blocks.length === 0 ? 'not a PEM certificate request' : 'more than one certificate request');
  }
  const body = blocks[0]![2]!.replace(/\s+/g, '');
  if (!BASE64.test(body)) return refuse('the PEM body is not base64');
  let request: Pkcs10CertificateRequest;
  try {
    request = new Pkcs10CertificateRequest(Buffer.from(body, 'base64'));
  } catch {
    return refuse('not a PKCS#10 certificate request');
  }
  const key = describeKey(request);
  if (typeof key === 'string') return refuse(key);
  try {
    if (!(await request.verify())) return refuse('the request signature does not verify');
  } catch {
    return refuse(`the request signature cannot be verified (${algorithmName(request)})`);
  }
  let names: string[];
  let subject: string;
  try {
    names = request.subjectName.getField('CN');
    subject = request.subject;
  } catch {
    return refuse('the subject cannot be read');
  }
  if (names.length !== 1) return refuse(`the subject has ${names.length} CNs, not one (${subject || 'empty'})`);
  if (names[0] !== identity) return refuse(`subject CN "${names[0]}" is not the station identity "${identity}"`);
  return { ok: true, request, subject, ...key };
}

function refuse(reason: string): RefusedCsr {
  return { ok: false, reason: `CSR refused: ${reason}` };
}

/** The CSR's key as `{ keyType, key }`, or why it is not acceptable. */
function describeKey(request: Pkcs10CertificateRequest): { keyType: StationKeyType; key: string } | string {
  let type: string | undefined;
  let details: { modulusLength?: number; namedCurve?: string } | undefined;
  try {
    const key = createPublicKey({ key: Buffer.from(request.publicKey.rawData), format: 'der', type: 'spki' });
    type = key.asymmetricKeyType;
    details = key.asymmetricKeyDetails;
  } catch {
    return 'its public key cannot be read';
  }
  if (type === 'rsa') {
    const bits = details?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) return `its RSA key has ${bits} bits (at least ${MIN_RSA_BITS} needed)`;
    return { keyType: 'rsa', key: `RSA ${bits}` };
  }
  if (type === 'ec') {
    const curve = CURVES[details?.namedCurve ?? ''];
    if (curve === undefined)
      return `its EC key is on curve ${details?.namedCurve ?? 'unknown'} (P-256, P-384 or P-521 needed)`;
    return { keyType: 'ec', key: `EC ${curve}` };
  }
  return `its key is ${type ?? 'of an unknown type'} (RSA or EC needed)`;
}

function algorithmName(request: Pkcs10CertificateRequest): string {
  try {
    const algorithm = request.signatureAlgorithm as { name?: string; hash?: { name?: string } };
    return [algorithm.name, algorithm.hash?.name].filter(Boolean).join(' ') || 'unknown algorithm';
  } catch {
    return 'unknown algorithm';
  }
}
