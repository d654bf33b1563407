/**
 * The admin API of issue 3 against a real gateway and strict ocpp-rpc stations: provisioning,
 * station views, `POST /stations/{identity}/calls` (200 / 409 / 504 / 400) and transactions.
 */
import { build as buildApi } from '@chargebridge/api';
import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { createStationCalls, type StationCalls } from '@chargebridge/routing';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import type { RPCClient } from 'ocpp-rpc';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { seedParty, startGateway } from './helpers/gateway-harness.js';
import { ocppStation } from './helpers/ocpp-station.js';

const TOKEN = 'admin-token-for-stations-test';
let db: TestDatabase;
let api: FastifyInstance;
let calls: StationCalls;
let gw: Awaited<ReturnType<typeof startGateway>>;
const clients: RPCClient[] = [];
const auth = { authorization: `Bearer ${TOKEN}` };

beforeAll(async () => {
  db = await createTestDatabase();
  await seedParty(db.store);
  calls = createStationCalls({ nodeId: 'node-a', defaultTimeoutMs: 3000 });
  gw = await startGateway(db.store, db.url, { stationCalls: calls, nodeId: 'node-a' });
  const config = loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
  api = await buildApi({
    config,
    store: db.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken: TOKEN,
    stationCalls: calls,
  });
});

afterAll(async () => {
  for (const c of clients) await c.close({ force: true }).catch(() => {});
  await api?.close();
  await gw?.gateway.close();
  await calls?.close();
  await db?.drop();
});

const put = (identity: string, body: object) =>
  api.inject({ method: 'PUT', url: `/api/v1/stations/${identity}`, headers: auth, payload: body });
const post = (identity: string, body: object) =>
  api.inject({ method: 'POST', url: `/api/v1/stations/${identity}/calls`, headers: auth, payload: body });

const base = {
  country_code: 'NL',
  party_id: 'TST',
  location_id: 'LOC1',
  security_profile: 1,
  password: 'station-secret-1',
};

describe('PUT /api/v1/stations/{identity}', () => {
  it('creates (201) then replaces (200); the password is stored as a scrypt hash and never shown', async () => {
    const created = await put('ADM-1', {
      ...base,
      evses: [
        {
          evse_id: 'NL*TST*E1',
          connectors: [
            {
              connector_id: '1',
              standard: 'IEC_62196_T2',
              format: 'SOCKET',
              power_type: 'AC_3_PHASE',
              max_voltage: 230,
              max_amperage: 32,
            },
          ],
        },
      ],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      identity: 'ADM-1',
      location_id: 'LOC1',
      security_profile: 1,
      online: false,
    });
    expect(created.body).not.toContain('station-secret-1');
    expect(created.json().evses[0]).toMatchObject({
      evse_id: 'NL*TST*E1',
      status: 'UNKNOWN',
      connectors: [{ connector_id: '1', max_amperage: 32 }],
    });
    const row = await repositories(db.store.db).stations.findByIdentity('ADM-1');
    expect(row?.password_hash).toMatch(/^scrypt\$/);
    expect((await put('ADM-1', { ...base, password: undefined })).statusCode).toBe(200);
  });

  it('refuses an unknown party or location, and profile 1 without a password', async () => {
    expect((await put('ADM-X', { ...base, party_id: 'ZZZ' })).json().error).toBe('unknown_party');
    expect((await put('ADM-X', { ...base, location_id: 'NOPE' })).json().error).toBe('unknown_location');
    const noPassword = await put('ADM-X', { ...base, password: undefined });
    expect([noPassword.statusCode, noPassword.json().error]).toEqual([400, 'password_required']);
    expect((await put('ADM-X', { ...base, security_profile: 7 })).statusCode).toBe(400);
  });
});

