import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { loadConfig } from '@chargebridge/config';
import { priceSession } from '@chargebridge/tariffs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { RPCClient } from 'ocpp-rpc';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubProcess, startHub } from '../../apps/hub/src/runtime/hub-process.js';
import { spawnCli } from '../../apps/hub/test/run-cli.js';
import { ocppStation } from '../gateway/helpers/ocpp-station.js';
import { createTestDatabase, type TestDatabase, testRedis } from '../support/database.js';
import { freePort } from '../support/free-port.js';
import { type AdminCall, adminClient } from '../support/test-hub.js';
import { EmspPartner } from './emsp-partner.js';
import { seedHostedSite } from './hosted-site.js';

const ADMIN_TOKEN = 'bridge-e2e-admin-token-0123';
const TARIFF = {
  currency: 'EUR',
  elements: [
    {
      price_components: [
        { type: 'FLAT', price: 0.5, vat: 21, step_size: 1 },
        { type: 'ENERGY', price: 0.3, vat: 21, step_size: 1 },
        { type: 'PARKING_TIME', price: 6, vat: 21, step_size: 60 },
      ],
    },
  ],
};

let database: TestDatabase;
let redisUrl: string;
let redisPrefix: string;
let gateway: HubProcess;
let api: HubProcess;
let worker: ChildProcess | undefined;
let hubUrl: string;
let admin: AdminCall;
const emsp = new EmspPartner('DE', 'EMP');
const other = new EmspPartner('FR', 'OTH');
const stations: RPCClient[] = [];

function startWorker(): ChildProcess {
  const child = spawnCli(['start', '--role', 'worker'], {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'warn',
    NODE_ID: `worker-${Date.now()}`,
  });
  child.stderr?.on('data', () => {});
  child.stdout?.on('data', () => {});
  return child;
}

async function killWorker(): Promise<void> {
  if (!worker || worker.exitCode !== null) return;
  const exited = once(worker, 'exit');
  worker.kill('SIGKILL');
  await exited;
  worker = undefined;
}

async function registerEmsp(partner: EmspPartner): Promise<void> {
  await partner.start();
  const invite = await admin('POST', '/partners', { name: partner.partyId });
  expect(invite.status).toBe(201);
  await partner.register(invite.json.versions_url, invite.json.token_a);
}

const energy = (wh: number) => ({ value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' });
const powerW = (w: number) => ({ value: String(w), measurand: 'Power.Active.Import', unit: 'W' });

/** A 1.6 charging session: 60 min ago start, charging 45 min, then 15 min parked. */
async function run16Transaction(station: RPCClient, idTag: string, connectorId = 1): Promise<number> {
  await station.call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Preparing' });
  // One clock reading for the whole transaction: a slow machine must not stretch the billed times.
  const now = Date.now();
  const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();
  const start = (await station.call('StartTransaction', {
    connectorId,
    idTag,
    meterStart: 1000,
    timestamp: minutesAgo(60),
  })) as { transactionId: number };
  const tx = start.transactionId;
  await station.call('MeterValues', {
    connectorId,
    transactionId: tx,
    meterValue: [{ timestamp: minutesAgo(60), sampledValue: [energy(1000), powerW(11000)] }],
  });
  await station.call('MeterValues', {
    connectorId,
    transactionId: tx,
    meterValue: [{ timestamp: minutesAgo(30), sampledValue: [energy(6500), powerW(11000)] }],
  });
  await station.call('MeterValues', {
    connectorId,
    transactionId: tx,
    meterValue: [{ timestamp: minutesAgo(15), sampledValue: [energy(11000), powerW(0)] }],
  });
  await station.call('StopTransaction', { transactionId: tx, meterStop: 11000, timestamp: minutesAgo(0) });
  return tx;
}

async function transactionRow(uid: number) {
  return database.store.db
    .selectFrom('transactions')
    .selectAll()
    .where('transaction_uid', '=', String(uid))
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  database = await createTestDatabase();
  // Own Redis key prefix: the in-process hub and the spawned workers share it, other test files don't.
  ({ url: redisUrl, prefix: redisPrefix } = testRedis());
  const port = await freePort();
  hubUrl = `http://127.0.0.1:${port}`;
  admin = adminClient(hubUrl, ADMIN_TOKEN);
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    PORT: String(port),
    OCPP_PORT: String(await freePort()),
    HOST: '127.0.0.1',
    PUBLIC_URL: hubUrl,
    ADMIN_TOKEN,
    HUB_PARTY_ID: 'CBH',
  };
  const logger = pino({ level: 'silent' });
  api = await startHub({ config: loadConfig(env), role: 'api', logger });
  gateway = await startHub({ config: loadConfig(env), role: 'gateway', logger });
  worker = startWorker();

  await seedHostedSite(admin, { party: 'Hosted CPO', site: 'Bridge site' });
  expect((await admin('PUT', '/tariffs/NL/CPO/T1', TARIFF)).status).toBeLessThan(300);
  for (const identity of ['BR16', 'BR201']) {
    const put = await admin('PUT', `/stations/${identity}`, {
      country_code: 'NL',
      party_id: 'CPO',
      location_id: 'LOC1',
      security_profile: 0,
    });
    expect(put.status).toBeLessThan(300);
  }
  expect(
    (
      await admin('PUT', '/tokens/NL/CPO/LOCAL1', {
        contract_id: 'NL-CPO-CLOCAL1',
        type: 'RFID',
        issuer: 'CPO',
        valid: true,
        whitelist: 'ALWAYS',
        country_code: 'NL',
        party_id: 'CPO',
        uid: 'LOCAL1',
        last_updated: new Date().toISOString(),
      })
    ).status,
  ).toBeLessThan(300);
  await registerEmsp(emsp);
  await registerEmsp(other);
  // ALWAYS: the bridge allows without a real-time call (authorization is tested on its own).
  expect(await emsp.pushToken(hubUrl, 'TOKEN1', 'ALWAYS')).toBe(1000);
});

