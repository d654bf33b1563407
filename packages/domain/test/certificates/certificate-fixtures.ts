/**
 * Throwaway keys, CAs and CSRs for the certificate tests, made with `@peculiar/x509` and WebCrypto
 * (the library's own generators; the code under test only parses and signs).
 */
import 'reflect-metadata';
import { KeyObject, webcrypto } from 'node:crypto';
import {
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  Pkcs10CertificateRequestGenerator,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
} from '@peculiar/x509';

export type KeySpec = 'RSA-2048' | 'RSA-1024' | 'P-256' | 'P-384';

const ALGORITHMS: Record<KeySpec, webcrypto.RsaHashedKeyGenParams | (webcrypto.EcKeyGenParams & { hash: string })> = {
  'RSA-2048': {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
  },
  'RSA-1024': {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    modulusLength: 1024,
    publicExponent: new Uint8Array([1, 0, 1]),
  },
  'P-256': { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' },
  'P-384': { name: 'ECDSA', namedCurve: 'P-384', hash: 'SHA-384' },
};

export async function keyPair(spec: KeySpec): Promise<webcrypto.CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ALGORITHMS[spec], true, ['sign', 'verify']) as Promise<webcrypto.CryptoKeyPair>;
}

/** A self-signed CA: its certificate and private key as PEM. */
export async function testCa(spec: KeySpec, name = 'CN=Station CA, O=chargebridge tests') {
  const keys = await keyPair(spec);
  const certificate = await X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name,
    notBefore: new Date(Date.now() - 60_000),
    notAfter: new Date(Date.now() + 3 * 365 * 86_400_000),
    signingAlgorithm: ALGORITHMS[spec],
    keys,
    extensions: [
      new BasicConstraintsExtension(true, 0, true),
      new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
      await SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const keyPem = KeyObject.from(keys.privateKey).export({ type: 'pkcs8', format: 'pem' }) as string;
  return { certificatePem: certificate.toString('pem'), keyPem, certificate };
}

/** A PEM CSR for `subject` with a fresh key of `spec`. */
export async function testCsr(spec: KeySpec, subject: string): Promise<string> {
  const keys = await keyPair(spec);
  const csr = await Pkcs10CertificateRequestGenerator.create({
    name: subject,
    keys,
    signingAlgorithm: ALGORITHMS[spec],
  });
  return csr.toString('pem');
}
