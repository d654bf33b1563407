import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, X509Certificate as NodeCertificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkStationCsr,
  issueStationCertificate,
  signStationCsr,
  stationCaFromPem,
} from '../../src/certificates/index.js';
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectKeyIdentifierExtension,
  X509Certificate,
} from '../../src/certificates/x509.js';
import { type KeySpec, testCa, testCsr } from './certificate-fixtures.js';

const DAY_MS = 86_400_000;
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

async function signedBy(caSpec: KeySpec, csrSpec: KeySpec, identity = 'CP-001') {
  const ca = await testCa(caSpec);
  const stationCa = await stationCaFromPem(ca.certificatePem, ca.keyPem);
  const csr = await testCsr(csrSpec, `CN=${identity}, O=ACME Charging`);
  const now = new Date();
  const result = await signStationCsr(stationCa, csr, identity, { days: 30, now });
  if (!result.ok) throw new Error(result.reason);
  return { ca, now, issued: result.certificate, leaf: new NodeCertificate(result.certificate.pem) };
}

describe('station certificates: the hub signs a station CSR with its CA', () => {
  it.each([
    ['RSA-2048', 'P-256'],
    ['P-256', 'RSA-2048'],
    ['P-384', 'P-384'],
    ['RSA-2048', 'RSA-2048'],
  ] as const)(
    'a %s CSR signed by a %s CA verifies against the CA, with the CSR subject and clientAuth',
    async (csrSpec, caSpec) => {
      const { ca, now, issued, leaf } = await signedBy(caSpec, csrSpec);
      const caCertificate = new NodeCertificate(ca.certificatePem);

      expect(leaf.verify(caCertificate.publicKey)).toBe(true);
      expect(leaf.checkIssued(caCertificate)).toBe(true);
      expect(leaf.subject).toBe('CN=CP-001\nO=ACME Charging');
      expect(leaf.issuer).toBe(caCertificate.subject);
      expect(leaf.ca).toBe(false);
      expect(leaf.keyUsage).toEqual([CLIENT_AUTH]);
      expect(new Date(leaf.validFrom).getTime()).toBe(Math.floor((now.getTime() - 5 * 60_000) / 1000) * 1000);
      expect(new Date(leaf.validTo).getTime()).toBe(Math.floor((now.getTime() + 30 * DAY_MS) / 1000) * 1000);
      expect(issued.notAfter.getTime()).toBe(new Date(leaf.validTo).getTime());
      expect(issued.serialNumber).toBe(leaf.serialNumber);
      expect(issued.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
    },
  );

  it('has the v3 extensions a client certificate needs: CA:false, key usage by key type, key identifiers', async () => {
    for (const [csrSpec, usage] of [
      ['RSA-2048', KeyUsageFlags.digitalSignature | KeyUsageFlags.keyEncipherment],
      ['P-256', KeyUsageFlags.digitalSignature | KeyUsageFlags.keyAgreement],
    ] as const) {
      const { ca, issued } = await signedBy('P-256', csrSpec);
      const leaf = new X509Certificate(issued.pem);
      const basic = leaf.getExtension(BasicConstraintsExtension)!;
      expect({ ca: basic.ca, critical: basic.critical }).toEqual({ ca: false, critical: true });
      const keyUsage = leaf.getExtension(KeyUsagesExtension)!;
      expect({ usages: keyUsage.usages, critical: keyUsage.critical }).toEqual({ usages: usage, critical: true });
      expect(leaf.getExtension(ExtendedKeyUsageExtension)!.usages).toEqual([CLIENT_AUTH]);
      const ski = leaf.getExtension(SubjectKeyIdentifierExtension)!.keyId;
      const spki = new Uint8Array(leaf.publicKey.rawData);
      expect(ski).toHaveLength(40);
      expect(ski).toBe(keyIdentifier(spki));
      const caSki = ca.certificate.getExtension(SubjectKeyIdentifierExtension)!.keyId;
      expect(leaf.getExtension(AuthorityKeyIdentifierExtension)!.keyId).toBe(caSki);
    }
  });

  it('passes OpenSSL’s own check as a TLS client certificate of the CA (X.509 v3, purpose sslclient)', async () => {
    const { ca, issued } = await signedBy('RSA-2048', 'P-256');
    const dir = mkdtempSync(join(tmpdir(), 'cb-cert-'));
    try {
      writeFileSync(join(dir, 'ca.pem'), ca.certificatePem);
      writeFileSync(join(dir, 'leaf.pem'), issued.pem);
      const verify = execFileSync('openssl', ['verify', '-CAfile', 'ca.pem', '-purpose', 'sslclient', 'leaf.pem'], {
        cwd: dir,
      });
      expect(verify.toString()).toBe('leaf.pem: OK\n');
      const text = execFileSync('openssl', ['x509', '-in', 'leaf.pem', '-noout', '-text'], { cwd: dir }).toString();
      expect(text).toContain('Version: 3 (0x2)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sends the leaf first, then the CA certificate; serials differ per certificate', async () => {
    const { ca, issued } = await signedBy('P-256', 'P-256');
    const blocks = issued.certificateChain.match(PEM_BLOCK)!;
    expect(blocks).toHaveLength(2);
    expect(new NodeCertificate(blocks[0]!).serialNumber).toBe(issued.serialNumber);
    expect(new NodeCertificate(blocks[1]!).fingerprint256).toBe(new NodeCertificate(ca.certificatePem).fingerprint256);
    const again = await signedBy('P-256', 'P-256');
    expect(again.issued.serialNumber).not.toBe(issued.serialNumber);
  });

  it('never signs past the CA’s own end of validity', async () => {
    const ca = await testCa('P-256');
    const stationCa = await stationCaFromPem(ca.certificatePem, ca.keyPem);
    const csr = await checkStationCsr(await testCsr('P-256', 'CN=CP-LONG'), 'CP-LONG');
    if (!csr.ok) throw new Error(csr.reason);
    const issued = await issueStationCertificate(stationCa, csr, { days: 3650 });
    expect(issued.notAfter.getTime()).toBe(ca.certificate.notAfter.getTime());
  });
});

describe('station CSR checks (the CSMS checks the CSR belongs to the station)', () => {
  it('accepts a CSR whose only CN is the station identity and reports its key', async () => {
    const rsa = await checkStationCsr(await testCsr('RSA-2048', 'CN=CP-7, O=ACME'), 'CP-7');
    expect(rsa).toMatchObject({ ok: true, keyType: 'rsa', key: 'RSA 2048', subject: 'CN=CP-7, O=ACME' });
    const ec = await checkStationCsr(await testCsr('P-384', 'CN=CP-7'), 'CP-7');
    expect(ec).toMatchObject({ ok: true, keyType: 'ec', key: 'EC P-384' });
  });

  it('refuses a CSR whose CN is another station — and signs nothing', async () => {
    const ca = await testCa('P-256');
    const stationCa = await stationCaFromPem(ca.certificatePem, ca.keyPem);
    const result = await signStationCsr(stationCa, await testCsr('P-256', 'CN=CP-OTHER'), 'CP-001', { days: 1 });
    expect(result).toEqual({
      ok: false,
      reason: 'CSR refused: subject CN "CP-OTHER" is not the station identity "CP-001"',
    });
  });

  it('refuses a CSR without a CN, or with two', async () => {
    expect(await checkStationCsr(await testCsr('P-256', 'O=ACME'), 'CP-1')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('0 CNs'),
    });
    expect(await checkStationCsr(await testCsr('P-256', 'CN=CP-1, CN=CP-2'), 'CP-1')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('2 CNs'),
    });
  });

  it('refuses a CSR whose signature does not verify (tampered subject)', async () => {
    const pem = await testCsr('P-256', 'CN=CP-AAAA');
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const at = der.indexOf(Buffer.from('CP-AAAA'));
    der.write('CP-BBBB', at, 'latin1');
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    expect(await checkStationCsr(tampered, 'CP-BBBB')).toEqual({
      ok: false,
      reason: 'CSR refused: the request signature does not verify',
    });
  });

  it('refuses what is not one PEM CSR, and weak keys', async () => {
    const csr = await testCsr('P-256', 'CN=CP-1');
    const reason = async (pem: string) => ((await checkStationCsr(pem, 'CP-1')) as { reason?: string }).reason;
    expect(await reason('hello')).toBe('CSR refused: not a PEM certificate request');
    expect(await reason(`${csr}\n${csr}`)).toBe('CSR refused: more than one certificate request');
    expect(await reason('-----BEGIN CERTIFICATE REQUEST-----\n%%%\n-----END CERTIFICATE REQUEST-----')).toBe(
      'CSR refused: the PEM body is not base64',
    );
    expect(await reason('-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----')).toBe(
      'CSR refused: not a PKCS#10 certificate request',
    );
    expect(await reason(await testCsr('RSA-1024', 'CN=CP-1'))).toBe(
      'CSR refused: its RSA key has 1024 bits (at least 2048 needed)',
    );
    // The older armor some stations use is accepted.
    expect(
      await checkStationCsr(csr.replaceAll('CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'), 'CP-1'),
    ).toMatchObject({ ok: true });
  });
});

describe('the station CA', () => {
  it('signs with the first certificate of its file; the ones after it (its issuers) follow in every chain', async () => {
    const ca = await testCa('P-256');
    const root = await testCa('P-384', 'CN=Root');
    const stationCa = await stationCaFromPem(`${ca.certificatePem}\n${root.certificatePem}\n`, ca.keyPem);
    const signed = await signStationCsr(stationCa, await testCsr('P-256', 'CN=CP-9'), 'CP-9', { days: 1 });
    if (!signed.ok) throw new Error(signed.reason);
    const chain = signed.certificate.certificateChain.match(PEM_BLOCK)!.map((pem) => new NodeCertificate(pem));
    expect(chain.map((c) => c.subject)).toEqual(['CN=CP-9', 'CN=Station CA\nO=chargebridge tests', 'CN=Root']);
    expect(chain[0]!.verify(chain[1]!.publicKey)).toBe(true);
  });

  it('refuses a key that is not the CA certificate’s, and a certificate that is not a CA', async () => {
    const a = await testCa('P-256');
    const b = await testCa('P-256');
    await expect(stationCaFromPem(a.certificatePem, b.keyPem)).rejects.toThrow(/not the CA certificate’s key/);
    const { issued } = await signedBy('P-256', 'P-256');
    await expect(stationCaFromPem(issued.pem, a.keyPem)).rejects.toThrow(/not a CA/);
  });
});

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits (RSAPublicKey DER, or the EC point). */
function keyIdentifier(spki: Uint8Array): string {
  const key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  const bits =
    key.asymmetricKeyType === 'rsa'
      ? key.export({ type: 'pkcs1', format: 'der' })
      : (() => {
          const jwk = key.export({ format: 'jwk' });
          return Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
        })();
  return createHash('sha1').update(bits).digest('hex');
}
