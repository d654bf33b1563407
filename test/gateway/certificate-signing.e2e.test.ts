/**
 * The hub signs station certificates (1.6 security whitepaper A02/A03, 2.0.1/2.1 A02/A03):
 * SignCertificate → Accepted → CertificateSigned with the leaf and the station CA, against the hub
 * as `startHub` composes it (PostgreSQL + BullMQ on Redis) and independent strict ocpp-rpc
 * stations whose keys and CSRs come from the machine's `openssl`. A station on security profile 3
 * then connects with the certificate it was given (TLS_CA is the station CA).
 */
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { freePort } from '../support/free-port.js';
import { startTestHub, type TestHub } from '../support/test-hub.js';
import { aStation, seedParty, startGateway } from './helpers/gateway-harness.js';
import { ocppStation, type StationVersion } from './helpers/ocpp-station.js';
import { stationEvents } from './helpers/station-events.js';
import { createTestPki, type TestPki } from './helpers/test-certificates.js';

type Json = Record<string, unknown>;
type Store = TestDatabase['store'];

const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const DAY_MS = 86_400_000;
const clients: RPCClient[] = [];

/** A strict station that logs, in order, its answers and the CALLs it receives. */
function station(url: string, identity: string, version: StationVersion, wsOpts?: Json) {
  const client = ocppStation({ url, identity, version, extra: wsOpts ? ({ wsOpts } as never) : undefined });
  clients.push(client);
  const log: string[] = [];
  const signed = new Promise<Json>((resolve) => {
    client.handle('CertificateSigned', async ({ params }) => {
      log.push('CertificateSigned');
      resolve(params as Json);
      return { status: 'Accepted' };
    });
  });
  const boot = async () => {
    await client.connect();
    const answer = (await client.call(
      'BootNotification',
      version === '1.6'
        ? { chargePointVendor: 'ACME', chargePointModel: 'W1' }
        : { reason: 'PowerUp', chargingStation: { vendorName: 'ACME', model: 'W2' } },
    )) as Json;
    expect(answer.status).toBe('Accepted');
  };
  const sign = async (payload: Json) => {
    const answer = (await client.call('SignCertificate', payload)) as Json;
    log.push(`SignCertificate ${answer.status}`);
    return answer;
  };
  return { client, log, signed, boot, sign };
}

/** `certificate.sign` outbox rows queued for the station. */
async function signJobs(store: Store, stationId: number): Promise<number> {
  const rows = await store.db.selectFrom('outbox').select('payload').where('topic', '=', 'certificate.sign').execute();
  return rows.filter((r) => (r.payload as Json).stationId === stationId).length;
}

/** The certificates of a chain, leaf first. */
function certificates(chain: unknown): X509Certificate[] {
  return (String(chain).match(PEM_BLOCK) ?? []).map((pem) => new X509Certificate(pem));
}

