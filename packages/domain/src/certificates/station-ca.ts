import { createPrivateKey, X509Certificate as NodeX509Certificate, webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { X509Certificate } from './x509.js';

/** The CA the hub signs station certificates with, ready to sign. */
export interface StationCa {
  /** The signing CA certificate: the first one of its PEM file. */
  readonly certificate: X509Certificate;
  /** The CA certificate and any issuers after it in its file, PEM: sent after every leaf. */
  readonly chainPem: string;
  /** The CA's private key, imported non-extractable. */
  readonly signingKey: webcrypto.CryptoKey;
  /** RSASSA-PKCS1-v1_5 with SHA-256, or ECDSA with the curve's hash (SHA-256/384/512). */
  readonly signingAlgorithm: { readonly name: string; readonly hash: string };
}

const CERTIFICATE_PEM = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const CURVES: Readonly<Record<string, { namedCurve: string; hash: string }>> = {
  prime256v1: { namedCurve: 'P-256', hash: 'SHA-256' },
  secp384r1: { namedCurve: 'P-384', hash: 'SHA-384' },
  secp521r1: { namedCurve: 'P-521', hash: 'SHA-512' },
};

/** Loads the CA from its files (STATION_CA_CERT / STATION_CA_KEY, already checked at start). */
export async function loadStationCa(files: { certFile: string; keyFile: string }): Promise<StationCa> {
  const [certificatePem, keyPem] = await Promise.all([
    readFile(files.certFile, 'utf8'),
    readFile(files.keyFile, 'utf8'),
  ]);
  return stationCaFromPem(certificatePem, keyPem);
}

/**
 * Builds the CA from PEM text: the first certificate signs, the ones after it (its issuers) only
 * travel in chains. The key must be the certificate's, RSA or EC P-256/P-384/P-521. Errors name
 * what is wrong, never the key's content.
 */
export async function stationCaFromPem(certificatePem: string, keyPem: string): Promise<StationCa> {
  const blocks = certificatePem.match(CERTIFICATE_PEM) ?? [];
  if (blocks.length === 0) throw new Error('the station CA file holds no PEM certificate');
  const own = new NodeX509Certificate(blocks[0]!);
  if (!own.ca) throw new Error('the station CA certificate is not a CA (no basicConstraints CA:TRUE)');
  let key: ReturnType<typeof createPrivateKey>;
  try {
    key = createPrivateKey(keyPem);
  } catch {
    throw new Error('the station CA key is not an unencrypted PEM private key');
  }
  if (!own.checkPrivateKey(key)) throw new Error('the station CA key is not the CA certificate’s key');
  const { importAlgorithm, signingAlgorithm } = algorithms(key.asymmetricKeyType, key.asymmetricKeyDetails?.namedCurve);
  const der = key.export({ format: 'der', type: 'pkcs8' });
  try {
    const signingKey = await webcrypto.subtle.importKey('pkcs8', der, importAlgorithm, false, ['sign']);
    return Object.freeze({
      certificate: new X509Certificate(blocks[0]!),
      chainPem: blocks.join('\n'),
      signingKey,
      signingAlgorithm,
    });
  } finally {
    der.fill(0);
  }
}

function algorithms(type: string | undefined, curve: string | undefined) {
  if (type === 'rsa') {
    const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    return { importAlgorithm: rsa, signingAlgorithm: rsa };
  }
  const ec = CURVES[curve ?? ''];
  if (type === 'ec' && ec !== undefined) {
    return {
      importAlgorithm: { name: 'ECDSA', namedCurve: ec.namedCurve },
      signingAlgorithm: { name: 'ECDSA', hash: ec.hash },
    };
  }
  throw new Error('the station CA key must be RSA or EC P-256/P-384/P-521');
}
