/**
 * The setup the OCPI command e2e tests share: a hub as `startHub` composes it (role all,
 * PostgreSQL + BullMQ on Redis), one CPO location, an eMSP (TokenEmsp) registered over the real
 * credentials handshake, and ocpp-rpc stations (strict mode: they validate what the hub sends)
 * that record every CALL they receive and answer what the test tells them.
 */
import type { RPCClient } from 'ocpp-rpc';
import { expect } from 'vitest';
import { ocppStation } from '../gateway/helpers/ocpp-station.js';
import type { TestDatabase } from '../support/database.js';
import { startTestHub } from '../support/test-hub.js';
import { seedHostedSite } from './hosted-site.js';
import { type Json, TokenEmsp } from './token-emsp.server.js';

const ADMIN = 'commands-admin-token-0123456789';

/** A CALL the hub sent to a station. */
export interface ReceivedCall {
  action: string;
  params: Json;
}

/** A station connected to the hub, with its EVSE's OCPI uid and the CALLs it received. */
export interface TestStation {
  client: RPCClient;
  identity: string;
  version: '1.6' | '2.0.1';
  evseUid: string;
  received: ReceivedCall[];
  /** Answers `action` with `reply` (a station's CALLRESULT payload) and records the CALL. */
  answer(action: string, reply: Json): void;
  /** Starts a transaction at the station itself (StartTransaction / TransactionEvent Started). */
  startCharging(tokenUid: string): Promise<{ transactionUid: string; sessionId: string }>;
  /** Ends it as the station would (StopTransaction / TransactionEvent Ended). */
  stopCharging(transactionUid: string): Promise<void>;
}

export interface CommandHub {
  http: string;
  db: TestDatabase;
  emsp: TokenEmsp;
  station(identity: string, version: '1.6' | '2.0.1'): Promise<TestStation>;
  /** Pushes an eMSP token to the hub (mod_tokens §PUT). */
  pushToken(uid: string, whitelist?: string): Promise<void>;
  /**
   * An OCPI call of the eMSP to the hub, path under `/ocpi/2.2.1`, with `Content-Type:
   * application/json` whether or not there is a body (as partners commonly send it).
   */
  ocpi(method: string, path: string, body?: unknown): Promise<Json>;
  /** The same call with its HTTP status; `body` is sent as it is (an empty string is an empty body). */
  ocpiHttp(method: string, path: string, body?: string): Promise<{ status: number; json: Json }>;
  /** Bodies POSTed to one of the eMSP's result URLs. */
  results(name: string): Json[];
  /** The eMSP's result URL for `name`. */
  resultUrl(name: string): string;
  close(): Promise<void>;
}

const connector = {
  connector_id: 1,
  standard: 'IEC_62196_T2',
  format: 'SOCKET',
  power_type: 'AC_3_PHASE',
  max_voltage: 230,
  max_amperage: 32,
};