describe('with a station CA: SignCertificate → Accepted → CertificateSigned', () => {
  let hub: TestHub;
  let pki: TestPki;
  let ca: X509Certificate;
  let tlsUrl: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    pki = createTestPki({ caDays: 365 });
    ca = new X509Certificate(readFileSync(pki.ca));
    const tlsPort = await freePort();
    hub = await startTestHub({
      nodeId: 'certificate-node',
      adminToken: 'certificate-admin-token-0123456789',
      env: {
        STATION_CA_CERT: pki.ca,
        STATION_CA_KEY: pki.caKey,
        STATION_CERT_DAYS: '30',
        // Most stations here connect over plain ws (profile 0); the default floor (2) has its own test.
        STATION_CERT_MIN_SECURITY_PROFILE: '0',
        OCPP_TLS_PORT: String(tlsPort),
        TLS_CERT: pki.serverCert,
        TLS_KEY: pki.serverKey,
        TLS_CA: pki.ca,
      },
    });
    tlsUrl = `wss://localhost:${tlsPort}/ocpp`;
    await seedParty(hub.db.store);
    for (const identity of ['CERT-16', 'CERT-21', 'CERT-BACK', 'CERT-WRONG-16', 'CERT-WRONG-201']) {
      ids[identity] = await aStation(hub.db.store, { identity, profile: 0 });
    }
    ids['CERT-201'] = await aStation(hub.db.store, { identity: 'CERT-201', profile: 3 });
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) await c.close({ force: true }).catch(() => {});
    await hub?.close();
    pki?.cleanup();
  });

  it('1.6 (RSA key): the chain is the leaf, signed by the CA for the CSR key and CN, then the CA', async () => {
    const s = station(hub.ocppUrl, 'CERT-16', '1.6');
    await s.boot();
    const { csr, key } = pki.csr('CERT-16', { key: 'rsa' });
    expect(await s.sign({ csr })).toEqual({ status: 'Accepted' });

    const params = await s.signed;
    expect(s.log).toEqual(['SignCertificate Accepted', 'CertificateSigned']);
    expect(Object.keys(params)).toEqual(['certificateChain']);
    const [leaf, issuer, ...rest] = certificates(params.certificateChain);
    expect(rest).toEqual([]);
    expect(issuer!.fingerprint256).toBe(ca.fingerprint256);
    expect(leaf!.verify(ca.publicKey)).toBe(true);
    expect(leaf!.checkPrivateKey(createPrivateKey(readFileSync(key)))).toBe(true);
    expect(leaf!.subject).toBe('CN=CERT-16\nO=ACME Charging');
    expect(leaf!.issuer).toBe(ca.subject);
    expect(leaf!.ca).toBe(false);
    expect(leaf!.keyUsage).toEqual([CLIENT_AUTH]);
    const days = (Date.parse(leaf!.validTo) - Date.parse(leaf!.validFrom)) / DAY_MS;
    expect(days).toBeCloseTo(30, 2);

    await expect
      .poll(() => stationEvents(hub.db.store, 'CERT-16', 'CertificateSigned'), { timeout: 10_000 })
      .toHaveLength(1);
    const [outcome] = await stationEvents(hub.db.store, 'CERT-16', 'CertificateSigned');
    expect(outcome).toMatchObject({
      serial_number: leaf!.serialNumber,
      not_after: new Date(leaf!.validTo).toISOString(),
      status: 'Accepted',
    });
    expect(JSON.stringify(outcome)).not.toMatch(/PRIVATE KEY/);
    expect(await stationEvents(hub.db.store, 'CERT-16', 'SignCertificate')).toMatchObject([
      { csr, status: 'Accepted', key: 'RSA 2048' },
    ]);
  });

  it('2.0.1 on security profile 3: the station updates its key, then connects with the new certificate', async () => {
    const factory = pki.client('CERT-201');
    const tls = (cert: string | Buffer, key: Buffer) => ({ ca: readFileSync(pki.ca), cert, key });
    const s = station(tlsUrl, 'CERT-201', '2.0.1', tls(readFileSync(factory.cert), readFileSync(factory.key)));
    await s.boot();
    const { csr, key } = pki.csr('CERT-201');
    expect(await s.sign({ csr, certificateType: 'ChargingStationCertificate' })).toEqual({ status: 'Accepted' });

    const params = await s.signed;
    expect(s.log).toEqual(['SignCertificate Accepted', 'CertificateSigned']);
    expect(params.certificateType).toBe('ChargingStationCertificate');
    const [leaf, issuer] = certificates(params.certificateChain);
    expect(leaf!.verify(ca.publicKey)).toBe(true);
    expect(leaf!.subject).toBe('CN=CERT-201\nO=ACME Charging');
    expect(issuer!.fingerprint256).toBe(ca.fingerprint256);
    await s.client.close();

    const renewed = station(tlsUrl, 'CERT-201', '2.0.1', tls(leaf!.toString(), readFileSync(key)));
    await renewed.boot();
    await expect
      .poll(() => stationEvents(hub.db.store, 'CERT-201', 'CertificateSigned'), { timeout: 10_000 })
      .toHaveLength(1);
  });

  it('2.1: the request’s requestId comes back in CertificateSigned', async () => {
    const s = station(hub.ocppUrl, 'CERT-21', '2.1');
    await s.boot();
    expect(await s.sign({ csr: pki.csr('CERT-21').csr, requestId: 42 })).toEqual({ status: 'Accepted' });
    expect(await s.signed).toMatchObject({ certificateType: 'ChargingStationCertificate', requestId: 42 });
    // A 2.1 ISO 15118-20 certificate is not a station certificate: refused like a V2G one.
    expect(
      await s.sign({ csr: pki.csr('CERT-21').csr, requestId: 43, certificateType: 'V2G20Certificate' }),
    ).toMatchObject({
      status: 'Rejected',
      statusInfo: { reasonCode: 'UnsupportedRequest' },
    });
  });

  // The job retries with exponential backoff (1, 2, 4, 8, 16 s …): under a loaded machine the
  // attempt that finds the station back may be the fourth or fifth.
  it('a station that drops right after its Accepted gets its certificate once it is back (the job retries)', {
    timeout: 90_000,
  }, async () => {
    const first = station(hub.ocppUrl, 'CERT-BACK', '1.6');
    await first.boot();
    expect(await first.sign({ csr: pki.csr('CERT-BACK').csr })).toEqual({ status: 'Accepted' });
    await first.client.close();
    // Past the first attempt (1 s after the answer): the station was offline then.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const back = station(hub.ocppUrl, 'CERT-BACK', '1.6');
    await back.boot();
    const [leaf] = certificates((await back.signed).certificateChain);
    expect(leaf!.subject).toBe('CN=CERT-BACK\nO=ACME Charging');
    expect(first.log).toEqual(['SignCertificate Accepted']);
    await expect
      .poll(() => stationEvents(hub.db.store, 'CERT-BACK', 'CertificateSigned'), { timeout: 10_000 })
      .toHaveLength(1);
    expect(await stationEvents(hub.db.store, 'CERT-BACK', 'CertificateSigningFailed')).toEqual([]);
  });

  it('a CSR for another identity is Rejected, with why, and nothing is signed', async () => {
    const s16 = station(hub.ocppUrl, 'CERT-WRONG-16', '1.6');
    await s16.boot();
    expect(await s16.sign({ csr: pki.csr('CERT-16').csr })).toEqual({ status: 'Rejected' });

    const s201 = station(hub.ocppUrl, 'CERT-WRONG-201', '2.0.1');
    await s201.boot();
    expect(await s201.sign({ csr: pki.csr('SOMEONE-ELSE').csr })).toEqual({
      status: 'Rejected',
      statusInfo: {
        reasonCode: 'InvalidCSR',
        additionalInfo: 'CSR refused: subject CN "SOMEONE-ELSE" is not the station identity "CERT-WRONG-201"',
      },
    });
    expect(await s201.sign({ csr: 'not a CSR' })).toMatchObject({
      status: 'Rejected',
      statusInfo: { reasonCode: 'InvalidCSR', additionalInfo: 'CSR refused: not a PEM certificate request' },
    });
    // A valid CSR, but for the ISO 15118 side: the hub holds no V2G root.
    expect(await s201.sign({ csr: pki.csr('CERT-WRONG-201').csr, certificateType: 'V2GCertificate' })).toMatchObject({
      status: 'Rejected',
      statusInfo: { reasonCode: 'UnsupportedRequest' },
    });

    expect(await stationEvents(hub.db.store, 'CERT-WRONG-201', 'SignCertificate')).toMatchObject([
      { status: 'Rejected', reason: expect.stringContaining('SOMEONE-ELSE') },
      { status: 'Rejected', reason: 'CSR refused: not a PEM certificate request' },
      { status: 'Rejected', certificateType: 'V2GCertificate' },
    ]);
    expect(await stationEvents(hub.db.store, 'CERT-WRONG-16', 'SignCertificate')).toMatchObject([
      { status: 'Rejected', reason: expect.stringContaining('"CERT-16" is not the station identity "CERT-WRONG-16"') },
    ]);
    expect(await signJobs(hub.db.store, ids['CERT-WRONG-16']!)).toBe(0);
    expect(await signJobs(hub.db.store, ids['CERT-WRONG-201']!)).toBe(0);
    // Longer than an accepted request takes to be signed and sent (see the tests above).
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect([...s16.log, ...s201.log]).not.toContain('CertificateSigned');
  });
});

