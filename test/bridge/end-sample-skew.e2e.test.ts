import { priceSession } from '@chargebridge/tariffs';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocppStation } from '../gateway/helpers/ocpp-station.js';
import type { TestDatabase } from '../support/database.js';
import { type AdminCall, startTestHub, type TestHub } from '../support/test-hub.js';
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

let hub: TestHub;
let database: TestDatabase;
let hubUrl: string;
let admin: AdminCall;
let station: RPCClient;
const emsp = new EmspPartner('DE', 'EMP');

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
  hub = await startTestHub({
    nodeId: 'end-skew-e2e',
    adminToken: ADMIN_TOKEN,
    // The configuration defaults this test has always run with (the helper's are 5 s and no pings).
    env: { HUB_PARTY_ID: 'CBH', OCPP_CALL_TIMEOUT_MS: '30000', OCPP_PING_INTERVAL_S: '60' },
  });
  ({ db: database, http: hubUrl, admin } = hub);

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

  station = ocppStation({ url: hub.ocppUrl, identity: 'SKEW201', version: '2.0.1' });
  await station.connect();
  await station.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'Skew', vendorName: 'Test' } });
});

afterAll(async () => {
  await station?.close({ force: true }).catch(() => {});
  await hub?.close();
  await emsp.stop();
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