export async function startCommandHub(
  nodeId: string,
  options: { emspReceivers?: readonly string[] } = {},
): Promise<CommandHub> {
  const testHub = await startTestHub({ nodeId, adminToken: ADMIN, env: { OCPP_CALL_TIMEOUT_MS: '5000' } });
  const { hub, db, http, admin } = testHub;
  const emsp = new TokenEmsp('DE', 'EMP', options.emspReceivers);
  await emsp.start();
  const clients: RPCClient[] = [];
  let txCounter = 0;

  await seedHostedSite(admin, { party: 'CPO', site: 'Site' });
  const invite = await admin('POST', '/partners', { name: 'eMSP DE*EMP' });
  await emsp.register(invite.json.versions_url, invite.json.token_a);

  const sessionOf = (identity: string, transactionUid: string) =>
    db.store.db
      .selectFrom('sessions as se')
      .innerJoin('transactions as tx', 'tx.id', 'se.transaction_id')
      .innerJoin('stations as s', 's.id', 'tx.station_id')
      .select('se.session_id')
      .where('s.identity', '=', identity)
      .where('tx.transaction_uid', '=', transactionUid)
      .executeTakeFirst();

  const station = async (identity: string, version: '1.6' | '2.0.1'): Promise<TestStation> => {
    const put = await admin('PUT', `/stations/${identity}`, {
      country_code: 'NL',
      party_id: 'CPO',
      location_id: 'LOC1',
      security_profile: 0,
      evses: [{ evse_id: `NL*CPO*E${identity}`, connectors: [connector] }],
    });
    expect(put.status).toBe(201);
    const { evse_uid } = await db.store.db
      .selectFrom('evses as e')
      .innerJoin('stations as s', 's.id', 'e.station_id')
      .select('e.evse_uid')
      .where('s.identity', '=', identity)
      .executeTakeFirstOrThrow();
    const client = ocppStation({ url: hub.ocppUrl!, identity, version });
    clients.push(client);
    await client.connect();
    const now = () => new Date().toISOString();
    if (version === '1.6') {
      await client.call('BootNotification', { chargePointVendor: 'ACME', chargePointModel: 'W1' });
      await client.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
    } else {
      await client.call('BootNotification', {
        reason: 'PowerUp',
        chargingStation: { vendorName: 'ACME', model: 'W2' },
      });
    }
    const received: ReceivedCall[] = [];
    let seqNo = 0;
    return {
      client,
      identity,
      version,
      evseUid: evse_uid,
      received,
      answer(action, reply) {
        client.handle(action, ({ params }) => {
          received.push({ action, params: params as Json });
          return reply;
        });
      },
      async startCharging(tokenUid) {
        let transactionUid: string;
        if (version === '1.6') {
          const started = (await client.call('StartTransaction', {
            connectorId: 1,
            idTag: tokenUid,
            meterStart: 0,
            timestamp: now(),
          })) as { transactionId: number };
          transactionUid = String(started.transactionId);
        } else {
          transactionUid = `TX-${identity}-${++txCounter}`;
          await client.call('TransactionEvent', {
            eventType: 'Started',
            timestamp: now(),
            triggerReason: 'Authorized',
            seqNo: seqNo++,
            transactionInfo: { transactionId: transactionUid, chargingState: 'Charging' },
            idToken: { idToken: tokenUid, type: 'ISO14443' },
            evse: { id: 1, connectorId: 1 },
          });
        }
        await expect.poll(() => sessionOf(identity, transactionUid), { timeout: 10_000 }).toBeDefined();
        const { session_id } = (await sessionOf(identity, transactionUid))!;
        return { transactionUid, sessionId: session_id };
      },
      async stopCharging(transactionUid) {
        if (version === '1.6') {
          await client.call('StopTransaction', {
            transactionId: Number(transactionUid),
            meterStop: 10,
            timestamp: now(),
          });
        } else {
          await client.call('TransactionEvent', {
            eventType: 'Ended',
            timestamp: now(),
            triggerReason: 'RemoteStop',
            seqNo: seqNo++,
            transactionInfo: { transactionId: transactionUid, stoppedReason: 'Remote' },
          });
        }
      },
    };
  };

  const ocpiHttp: CommandHub['ocpiHttp'] = async (method, path, body) => {
    const response = await fetch(`${http}/ocpi/2.2.1${path}`, {
      method,
      headers: {
        authorization: `Token ${Buffer.from(emsp.hubToken).toString('base64')}`,
        'content-type': 'application/json',
        'OCPI-from-country-code': 'DE',
        'OCPI-from-party-id': 'EMP',
        'OCPI-to-country-code': 'NL',
        'OCPI-to-party-id': 'CPO',
        'X-Request-ID': crypto.randomUUID(),
        'X-Correlation-ID': crypto.randomUUID(),
      },
      body,
    });
    return { status: response.status, json: await response.json() };
  };

  return {
    http,
    db,
    emsp,
    station,
    async pushToken(uid, whitelist = 'ALWAYS') {
      const answer = await emsp.callHub(
        'PUT',
        `${http}/ocpi/2.2.1/tokens/DE/EMP/${uid}?type=RFID`,
        emsp.token(uid, whitelist),
      );
      expect(answer.status_code).toBe(1000);
    },
    async ocpi(method, path, body) {
      return (await ocpiHttp(method, path, body === undefined ? undefined : JSON.stringify(body))).json;
    },
    ocpiHttp,
    results: (name) => emsp.requests.filter((r) => r.url === `/results/${name}`).map((r) => r.body),
    resultUrl: (name) => `${emsp.url}/results/${name}`,
    async close() {
      for (const c of clients) await c.close({ force: true }).catch(() => {});
      await testHub.close();
      await emsp.stop();
    },
  };
}
