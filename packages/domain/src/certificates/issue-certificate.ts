import { randomBytes } from 'node:crypto';
import type { StationCa } from './station-ca.js';
import { type AcceptedCsr, checkStationCsr } from './station-csr.js';
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
} from './x509.js';

/** A station certificate the hub signed. */
export interface IssuedCertificate {
  /** The leaf, PEM. */
  pem: string;
  /** The leaf followed by the CA certificate (and its issuers): CertificateSigned `certificateChain`. */
  certificateChain: string;
  /** Hex, as `openssl x509 -serial` prints it. */
  serialNumber: string;
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
}

/** A leaf is valid from a little before now, for clocks that run behind. */
const BACKDATE_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/**
 * Signs a checked CSR with the station CA: X.509 v3, a random positive 16-byte serial, valid from
 * now − 5 min for `days` (never past the CA's own end), the CSR's subject and key, the CA's subject
 * as issuer, basicConstraints CA:FALSE, keyUsage digitalSignature + keyEncipherment (RSA) or
 * keyAgreement (EC), extKeyUsage clientAuth, subject and authority key identifiers. Other
 * extensions the CSR asks for are not copied.
 */
export async function issueStationCertificate(
  ca: StationCa,
  csr: AcceptedCsr,
  options: { days: number; now?: Date },
): Promise<IssuedCertificate> {
  const now = options.now ?? new Date();
  const notBefore = new Date(now.getTime() - BACKDATE_MS);
  const notAfter = new Date(Math.min(now.getTime() + options.days * DAY_MS, ca.certificate.notAfter.getTime()));
  const usage =
    KeyUsageFlags.digitalSignature |
    (csr.keyType === 'rsa' ? KeyUsageFlags.keyEncipherment : KeyUsageFlags.keyAgreement);
  const certificate = await X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: csr.request.subjectName,
    issuer: ca.certificate.subjectName,
    notBefore,
    notAfter,
    publicKey: csr.request.publicKey,
    signingKey: ca.signingKey,
    signingAlgorithm: ca.signingAlgorithm,
    extensions: [
      new BasicConstraintsExtension(false, undefined, true),
      new KeyUsagesExtension(usage, true),
      new ExtendedKeyUsageExtension([ExtendedKeyUsage.clientAuth], false),
      await SubjectKeyIdentifierExtension.create(csr.request.publicKey),
      await authorityKeyIdentifier(ca),
    ],
  });
  const pem = certificate.toString('pem');
  return {
    pem,
    certificateChain: `${pem}\n${ca.chainPem}\n`,
    serialNumber: certificate.serialNumber.toUpperCase(),
    subject: certificate.subject,
    issuer: certificate.issuer,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
  };
}

/** Checks a station's CSR and, when it is acceptable, signs it (see the two functions). */
export async function signStationCsr(
  ca: StationCa,
  csrPem: string,
  identity: string,
  options: { days: number; now?: Date },
): Promise<{ ok: true; certificate: IssuedCertificate } | { ok: false; reason: string }> {
  const csr = await checkStationCsr(csrPem, identity);
  if (!csr.ok) return csr;
  return { ok: true, certificate: await issueStationCertificate(ca, csr, options) };
}

/** 16 random bytes, top bit clear (a positive INTEGER) and the next set (always 16 bytes long). */
function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return bytes.toString('hex');
}

/** The CA's own subject key identifier when it has one, else one derived from its public key. */
async function authorityKeyIdentifier(ca: StationCa): Promise<AuthorityKeyIdentifierExtension> {
  const own = ca.certificate.getExtension(SubjectKeyIdentifierExtension);
  if (own) return new AuthorityKeyIdentifierExtension(own.keyId, false);
  return AuthorityKeyIdentifierExtension.create(ca.certificate.publicKey, false);
}