describe('POST /api/v1/stations/{identity}/calls', () => {
  let cs16: RPCClient;
  let cs201: RPCClient;

  beforeAll(async () => {
    await put('CALL-16', base);
    await put('CALL-201', base);
    cs16 = ocppStation({ url: gw.url, identity: 'CALL-16', version: '1.6', password: base.password });
    cs201 = ocppStation({ url: gw.url, identity: 'CALL-201', version: '2.0.1', password: base.password });
    clients.push(cs16, cs201);
    cs16.handle('GetConfiguration', async () => ({
      configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }],
    }));
    cs16.handle('Reset', () => new Promise(() => {})); // never answers
    cs201.handle('RequestStartTransaction', async ({ params }) => ({
      status: 'Accepted',
      transactionId: `T-${(params as { remoteStartId: number }).remoteStartId}`,
    }));
    await cs16.connect();
    await cs201.connect();
  });

  it('returns the station response (200) and records the command', async () => {
    const res = await post('CALL-16', { action: 'GetConfiguration', payload: { key: ['HeartbeatInterval'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      response: { configurationKey: [{ key: 'HeartbeatInterval', readonly: false, value: '300' }] },
    });
    const res2 = await post('CALL-201', {
      action: 'RequestStartTransaction',
      payload: { idToken: { idToken: 'CARD', type: 'ISO14443' }, remoteStartId: 42, evseId: 1 },
    });
    expect(res2.json()).toEqual({ response: { status: 'Accepted', transactionId: 'T-42' } });
    const commands = await db.store.db
      .selectFrom('commands')
      .selectAll()
      .where('action', '=', 'GetConfiguration')
      .execute();
    expect(commands.map((c) => c.state)).toEqual(['accepted']);
  });

  it('400 for an action or payload not valid in the station version', async () => {
    const wrongVersion = await post('CALL-16', { action: 'RequestStartTransaction', payload: {} });
    expect([wrongVersion.statusCode, wrongVersion.json().error]).toEqual([400, 'call_invalid']);
    const badPayload = await post('CALL-201', { action: 'RequestStartTransaction', payload: { remoteStartId: 'x' } });
    expect([badPayload.statusCode, badPayload.json().error]).toEqual([400, 'call_invalid']);
  });

  it('504 when the station does not answer in time, 409 when offline, 404 when unknown', async () => {
    const timeout = await post('CALL-16', { action: 'Reset', payload: { type: 'Soft' }, timeout_ms: 300 });
    expect([timeout.statusCode, timeout.json().error]).toEqual([504, 'call_timeout']);
    await put('CALL-OFF', base);
    const offline = await post('CALL-OFF', { action: 'Reset', payload: { type: 'Soft' } });
    expect([offline.statusCode, offline.json().error]).toEqual([409, 'station_offline']);
    expect((await post('NOBODY', { action: 'Reset', payload: { type: 'Soft' } })).statusCode).toBe(404);
  });

  it('GET /stations/{identity} shows protocol, online, last seen and connector statuses', async () => {
    await cs201.call('BootNotification', { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V' } });
    await cs201.call('StatusNotification', {
      timestamp: new Date().toISOString(),
      connectorStatus: 'Occupied',
      evseId: 1,
      connectorId: 1,
    });
    const res = await api.inject({ method: 'GET', url: '/api/v1/stations/CALL-201', headers: auth });
    expect(res.json()).toMatchObject({
      identity: 'CALL-201',
      protocol: '2.0.1',
      online: true,
      boot_info: { reason: 'PowerUp' },
      evses: [{ ocpp_evse_id: 1, status: 'CHARGING', connectors: [{ ocpp_connector_id: 1, ocpp_status: 'Occupied' }] }],
    });
    expect(res.json().last_seen).not.toBeNull();
    const list = await api.inject({ method: 'GET', url: '/api/v1/stations?limit=2', headers: auth });
    expect(list.json()).toMatchObject({ limit: 2 });
    expect(list.json().items).toHaveLength(2);
  });

  it('GET /transactions filters by station and status', async () => {
    await cs201.call('TransactionEvent', {
      eventType: 'Started',
      timestamp: '2025-02-01T10:00:00Z',
      triggerReason: 'Authorized',
      seqNo: 0,
      transactionInfo: { transactionId: 'ADM-TX' },
      evse: { id: 1, connectorId: 1 },
    });
    const res = await api.inject({
      method: 'GET',
      url: '/api/v1/transactions?station=CALL-201&status=active',
      headers: auth,
    });
    expect(res.json()).toMatchObject({
      total: 1,
      items: [{ station: 'CALL-201', transaction_id: 'ADM-TX', protocol: '2.0.1', status: 'active' }],
    });
    const none = await api.inject({
      method: 'GET',
      url: '/api/v1/transactions?station=CALL-201&status=completed',
      headers: auth,
    });
    expect(none.json().total).toBe(0);
    const ranged = await api.inject({
      method: 'GET',
      url: '/api/v1/transactions?from=2025-03-01T00:00:00Z',
      headers: auth,
    });
    expect(ranged.json().total).toBe(0);
  });
});
