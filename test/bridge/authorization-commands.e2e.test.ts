/**
 * Issue 5, authorization and commands, end to end: the hub as `startHub` composes it (role all,
 * PostgreSQL + BullMQ on Redis), independent ocpp-rpc stations (1.6 and 2.0.1) and a small eMSP
 * that registered over the real credentials handshake.
 */
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocppStation } from '../gateway/helpers/ocpp-station.js';
import type { TestDatabase } from '../support/database.js';
import { type AdminCall, startTestHub, type TestHub } from '../support/test-hub.js';
import { seedHostedSite } from './hosted-site.js';
import { TokenEmsp } from './token-emsp.server.js';

const ADMIN = 'bridge-admin-token-0123456789';
const BUDGET_MS = 1000;
const CALL_TIMEOUT_MS = 1500;

let hub: TestHub;
let db: TestDatabase;
let http: string;
let admin: AdminCall;
const emsp = new TokenEmsp('DE', 'EMP');
const clients: RPCClient[] = [];
const evseUids: Record<string, string> = {};

const connector = {
  connector_id: 1,
  standard: 'IEC_62196_T2',
  format: 'SOCKET',
  power_type: 'AC_3_PHASE',
  max_voltage: 230,
  max_amperage: 32,
};

async function aStation(identity: string, version: '1.6' | '2.0.1'): Promise<RPCClient> {
  const put = await admin('PUT', `/stations/${identity}`, {
    country_code: 'NL',
    party_id: 'CPO',
    location_id: 'LOC1',
    security_profile: 0,
    evses: [{ evse_id: `NL*CPO*E${identity}`, connectors: [connector] }],
  });
  expect(put.status).toBe(201);
  const row = await db.store.db
    .selectFrom('evses as e')
    .innerJoin('stations as s', 's.id', 'e.station_id')
    .select('e.evse_uid')
    .where('s.identity', '=', identity)
    .executeTakeFirstOrThrow();
  evseUids[identity] = row.evse_uid;
  const client = ocppStation({ url: hub.ocppUrl, identity, version });
  clients.push(client);
  await client.connect();
  if (version === '1.6') {
    await client.call('BootNotification', { chargePointVendor: 'ACME', chargePointModel: 'W1' });
    await client.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
  } else {
    await client.call('BootNotification', { reason: 'PowerUp', chargingStation: { vendorName: 'ACME', model: 'W2' } });
  }
  return client;
}

async function pushToken(uid: string, whitelist: string) {
  const answer = await emsp.callHub(
    'PUT',
    `${http}/ocpi/2.2.1/tokens/DE/EMP/${uid}?type=RFID`,
    emsp.token(uid, whitelist),
  );
  expect(answer.status_code).toBe(1000);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await work();
  return { value, ms: performance.now() - t0 };
}

const authorizeCalls = (uid: string) => emsp.received(`/2.2.1/tokens/${uid}/authorize`);
const transaction = (uid: string) =>
  db.store.db.selectFrom('transactions').selectAll().where('transaction_uid', '=', uid).executeTakeFirst();
const decisions = (idToken: string) =>
  db.store.db.selectFrom('authorizations').selectAll().where('id_token', '=', idToken).orderBy('id').execute();

let cs16: RPCClient;
let cs201: RPCClient;

beforeAll(async () => {
  hub = await startTestHub({
    nodeId: 'bridge-auth-test',
    adminToken: ADMIN,
    env: { OCPP_CALL_TIMEOUT_MS: String(CALL_TIMEOUT_MS), AUTHORIZATION_TIMEOUT_MS: String(BUDGET_MS) },
  });
  ({ db, http, admin } = hub);
  await emsp.start();
  await seedHostedSite(admin, { party: 'CPO', site: 'Site' });
  const invite = await admin('POST', '/partners', { name: 'eMSP DE*EMP' });
  await emsp.register(invite.json.versions_url, invite.json.token_a);
  cs16 = await aStation('CS16', '1.6');
  cs201 = await aStation('CS201', '2.0.1');
});

afterAll(async () => {
  for (const c of clients) await c.close({ force: true }).catch(() => {});
  await hub?.close();
  await emsp.stop();
});

