/**
 * `certificate.sign` (signAndDeliver) on a real database, with a throwaway openssl CA; the station
 * end is a recorded `call` that answers, refuses or fails as real station calls do.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadStationCa } from '@chargebridge/domain/certificates';
import { StationCallTimeoutError, StationOfflineError, StationRejectedCallError } from '@chargebridge/routing';
import { repositories } from '@chargebridge/store';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aStation, seedParty } from '../../../test/gateway/helpers/gateway-harness.js';
import { createTestPki, type TestPki } from '../../../test/gateway/helpers/test-certificates.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { type CertificateDeliveryDeps, signAndDeliver } from '../src/certificates/certificate-delivery.js';

type Json = Record<string, unknown>;

let database: TestDatabase;
let pki: TestPki;
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  pki = createTestPki({ caDays: 30 });
  await seedParty(database.store);
  for (const [identity, protocol] of [
    ['DLV-16', '1.6'],
    ['DLV-201', '2.0.1'],
    ['DLV-21', '2.1'],
  ] as const) {
    ids[identity] = await aStation(database.store, { identity });
    await database.store.db.updateTable('stations').set({ protocol }).where('id', '=', ids[identity]!).execute();
  }
});

afterAll(async () => {
  await database?.drop();
  pki?.cleanup();
});

/** Deps whose station end answers with `answer` (or throws it) and records what it was sent. */
function deps(answer: Json | Error, ca = true) {
  const sent: Array<{ identity: string; action: string; payload: Json }> = [];
  const d: CertificateDeliveryDeps = {
    repos: repositories(database.store.db),
    calls: {
      call: async <T>(identity: string, action: string, payload: unknown) => {
        sent.push({ identity, action, payload: payload as Json });
        if (answer instanceof Error) throw answer;
        return answer as T;
      },
    },
    logger: pino({ level: 'silent' }),
    ca: ca ? () => loadStationCa({ certFile: pki.ca, keyFile: pki.caKey }) : undefined,
    days: 365,
    callTimeoutMs: 1000,
  };
  return { deps: d, sent };
}

async function lastEvent(identity: string): Promise<{ kind: string; payload: Json } | undefined> {
  const row = await database.store.db
    .selectFrom('station_events')
    .select(['kind', 'payload'])
    .where('station_id', '=', ids[identity]!)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? { kind: row.kind, payload: row.payload as Json } : undefined;
}

const job = (identity: string, extra: Json = {}) => ({
  stationId: ids[identity]!,
  csr: pki.csr(identity).csr,
  ...extra,
});

describe('certificate.sign: sign, send CertificateSigned, record the outcome', () => {
  it('1.6: sends { certificateChain } only; the CA’s end caps the validity; the event has the station’s answer', async () => {
    const { deps: d, sent } = deps({ status: 'Accepted' });
    expect(await signAndDeliver(d, job('DLV-16'), false)).toBe('delivered');
    expect(sent.map((s) => [s.identity, s.action, Object.keys(s.payload)])).toEqual([
      ['DLV-16', 'CertificateSigned', ['certificateChain']],
    ]);
    const leaf = new X509Certificate(String(sent[0]!.payload.certificateChain));
    const ca = new X509Certificate(readFileSync(pki.ca));
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.validTo).toBe(ca.validTo);
    expect(await lastEvent('DLV-16')).toEqual({
      kind: 'CertificateSigned',
      payload: {
        serial_number: leaf.serialNumber,
        subject: 'CN=DLV-16, O=ACME Charging',
        issuer: 'CN=ca',
        not_before: new Date(leaf.validFrom).toISOString(),
        not_after: new Date(leaf.validTo).toISOString(),
        status: 'Accepted',
      },
    });
  });

  it('2.0.1 adds certificateType and drops a requestId; 2.1 echoes it', async () => {
    const a = deps({ status: 'Accepted' });
    await signAndDeliver(a.deps, job('DLV-201', { requestId: 7 }), false);
    expect(a.sent[0]!.payload).toEqual({
      certificateChain: expect.any(String),
      certificateType: 'ChargingStationCertificate',
    });
    const b = deps({ status: 'Rejected', statusInfo: { reasonCode: 'InvalidCertificate' } });
    await signAndDeliver(b.deps, job('DLV-21', { requestId: 7 }), false);
    expect(b.sent[0]!.payload).toMatchObject({ certificateType: 'ChargingStationCertificate', requestId: 7 });
    expect((await lastEvent('DLV-21'))!.payload).toMatchObject({
      status: 'Rejected',
      status_info: { reasonCode: 'InvalidCertificate' },
    });
  });

  it('an offline or silent station is retried (the job throws) until its last attempt, then recorded', async () => {
    const offline = deps(new StationOfflineError('DLV-16'));
    const before = await lastEvent('DLV-16');
    await expect(signAndDeliver(offline.deps, job('DLV-16'), false)).rejects.toBeInstanceOf(StationOfflineError);
    expect(await lastEvent('DLV-16')).toEqual(before);
    expect(await signAndDeliver(offline.deps, job('DLV-16'), true)).toBe('undelivered');
    expect(await lastEvent('DLV-16')).toMatchObject({
      kind: 'CertificateSigningFailed',
      payload: {
        code: 'station_offline',
        reason: expect.stringContaining('is offline'),
        serial_number: expect.any(String),
      },
    });
    const silent = deps(new StationCallTimeoutError('DLV-16', 'CertificateSigned', 1000));
    await expect(signAndDeliver(silent.deps, job('DLV-16'), false)).rejects.toBeInstanceOf(StationCallTimeoutError);
  });

  it('a CALLERROR is the station’s answer: recorded at once, not retried', async () => {
    const refused = deps(
      new StationRejectedCallError('station answered NotImplemented', { ocppCode: 'NotImplemented' }),
    );
    expect(await signAndDeliver(refused.deps, job('DLV-201'), false)).toBe('undelivered');
    expect(await lastEvent('DLV-201')).toMatchObject({
      kind: 'CertificateSigningFailed',
      payload: { code: 'station_error' },
    });
  });

  it('signs nothing for a CSR that is not the station’s, or without a CA, and says why', async () => {
    const a = deps({ status: 'Accepted' });
    expect(await signAndDeliver(a.deps, { stationId: ids['DLV-16']!, csr: pki.csr('DLV-201').csr }, false)).toBe(
      'refused',
    );
    expect(await lastEvent('DLV-16')).toEqual({
      kind: 'CertificateSigningFailed',
      payload: { reason: 'CSR refused: subject CN "DLV-201" is not the station identity "DLV-16"' },
    });
    const b = deps({ status: 'Accepted' }, false);
    expect(await signAndDeliver(b.deps, job('DLV-16'), false)).toBe('refused');
    expect((await lastEvent('DLV-16'))!.payload.reason).toMatch(/no station CA/);
    expect([...a.sent, ...b.sent]).toEqual([]);
    expect(await signAndDeliver(a.deps, { stationId: 999_999, csr: 'x' }, false)).toBe('skipped');
  });
});
