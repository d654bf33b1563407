import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PEM files of a throwaway PKI made with the machine's `openssl`. */
export interface TestPki {
  dir: string;
  ca: string;
  /** The CA's private key (EC P-256), e.g. as STATION_CA_KEY. */
  caKey: string;
  serverCert: string;
  serverKey: string;
  /** Client certificate + key for a CN, signed by the test CA (or by a rogue CA). */
  client(cn: string, options?: { rogue?: boolean }): { cert: string; key: string };
  /** A new key and a PEM CSR for `/CN=cn` (as a station makes for SignCertificate). */
  csr(cn: string, options?: { key?: 'ec' | 'rsa'; subject?: string }): { csr: string; key: string };
  cleanup(): void;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

function selfSignedCa(dir: string, name: string, days = 2): void {
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      String(days),
      '-subj',
      `/CN=${name}`,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
    ],
    dir,
  );
}

function signed(dir: string, ca: string, name: string, cn: string, ext?: string): void {
  openssl(
    [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-subj',
      `/CN=${cn}`,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
    ],
    dir,
  );
  const args = [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-days',
    '2',
    '-out',
    `${name}.pem`,
  ];
  if (ext) {
    writeFileSync(join(dir, `${name}.ext`), ext);
    args.push('-extfile', `${name}.ext`);
  }
  openssl(args, dir);
}

/**
 * Generates a CA (valid `caDays`, default 2), a server certificate for localhost / 127.0.0.1, and
 * client certificates on demand.
 */
export function createTestPki(options: { caDays?: number } = {}): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'cb-pki-'));
  selfSignedCa(dir, 'ca', options.caDays);
  selfSignedCa(dir, 'rogue');
  signed(dir, 'ca', 'server', 'localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  let n = 0;
  return {
    dir,
    ca: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca.key'),
    serverCert: join(dir, 'server.pem'),
    serverKey: join(dir, 'server.key'),
    client(cn, options = {}) {
      const name = `client${n++}`;
      signed(dir, options.rogue ? 'rogue' : 'ca', name, cn, 'extendedKeyUsage=clientAuth\n');
      return { cert: join(dir, `${name}.pem`), key: join(dir, `${name}.key`) };
    },
    csr(cn, options = {}) {
      const name = `station${n++}`;
      const key = options.key === 'rsa' ? ['rsa:2048'] : ['ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];
      const subject = options.subject ?? `/CN=${cn}/O=ACME Charging`;
      openssl(
        ['req', '-new', '-newkey', ...key, '-nodes', '-subj', subject, '-keyout', `${name}.key`, '-out', `${name}.csr`],
        dir,
      );
      return { csr: readFileSync(join(dir, `${name}.csr`), 'utf8'), key: join(dir, `${name}.key`) };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