describe('without a station CA', () => {
  let db: TestDatabase;
  let gw: Awaited<ReturnType<typeof startGateway>>;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedParty(db.store);
    for (const identity of ['NOCA-16', 'NOCA-201']) ids[identity] = await aStation(db.store, { identity });
    gw = await startGateway(db.store, db.url);
  });

  afterAll(async () => {
    for (const c of clients) await c.close({ force: true }).catch(() => {});
    await gw?.gateway.close();
    await db?.drop();
  });

  it('SignCertificate is Rejected (2.x: NotEnabled) and recorded, and no job is queued', async () => {
    const pki = createTestPki();
    try {
      const s16 = station(gw.url, 'NOCA-16', '1.6');
      await s16.boot();
      expect(await s16.sign({ csr: pki.csr('NOCA-16').csr })).toEqual({ status: 'Rejected' });
      const s201 = station(gw.url, 'NOCA-201', '2.0.1');
      await s201.boot();
      expect(await s201.sign({ csr: pki.csr('NOCA-201').csr })).toMatchObject({
        status: 'Rejected',
        statusInfo: { reasonCode: 'NotEnabled' },
      });
      for (const identity of ['NOCA-16', 'NOCA-201']) {
        expect(await stationEvents(db.store, identity, 'SignCertificate')).toMatchObject([
          { status: 'Rejected', reason: expect.stringContaining('no station CA') },
        ]);
        expect(await signJobs(db.store, ids[identity]!)).toBe(0);
      }
    } finally {
      pki.cleanup();
    }
  });
});

describe('with a station CA and the default security-profile floor (2)', () => {
  let hub: TestHub;
  let pki: TestPki;
  let stationId: number;

  beforeAll(async () => {
    pki = createTestPki({ caDays: 365 });
    hub = await startTestHub({
      nodeId: 'certificate-floor-node',
      adminToken: 'certificate-floor-admin-token-0123',
      env: { STATION_CA_CERT: pki.ca, STATION_CA_KEY: pki.caKey },
    });
    await seedParty(hub.db.store);
    stationId = await aStation(hub.db.store, { identity: 'CERT-PLAIN', profile: 0 });
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) await c.close({ force: true }).catch(() => {});
    await hub?.close();
    pki?.cleanup();
  });

  it('a station without TLS authentication (profile 0) is Rejected: anyone could ask in its name', async () => {
    const s = station(hub.ocppUrl, 'CERT-PLAIN', '2.0.1');
    await s.boot();
    expect(await s.sign({ csr: pki.csr('CERT-PLAIN').csr })).toMatchObject({
      status: 'Rejected',
      statusInfo: { reasonCode: 'LowSecurityProfile' },
    });
    expect(await signJobs(hub.db.store, stationId)).toBe(0);
    expect(await stationEvents(hub.db.store, 'CERT-PLAIN', 'SignCertificate')).toMatchObject([
      { status: 'Rejected', reason: expect.stringContaining('security profile 0') },
    ]);
  });
});
