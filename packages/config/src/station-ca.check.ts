import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error.js';

/** Where the station CA's PEM files are (the worker loads them when it signs). */
export interface StationCaFiles {
  /** The CA certificate first; further certificates in the file (its issuers) join every chain sent. */
  readonly certFile: string;
  /** Its private key, unencrypted PEM (PKCS#8, PKCS#1 or SEC1); RSA or EC P-256/P-384/P-521. */
  readonly keyFile: string;
}

const CURVES = new Set(['prime256v1', 'secp384r1', 'secp521r1']);

/**
 * STATION_CA_CERT / STATION_CA_KEY: both or neither; each readable, the certificate a CA, the key
 * RSA or EC and the certificate's own. Throws `ConfigError` naming the variable; the messages
 * name files, never their content.
 */
export function checkStationCa(certFile: string | undefined, keyFile: string | undefined): StationCaFiles | undefined {
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (certFile === undefined) throw new ConfigError('STATION_CA_CERT', 'must be set together with STATION_CA_KEY');
  if (keyFile === undefined) throw new ConfigError('STATION_CA_KEY', 'must be set together with STATION_CA_CERT');
  const certificate = readCertificate(certFile);
  const key = readKey(keyFile);
  if (!certificate.checkPrivateKey(key)) {
    throw new ConfigError(
      'STATION_CA_KEY',
      `is not the private key of the certificate in STATION_CA_CERT (${keyFile})`,
    );
  }
  return Object.freeze({ certFile, keyFile });
}

function read(variable: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(variable, `cannot be read (${code}): ${file}`);
  }
}

function readCertificate(file: string): X509Certificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(read('STATION_CA_CERT', file));
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError('STATION_CA_CERT', `is not a PEM certificate: ${file}`);
  }
  if (!certificate.ca) {
    throw new ConfigError('STATION_CA_CERT', `is not a CA certificate (no basicConstraints CA:TRUE): ${file}`);
  }
  return certificate;
}

function readKey(file: string): KeyObject {
  const pem = read('STATION_CA_KEY', file);
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    // The parser's message is dropped on purpose: it is not needed and must not echo key bytes.
    throw new ConfigError('STATION_CA_KEY', `is not an unencrypted PEM private key: ${file}`);
  }
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const supported =
    key.asymmetricKeyType === 'rsa' || (key.asymmetricKeyType === 'ec' && curve !== undefined && CURVES.has(curve));
  if (!supported) {
    throw new ConfigError('STATION_CA_KEY', `must be an RSA or EC P-256/P-384/P-521 key: ${file}`);
  }
  return key;
}