afterAll(async () => {
  for (const s of stations) await s.close({ force: true }).catch(() => {});
  await killWorker();
  await gateway?.close();
  await api?.close();
  await Promise.all([emsp.stop(), other.stop()]);
  const redis = new Redis(redisUrl);
  await redis.flushdb().catch(() => {});
  redis.disconnect();
  await database?.drop();
});

describe('the bridge end to end (1.6 station, two eMSPs, worker process)', () => {
  let station: RPCClient;
  let tx: number;

  it('an EVSE status change reaches every locations receiver as a PATCH', async () => {
    station = ocppStation({ url: gateway.ocppUrl as string, identity: 'BR16', version: '1.6' });
    stations.push(station);
    await station.connect();
    await station.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Bridge' });
    await station.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
    for (const partner of [emsp, other]) {
      await expect
        .poll(
          () =>
            partner
              .of('locations')
              .filter((c) => c.method === 'PATCH')
              .map((c) => [c.url, c.body.status]),
          {
            timeout: 20_000,
          },
        )
        .toContainEqual([expect.stringMatching(/^\/2\.2\.1\/locations\/NL\/CPO\/LOC1\/CB\d+-1$/), 'AVAILABLE']);
    }
    await station.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Faulted' });
    await expect
      .poll(() => other.of('locations').map((c) => c.body?.status), { timeout: 10_000 })
      .toContain('OUTOFORDER');
  });

  it('the token owner gets the session PUT, PATCHes and a CDR priced like priceSession; the other eMSP nothing', async () => {
    tx = await run16Transaction(station, 'TOKEN1');
    const row = await transactionRow(tx);
    await expect.poll(() => emsp.of('cdrs').length, { timeout: 20_000 }).toBe(1);
    const sessions = emsp.of('sessions');
    expect(sessions[0].method).toBe('PUT');
    expect(sessions[0].body).toMatchObject({ country_code: 'NL', party_id: 'CPO', auth_method: 'WHITELIST' });
    expect(sessions[0].body.cdr_token).toMatchObject({ country_code: 'DE', party_id: 'EMP', uid: 'TOKEN1' });
    const sessionId = sessions[0].body.id as string;
    expect(sessionId.length).toBeLessThanOrEqual(36);
    expect(sessions.every((c) => c.url === `/2.2.1/sessions/NL/CPO/${sessionId}`)).toBe(true);
    await expect.poll(() => emsp.of('sessions').at(-1)?.body.status, { timeout: 10_000 }).toBe('COMPLETED');
    const patches = emsp.of('sessions').filter((c) => c.method === 'PATCH');
    for (const p of patches) expect(p.body.last_updated).toEqual(expect.any(String));
    // PUT on creation, PATCHes while it runs, one final PUT carrying every charging period
    // (a transaction that ends before the first push is one PUT) — never a backlog of re-sends.
    const methods = emsp.of('sessions').map((c) => `${c.method}:${c.body.status ?? ''}`);
    expect(methods.at(-1), methods.join(' ')).toBe('PUT:COMPLETED');
    expect(
      methods.slice(1, -1).every((m) => m.startsWith('PATCH')),
      methods.join(' '),
    ).toBe(true);
    expect(methods.filter((m) => m === 'PUT:COMPLETED')).toHaveLength(1);

    const cdr = emsp.of('cdrs')[0].body;
    expect(cdr.session_id).toBe(sessionId);
    expect(cdr.id.length).toBeLessThanOrEqual(39);
    const expected = priceSession(
      { ...TARIFF, country_code: 'NL', party_id: 'CPO', id: 'T1', last_updated: new Date().toISOString() },
      {
        start_date_time: cdr.start_date_time,
        end_date_time: cdr.end_date_time,
        charging_periods: cdr.charging_periods,
        time_zone: 'Europe/Amsterdam',
      },
    ).cdr;
    expect(cdr).toMatchObject(expected);
    // 10 kWh × 0.30 + 0.50 start + 0.25 h parking × 6 = 5.00 excl. VAT.
    expect(cdr.total_cost).toEqual({ excl_vat: 5, incl_vat: 6.05 });
    expect(cdr.total_parking_time).toBe(0.25);
    const final = emsp.of('sessions').at(-1)?.body;
    expect(final.total_cost).toEqual(cdr.total_cost);
    expect(final.kwh).toBe(10);

    // Served by the OCPI CDRs sender too, and the Location header kept.
    const delivery = await database.store.db
      .selectFrom('push_deliveries')
      .selectAll()
      .where('module', '=', 'cdrs')
      .executeTakeFirstOrThrow();
    expect(delivery.response_location).toBe(`${emsp.url}/2.2.1/cdrs/${cdr.id}`);
    const fetched = await fetch(`${hubUrl}/ocpi/2.2.1/cdrs`, {
      headers: { authorization: `Token ${Buffer.from(emsp.hubToken).toString('base64')}` },
    }).then((r) => r.json() as Promise<any>);
    expect(fetched.data.map((c: { id: string }) => c.id)).toEqual([cdr.id]);

    expect(other.of('sessions')).toEqual([]);
    expect(other.of('cdrs')).toEqual([]);
    expect(row.id).toBeGreaterThan(0);
  });

  it('a local-token session goes to nobody, yet gets its session and CDR', async () => {
    const before = [emsp.of('sessions').length, emsp.of('cdrs').length];
    const local = await run16Transaction(station, 'LOCAL1');
    const row = await transactionRow(local);
    await expect
      .poll(
        () => database.store.db.selectFrom('cdrs').select('cdr_id').where('transaction_id', '=', row.id).execute(),
        { timeout: 20_000 },
      )
      .toHaveLength(1);
    // The local session completes and is stored, but no partner hears about it.
    await expect
      .poll(
        async () =>
          (
            await database.store.db
              .selectFrom('sessions')
              .select('status')
              .where('transaction_id', '=', row.id)
              .executeTakeFirst()
          )?.status,
      )
      .toBe('COMPLETED');
    expect([emsp.of('sessions').length, emsp.of('cdrs').length]).toEqual(before);
    expect(other.of('sessions')).toEqual([]);
    expect(other.of('cdrs')).toEqual([]);
  });

  it('a credit CDR from the admin API reaches the owner; deliveries are listed and re-sent on demand', async () => {
    const original = emsp.of('cdrs')[0].body;
    const credit = await admin('POST', `/cdrs/${original.id}/credit`);
    expect(credit.status).toBe(201);
    expect(credit.json).toMatchObject({
      id: `${original.id}-C`,
      credit: true,
      credit_reference_id: original.id,
      total_cost: { excl_vat: -5, incl_vat: -6.05 },
    });
    await expect.poll(() => emsp.of('cdrs').map((c) => c.body.id), { timeout: 15_000 }).toContain(`${original.id}-C`);
    expect((await admin('POST', '/cdrs/NOPE/credit')).status).toBe(404);

    const list = await admin('GET', '/deliveries?module=cdrs');
    const row = list.json.items.find((d: { object_key: string }) => d.object_key === `NL/CPO/${original.id}`);
    expect(row).toMatchObject({ status: 'delivered', partner_id: expect.any(String) });
    expect((await admin('GET', '/deliveries?status=failed')).json.items).toEqual([]);
    const count = emsp.of('cdrs').filter((c) => c.body.id === original.id).length;
    expect((await admin('POST', `/deliveries/${row.id}/retry`)).status).toBe(202);
    await expect
      .poll(() => emsp.of('cdrs').filter((c) => c.body.id === original.id).length, { timeout: 15_000 })
      .toBe(count + 1);
  });

  it('a 2.0.1 station: TransactionEvent Started/Updated/Ended become a session and a CDR for the owner', async () => {
    const s2 = ocppStation({ url: gateway.ocppUrl as string, identity: 'BR201', version: '2.0.1' });
    stations.push(s2);
    await s2.connect();
    await s2.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'Bridge', vendorName: 'Test' } });
    const idToken = { idToken: 'TOKEN1', type: 'ISO14443' };
    // One clock reading for the whole transaction: the Ended event and its final sample must carry
    // the same instant, as a station sends them.
    const now = Date.now();
    const at = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
    const event = (seqNo: number, eventType: string, minutes: number, wh: number, w: number, extra: object = {}) =>
      s2.call('TransactionEvent', {
        eventType,
        timestamp: at(minutes),
        triggerReason:
          eventType === 'Started' ? 'Authorized' : eventType === 'Ended' ? 'StopAuthorized' : 'MeterValuePeriodic',
        seqNo,
        transactionInfo: { transactionId: 'TX-201-A', ...(eventType === 'Ended' ? { stoppedReason: 'Local' } : {}) },
        evse: { id: 1, connectorId: 1 },
        meterValue: [
          {
            timestamp: at(minutes),
            sampledValue: [
              { value: wh, measurand: 'Energy.Active.Import.Register' },
              { value: w, measurand: 'Power.Active.Import' },
            ],
          },
        ],
        ...extra,
      });
    await event(0, 'Started', 40, 500, 7000, { idToken });
    await event(1, 'Updated', 20, 2500, 7000);
    await event(2, 'Ended', 0, 4500, 0, { idToken });
    // Pick this transaction's CDR by its row (a late push of an earlier test may arrive meanwhile).
    const row = await database.store.db
      .selectFrom('transactions')
      .select('id')
      .where('transaction_uid', '=', 'TX-201-A')
      .executeTakeFirstOrThrow();
    const thisCdr = () => emsp.of('cdrs').filter((c) => c.body.id === `CB-${row.id}`);
    await expect.poll(() => thisCdr().length, { timeout: 20_000 }).toBe(1);
    const cdr = thisCdr()[0]?.body;
    expect(cdr.total_energy).toBe(4);
    expect(cdr.cdr_token).toMatchObject({ uid: 'TOKEN1', party_id: 'EMP' });
    const sessions = emsp.of('sessions').filter((c) => c.url.endsWith(`/${cdr.session_id}`));
    expect(sessions[0].method).toBe('PUT');
    await expect
      .poll(
        () =>
          emsp
            .of('sessions')
            .filter((c) => c.url.endsWith(`/${cdr.session_id}`))
            .at(-1)?.body.status,
      )
      .toBe('COMPLETED');
    expect(other.of('cdrs')).toEqual([]);
  });

  it('the worker killed between transaction end and CDR delivery: the CDR still arrives, once', async () => {
    emsp.cdrStatus = 503;
    const failing = await transactionRow(await run16Transaction(station, 'TOKEN1'));
    // The first POST is refused; wait until the job sits in BullMQ's backoff, then SIGKILL.
    await expect.poll(() => emsp.of('cdrs').filter((c) => c.answered === 503).length, { timeout: 20_000 }).toBe(1);
    const cdrRow = await database.store.db
      .selectFrom('cdrs')
      .select(['id', 'cdr_id'])
      .where('transaction_id', '=', failing.id)
      .executeTakeFirstOrThrow();
    // The partner has answered; the worker records that answer a moment later.
    const deliveryOfCdr = async () =>
      (await admin('GET', '/deliveries?module=cdrs')).json.items.find((d: { object_key: string }) =>
        d.object_key.endsWith(`/${cdrRow.cdr_id}`),
      );
    await expect.poll(deliveryOfCdr, { timeout: 10_000 }).toMatchObject({ status: 'retrying', http_status: 503 });
    const queue = new Queue('cdr.push', { connection: { url: redisUrl } as never, prefix: redisPrefix });
    await expect.poll(() => queue.getJobState(`cdr.push|${cdrRow.id}`), { timeout: 10_000 }).toBe('delayed');
    await queue.close();
    await killWorker();

    // With no worker at all, another transaction ends: only the outbox holds its CDR.
    const offline = await transactionRow(await run16Transaction(station, 'TOKEN1'));
    emsp.cdrStatus = 200;
    worker = startWorker();
    for (const txRow of [failing, offline]) {
      await expect
        .poll(
          async () => {
            const cdr = await database.store.db
              .selectFrom('cdrs')
              .select('cdr_id')
              .where('transaction_id', '=', txRow.id)
              .executeTakeFirst();
            return cdr ? emsp.of('cdrs').filter((c) => c.body.id === cdr.cdr_id && c.answered === 201).length : 0;
          },
          { timeout: 30_000 },
        )
        .toBe(1);
      const rows = await database.store.db
        .selectFrom('cdrs')
        .select('id')
        .where('transaction_id', '=', txRow.id)
        .execute();
      expect(rows).toHaveLength(1);
    }
    // Give a duplicate a chance to show up: still exactly one accepted POST per CDR.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const accepted = emsp
      .of('cdrs')
      .filter((c) => c.answered === 201)
      .map((c) => c.body.id);
    expect(accepted.filter((id) => id === cdrRow.cdr_id)).toHaveLength(1);
  }, 90_000);
});
