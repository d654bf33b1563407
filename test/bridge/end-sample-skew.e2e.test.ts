import { loadConfig } from '@chargebridge/config';
import { priceSession } from '@chargebridge/tariffs';
import type { RPCClient } from 'ocpp-rpc';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubProcess, startHub } from '../../apps/hub/src/runtime/hub-process.js';
import { ocppStation } from '../gateway/helpers/ocpp-station.js';
import { createTestDatabase, type TestDatabase, testRedis } from '../support/database.js';
import { freePort } from '../support/free-port.js';
import { EmspPartner } from './emsp-partner.js';
import { seedHostedSite } from './hosted-site.js';

const ADMIN_TOKEN = 'end-skew-e2e-admin-token-0123';
const TARIFF = {
  currency: 'EUR',
  elements: [
    {
      price_components: [
        { type: 'FLAT', price: 0.5, vat: 21, step_size: 1 },
        { type: 'ENERGY', price: 0.3, vat: 21, step_size: 1 },
      ],
    },
  ],
};

let database: TestDatabase;
let hub: HubProcess;
let hubUrl: string;
let station: RPCClient;
const emsp = new EmspPartner('DE', 'EMP');

/** The admin calls this test makes; only a partner invite's body is read. */
type AdminAnswer = { status: number; json: { versions_url: string; token_a: string } };

async function admin(method: string, path: string, body?: unknown): Promise<AdminAnswer> {
  const response = await fetch(`${hubUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

/**
 * A 2.0.1 transaction of 4 kWh (0.5 → 4.5 kWh register) whose Ended event is stamped at `stop`
 * while its final register sample is stamped `skewMs` later (two clock reads on the station).
 */
async function runTransaction(transactionId: string, skewMs: number, endContext?: string): Promise<void> {
  const stop = Date.now() - 60_000;
  const at = (minutesBeforeStop: number) => new Date(stop - minutesBeforeStop * 60_000).toISOString();
  const sample = (timestamp: string, wh: number, w: number, context?: string) => ({
    timestamp,
    sampledValue: [
      { value: wh, measurand: 'Energy.Active.Import.Register', ...(context ? { context } : {}) },
      { value: w, measurand: 'Power.Active.Import', ...(context ? { context } : {}) },
    ],
  });
  const idToken = { idToken: 'TOKEN1', type: 'ISO14443' };
  const event = (seqNo: number, eventType: string, timestamp: string, meterValue: object, extra: object = {}) =>
    station.call('TransactionEvent', {
      eventType,
      timestamp,
      triggerReason:
        eventType === 'Started' ? 'Authorized' : eventType === 'Ended' ? 'StopAuthorized' : 'MeterValuePeriodic',
      seqNo,
      transactionInfo: { transactionId, ...(eventType === 'Ended' ? { stoppedReason: 'Local' } : {}) },
      evse: { id: 1, connectorId: 1 },
      meterValue: [meterValue],
      ...extra,
    });
  await event(0, 'Started', at(40), sample(at(40), 500, 7000), { idToken });
  await event(1, 'Updated', at(20), sample(at(20), 2500, 7000));
  await event(2, 'Ended', at(0), sample(new Date(stop + skewMs).toISOString(), 4500, 0, endContext), { idToken });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const redis = testRedis();
  const port = await freePort();
  hubUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    DATABASE_URL: database.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    PORT: String(port),
    OCPP_PORT: String(await freePort()),
    HOST: '127.0.0.1',
    PUBLIC_URL: hubUrl,
    ADMIN_TOKEN,
    HUB_PARTY_ID: 'CBH',
    NODE_ID: 'end-skew-e2e',
  });
  hub = await startHub({ config, role: 'all', logger: pino({ level: 'silent' }), jobPrefix: redis.prefix });

  await seedHostedSite(admin, { party: 'Hosted CPO', site: 'Skew site' });
  expect((await admin('PUT', '/tariffs/NL/CPO/T1', TARIFF)).status).toBeLessThan(300);
  const put = await admin('PUT', '/stations/SKEW201', {
    country_code: 'NL',
    party_id: 'CPO',
    location_id: 'LOC1',
    security_profile: 0,
  });
  expect(put.status).toBeLessThan(300);
  await emsp.start();
  const invite = await admin('POST', '/partners', { name: emsp.partyId });
  expect(invite.status).toBe(201);
  await emsp.register(invite.json.versions_url, invite.json.token_a);
  expect(await emsp.pushToken(hubUrl, 'TOKEN1', 'ALWAYS')).toBe(1000);

  station = ocppStation({ url: hub.ocppUrl as string, identity: 'SKEW201', version: '2.0.1' });
  await station.connect();
  await station.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'Skew', vendorName: 'Test' } });
});

afterAll(async () => {
  await station?.close({ force: true }).catch(() => {});
  await hub?.close();
  await emsp.stop();
  await database?.drop();
});

describe('a 2.0.1 station whose Ended sample is stamped after the stop timestamp', () => {
  const cases = [
    { name: '1 ms after, no context', uid: 'TX-SKEW-1MS', skewMs: 1, context: undefined },
    { name: '5 s after, no context', uid: 'TX-SKEW-5S', skewMs: 5_000, context: undefined },
    { name: '90 s after, context Transaction.End', uid: 'TX-SKEW-90S', skewMs: 90_000, context: 'Transaction.End' },
  ];

  for (const c of cases) {
    it(`bills the full energy in the CDR and the final Session (${c.name})`, async () => {
      await runTransaction(c.uid, c.skewMs, c.context);
      const row = await database.store.db
        .selectFrom('transactions')
        .select(['id', 'stopped_at'])
        .where('transaction_uid', '=', c.uid)
        .executeTakeFirstOrThrow();
      const thisCdr = () => emsp.of('cdrs').filter((call) => call.body.id === `CB-${row.id}`);
      await expect.poll(() => thisCdr().length, { timeout: 20_000 }).toBe(1);
      const cdr = thisCdr()[0]?.body;
      expect(cdr.total_energy).toBe(4);
      // 0.50 start + 4 kWh × 0.30 = 1.70 excl. VAT.
      expect(cdr.total_cost).toEqual({ excl_vat: 1.7, incl_vat: 2.057 });
      expect(cdr.end_date_time).toBe(row.stopped_at?.toISOString());
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

      const sessionCalls = () => emsp.of('sessions').filter((call) => call.url.endsWith(`/${cdr.session_id}`));
      await expect.poll(() => sessionCalls().at(-1)?.body.status, { timeout: 10_000 }).toBe('COMPLETED');
      expect(sessionCalls().at(-1)?.body.kwh).toBe(4);
      expect(sessionCalls().at(-1)?.body.total_cost).toEqual(cdr.total_cost);
    });
  }
});