describe('authorization of eMSP tokens', () => {
  it('asks the eMSP in real time with LocationReferences; the station gets Accepted; the answer is cached', async () => {
    await pushToken('RT-ALLOWED', 'ALLOWED');
    emsp.behaviour.set('RT-ALLOWED', { allowed: 'ALLOWED', reference: 'AUTHREF-1' });
    expect(await cs16.call('Authorize', { idTag: 'RT-ALLOWED' })).toEqual({ idTagInfo: { status: 'Accepted' } });

    const asked = authorizeCalls('RT-ALLOWED');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.method).toBe('POST');
    expect(asked[0]!.url).toBe('/2.2.1/tokens/RT-ALLOWED/authorize?type=RFID');
    expect(asked[0]!.body).toEqual({ location_id: 'LOC1', evse_uids: [evseUids.CS16] });
    expect(asked[0]!.headers['ocpi-to-party-id']).toBe('EMP');

    // StartTransaction: the cached answer (no second POST), the reference kept on the transaction.
    const started = (await cs16.call('StartTransaction', {
      connectorId: 1,
      idTag: 'RT-ALLOWED',
      meterStart: 0,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number; idTagInfo: { status: string } };
    expect(started.idTagInfo.status).toBe('Accepted');
    expect(authorizeCalls('RT-ALLOWED')).toHaveLength(1);
    const tx = await transaction(String(started.transactionId));
    expect(tx).toMatchObject({ auth_method: 'AUTH_REQUEST', authorization_reference: 'AUTHREF-1' });
    expect((await decisions('RT-ALLOWED')).map((d) => [d.source, d.result, d.allowed])).toEqual([
      ['realtime', 'accepted', 'ALLOWED'],
      ['cache', 'accepted', 'ALLOWED'],
    ]);
    await cs16.call('StopTransaction', {
      transactionId: started.transactionId,
      meterStop: 10,
      timestamp: new Date().toISOString(),
    });
  });

  it('maps the eMSP AllowedType to each version (2.0.1 NoCredit, 1.6 Blocked), ALWAYS without asking, unknown refused', async () => {
    await pushToken('RT-NOCREDIT', 'NEVER');
    emsp.behaviour.set('RT-NOCREDIT', { allowed: 'NO_CREDIT' });
    expect(await cs201.call('Authorize', { idToken: { idToken: 'RT-NOCREDIT', type: 'ISO14443' } })).toEqual({
      idTokenInfo: { status: 'NoCredit' },
    });
    // Same token at the same location: the cached NO_CREDIT answer, in 1.6's words (Blocked).
    expect(await cs16.call('Authorize', { idTag: 'RT-NOCREDIT' })).toEqual({ idTagInfo: { status: 'Blocked' } });
    expect(authorizeCalls('RT-NOCREDIT')).toHaveLength(1);

    await pushToken('WL-ALWAYS', 'ALWAYS');
    expect(await cs16.call('Authorize', { idTag: 'WL-ALWAYS' })).toEqual({ idTagInfo: { status: 'Accepted' } });
    expect(authorizeCalls('WL-ALWAYS')).toHaveLength(0);

    expect(await cs16.call('Authorize', { idTag: 'NOBODY-KNOWS' })).toEqual({ idTagInfo: { status: 'Invalid' } });
    expect(await cs201.call('Authorize', { idToken: { idToken: 'NOBODY-KNOWS', type: 'ISO14443' } })).toEqual({
      idTokenInfo: { status: 'Unknown' },
    });
    expect((await decisions('NOBODY-KNOWS')).map((d) => d.source)).toEqual(['unknown', 'unknown']);
  });

  it('eMSP unreachable: ALLOWED_OFFLINE allows and NEVER rejects, both within the time budget', async () => {
    await pushToken('OFF-HANG', 'ALLOWED_OFFLINE');
    await pushToken('NEV-HANG', 'NEVER');
    await pushToken('OFF-DROP', 'ALLOWED_OFFLINE');
    emsp.behaviour.set('OFF-HANG', { hang: true });
    emsp.behaviour.set('NEV-HANG', { hang: true });
    emsp.behaviour.set('OFF-DROP', { drop: true });

    const offline = await timed(() => cs16.call('Authorize', { idTag: 'OFF-HANG' }));
    const never = await timed(() => cs201.call('Authorize', { idToken: { idToken: 'NEV-HANG', type: 'ISO14443' } }));
    const dropped = await timed(() => cs16.call('Authorize', { idTag: 'OFF-DROP' }));
    expect(offline.value).toEqual({ idTagInfo: { status: 'Accepted' } });
    expect(never.value).toEqual({ idTokenInfo: { status: 'Invalid' } });
    expect(dropped.value).toEqual({ idTagInfo: { status: 'Accepted' } });
    // The eMSP never answered: the budget cut the request, and the station had its answer soon after.
    for (const t of [offline, never]) {
      expect(t.ms).toBeGreaterThanOrEqual(BUDGET_MS * 0.9);
      expect(t.ms).toBeLessThan(BUDGET_MS + 700);
    }
    expect(dropped.ms).toBeLessThan(BUDGET_MS);
    expect(authorizeCalls('OFF-HANG')).toHaveLength(1);
    expect(authorizeCalls('NEV-HANG')).toHaveLength(1);
    expect((await decisions('OFF-HANG'))[0]).toMatchObject({ source: 'offline-fallback', result: 'accepted' });
    expect((await decisions('NEV-HANG'))[0]).toMatchObject({ source: 'realtime', result: 'invalid' });
    console.info(
      `authorization with a silent eMSP: ALLOWED_OFFLINE ${offline.ms.toFixed(0)} ms, NEVER ${never.ms.toFixed(0)} ms (budget ${BUDGET_MS} ms)`,
    );
  });
});

describe('commands', () => {
  it('START_SESSION: CommandResult ACCEPTED at response_url, transaction auth_method COMMAND, token not re-authorized', async () => {
    await pushToken('CMD-NEVER', 'NEVER'); // NEVER: without the 15-minute rule the hub would ask the eMSP
    const eventAnswers: unknown[] = [];
    cs201.handle('RequestStartTransaction', async ({ params }) => {
      setTimeout(async () => {
        eventAnswers.push(
          await cs201.call('TransactionEvent', {
            eventType: 'Started',
            timestamp: new Date().toISOString(),
            triggerReason: 'RemoteStart',
            seqNo: 0,
            transactionInfo: { transactionId: 'TX-CMD-1', remoteStartId: params?.remoteStartId },
            idToken: params?.idToken,
            evse: { id: params?.evseId ?? 1, connectorId: 1 },
          }),
        );
      }, 50);
      return { status: 'Accepted' };
    });
    const response = await emsp.callHub('POST', `${http}/ocpi/2.2.1/commands/START_SESSION`, {
      response_url: `${emsp.url}/results/start-1`,
      token: emsp.token('CMD-NEVER', 'NEVER'),
      location_id: 'LOC1',
      evse_uid: evseUids.CS201,
      authorization_reference: 'CMDREF-1',
    });
    expect(response.data.result).toBe('ACCEPTED');
    await expect
      .poll(() => emsp.received('/results/start-1').map((r) => r.body), { timeout: 10_000 })
      .toEqual([{ result: 'ACCEPTED' }]);
    await expect
      .poll(() => transaction('TX-CMD-1'), { timeout: 5_000 })
      .toMatchObject({
        auth_method: 'COMMAND',
        authorization_reference: 'CMDREF-1',
      });
    expect(eventAnswers).toEqual([{ idTokenInfo: { status: 'Accepted' } }]);
    expect(authorizeCalls('CMD-NEVER')).toHaveLength(0);
    expect((await decisions('CMD-NEVER'))[0]).toMatchObject({ source: 'command', result: 'accepted' });
  });

  it('a silent station: the command ends TIMEOUT at response_url', async () => {
    const silent = await aStation('CS16-SILENT', '1.6');
    silent.handle('RemoteStartTransaction', () => new Promise(() => {}));
    await pushToken('CMD-SILENT', 'ALLOWED');
    const t0 = Date.now();
    const response = await emsp.callHub('POST', `${http}/ocpi/2.2.1/commands/START_SESSION`, {
      response_url: `${emsp.url}/results/start-silent`,
      token: emsp.token('CMD-SILENT', 'ALLOWED'),
      location_id: 'LOC1',
      evse_uid: evseUids['CS16-SILENT'],
    });
    expect(response.data.result).toBe('ACCEPTED');
    await expect
      .poll(() => emsp.received('/results/start-silent').map((r) => r.body), { timeout: 15_000 })
      .toEqual([{ result: 'TIMEOUT' }]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(CALL_TIMEOUT_MS);
    const row = await db.store.db
      .selectFrom('commands')
      .selectAll()
      .where('response_url', '=', `${emsp.url}/results/start-silent`)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('timeout');
    expect(row.action).toBe('RequestStartTransaction');
  });

  it('START_SESSION for an offline station ends FAILED with a reason', async () => {
    await admin('PUT', '/stations/CS-OFFLINE', {
      country_code: 'NL',
      party_id: 'CPO',
      location_id: 'LOC1',
      security_profile: 0,
      evses: [{ evse_id: 'NL*CPO*EOFF', connectors: [connector] }],
    });
    const evse = await db.store.db
      .selectFrom('evses as e')
      .innerJoin('stations as s', 's.id', 'e.station_id')
      .select('e.evse_uid')
      .where('s.identity', '=', 'CS-OFFLINE')
      .executeTakeFirstOrThrow();
    await emsp.callHub('POST', `${http}/ocpi/2.2.1/commands/START_SESSION`, {
      response_url: `${emsp.url}/results/start-offline`,
      token: emsp.token('CMD-SILENT', 'ALLOWED'),
      location_id: 'LOC1',
      evse_uid: evse.evse_uid,
    });
    await expect
      .poll(() => emsp.received('/results/start-offline').map((r) => r.body.result), { timeout: 10_000 })
      .toEqual(['FAILED']);
  });
});
