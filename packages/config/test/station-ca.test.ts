import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../../test/gateway/helpers/test-certificates.js';
import { ConfigError, knownVariables, loadConfig } from '../src/index.js';

let pki: TestPki;

beforeAll(() => {
  pki = createTestPki();
});

afterAll(() => pki?.cleanup());

/** The one line a bad value stops the process with. */
function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('station CA (STATION_CA_CERT, STATION_CA_KEY, STATION_CERT_DAYS)', () => {
  it('is off by default; certificates are valid 365 days', () => {
    const config = loadConfig({});
    expect(config.stationCa).toBeUndefined();
    expect(config.stationCertDays).toBe(365);
    for (const name of ['STATION_CA_CERT', 'STATION_CA_KEY', 'STATION_CERT_DAYS'])
      expect(knownVariables).toContain(name);
  });

  it('keeps the paths of a CA certificate and its key (never their content)', () => {
    const config = loadConfig({ STATION_CA_CERT: pki.ca, STATION_CA_KEY: pki.caKey, STATION_CERT_DAYS: '90' });
    expect(config.stationCa).toEqual({ certFile: pki.ca, keyFile: pki.caKey });
    expect(config.stationCertDays).toBe(90);
    expect(JSON.stringify(config)).not.toContain('PRIVATE KEY');
  });

  it('needs both files', () => {
    expect(problem({ STATION_CA_CERT: pki.ca })).toBe(
      'configuration error: STATION_CA_KEY must be set together with STATION_CA_CERT',
    );
    expect(problem({ STATION_CA_KEY: pki.caKey })).toBe(
      'configuration error: STATION_CA_CERT must be set together with STATION_CA_KEY',
    );
  });

  it('refuses unreadable files, a certificate that is no CA and a key that is not the CA’s', () => {
    const missing = join(pki.dir, 'missing.pem');
    expect(problem({ STATION_CA_CERT: missing, STATION_CA_KEY: pki.caKey })).toBe(
      `configuration error: STATION_CA_CERT cannot be read (ENOENT): ${missing}`,
    );
    expect(problem({ STATION_CA_CERT: pki.ca, STATION_CA_KEY: missing })).toBe(
      `configuration error: STATION_CA_KEY cannot be read (ENOENT): ${missing}`,
    );
    expect(problem({ STATION_CA_CERT: pki.caKey, STATION_CA_KEY: pki.caKey })).toMatch(
      /^configuration error: STATION_CA_CERT is not a PEM certificate: /,
    );
    expect(problem({ STATION_CA_CERT: pki.serverCert, STATION_CA_KEY: pki.serverKey })).toMatch(
      /^configuration error: STATION_CA_CERT is not a CA certificate/,
    );
    const rogueKey = join(pki.dir, 'rogue.key');
    const line = problem({ STATION_CA_CERT: pki.ca, STATION_CA_KEY: rogueKey });
    expect(line).toBe(
      `configuration error: STATION_CA_KEY is not the private key of the certificate in STATION_CA_CERT (${rogueKey})`,
    );
    expect(line).not.toContain('PRIVATE KEY');
  });

  it('refuses a key file that holds no usable key, or an encrypted one, without echoing it', () => {
    const garbled = join(pki.dir, 'garbled.key');
    writeFileSync(garbled, '-----BEGIN PRIVATE KEY-----\nAAAAsecretish\n-----END PRIVATE KEY-----\n');
    const line = problem({ STATION_CA_CERT: pki.ca, STATION_CA_KEY: garbled });
    expect(line).toBe(`configuration error: STATION_CA_KEY is not an unencrypted PEM private key: ${garbled}`);
    expect(line).not.toContain('secretish');
    const encrypted = join(pki.dir, 'encrypted.key');
    execFileSync('openssl', ['pkey', '-in', pki.caKey, '-aes256', '-passout', 'pass:secret', '-out', encrypted]);
    expect(problem({ STATION_CA_CERT: pki.ca, STATION_CA_KEY: encrypted })).toBe(
      `configuration error: STATION_CA_KEY is not an unencrypted PEM private key: ${encrypted}`,
    );
  });

  it('refuses a validity that is not a whole number of days between 1 and 3650', () => {
    expect(problem({ STATION_CERT_DAYS: '0' })).toMatch(/^configuration error: STATION_CERT_DAYS must be between 1/);
    expect(problem({ STATION_CERT_DAYS: '1.5' })).toMatch(/STATION_CERT_DAYS must be a whole number of days/);
    expect(problem({ STATION_CERT_DAYS: 'forever' })).toMatch(/STATION_CERT_DAYS/);
  });
});
