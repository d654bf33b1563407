/**
 * Issue 8, station detail API: the frame log (pairing, filters, paging, NDJSON export), the
 * asynchronous commands against a real gateway and strict ocpp-rpc stations (ACCEPTED, REJECTED,
 * TIMEOUT, OFFLINE with why, FAILED), the command catalog, status history with offline gaps,
 * telemetry, configuration and sessions.
 */
import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { getSchema, type OcppVersion, validatePayload } from '@chargebridge/ocpp';
import { createStationCalls, type StationCalls } from '@chargebridge/routing';
import { type NewFrame, repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import type { RPCClient } from 'ocpp-rpc';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { seedParty, startGateway } from '../../../test/gateway/helpers/gateway-harness.js';
import { ocppStation } from '../../../test/gateway/helpers/ocpp-station.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { commandExample } from '../src/admin/commands/command-examples.js';
import { build } from '../src/index.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests read JSON answers field by field.
type Json = any;

const TOKEN = 'station-detail-admin-token-0123';
const auth = { authorization: `Bearer ${TOKEN}` };
let db: TestDatabase;
let api: FastifyInstance;
let calls: StationCalls;
let gw: Awaited<ReturnType<typeof startGateway>>;
const clients: RPCClient[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedParty(db.store);
  calls = createStationCalls({ nodeId: 'node-d', defaultTimeoutMs: 3000 });
  gw = await startGateway(db.store, db.url, { stationCalls: calls, nodeId: 'node-d' });
  api = await build({
    config: loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: 'silent', OCPP_CALL_TIMEOUT_MS: '3000' }),
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

const get = (url: string) => api.inject({ method: 'GET', url: `/api/v1${url}`, headers: auth });
const post = (url: string, payload: object) =>
  api.inject({ method: 'POST', url: `/api/v1${url}`, headers: auth, payload });
const provision = (identity: string) =>
  api.inject({
    method: 'PUT',
    url: `/api/v1/stations/${identity}`,
    headers: auth,
    payload: { country_code: 'NL', party_id: 'TST', location_id: 'LOC1', security_profile: 0 },
  });

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Queues a command (202) and waits until it has ended. */
async function command(identity: string, body: object) {
  const res = await post(`/stations/${identity}/commands`, body);
  expect(res.statusCode).toBe(202);
  expect(res.json().state).toBe('queued');
  const id = res.json().id as string;
  const final = await waitFor(
    async () => (await get(`/commands/${id}`)).json(),
    (c) => !['queued', 'sent'].includes(c.state),
  );
  return final;
}

describe('GET /stations/{identity}/frames: pairing, filters, paging, export', () => {
  const base = Date.parse('2025-03-01T10:00:00Z');
  const frame = (ms: number, f: Omit<NewFrame, 'station_identity' | 'at' | 'node'>): NewFrame => ({
    station_identity: 'FR-1',
    node: 'node-x',
    at: new Date(base + ms),
    ...f,
  });
  const call = (id: string, action: string, payload: object) => JSON.stringify([2, id, action, payload]);
  const result = (id: string, payload: object) => JSON.stringify([3, id, payload]);

  beforeAll(async () => {
    await provision('FR-1');
    await repositories(db.store.db).frames.append([
      frame(0, {
        direction: 'in',
        message_type: 2,
        message_id: 'm1',
        action: 'BootNotification',
        raw: call('m1', 'BootNotification', { reason: 'PowerUp' }),
        violation: null,
      }),
      frame(20, {
        direction: 'out',
        message_type: 3,
        message_id: 'm1',
        action: null,
        raw: result('m1', { status: 'Accepted' }),
        violation: null,
      }),
      frame(1000, {
        direction: 'in',
        message_type: 2,
        message_id: 'm2',
        action: 'MeterValues',
        raw: call('m2', 'MeterValues', { evseId: 'one' }),
        violation: null,
      }),
      frame(1001, {
        direction: 'in',
        message_type: null,
        message_id: 'm2',
        action: 'MeterValues',
        raw: '',
        violation: 'accepted request: TypeConstraintViolation evseId must be integer',
      }),
      frame(1010, {
        direction: 'out',
        message_type: 3,
        message_id: 'm2',
        action: null,
        raw: result('m2', {}),
        violation: null,
      }),
      frame(2000, {
        direction: 'out',
        message_type: 2,
        message_id: 'c1',
        action: 'Reset',
        raw: call('c1', 'Reset', { type: 'Hard' }),
        violation: null,
      }),
      frame(2150, {
        direction: 'in',
        message_type: 4,
        message_id: 'c1',
        action: null,
        raw: JSON.stringify([4, 'c1', 'NotImplemented', 'no reset here', {}]),
        violation: null,
      }),
      frame(3000, {
        direction: 'in',
        message_type: 6,
        message_id: 's1',
        action: 'NotifyPeriodicEventStream',
        raw: JSON.stringify([
          6,
          's1',
          'NotifyPeriodicEventStream',
          { id: 1, pending: 0, basetime: '2025-03-01T10:00:03Z', data: [] },
        ]),
        violation: null,
      }),
      frame(4000, {
        direction: 'in',
        message_type: 2,
        message_id: 'h1',
        action: 'Heartbeat',
        raw: call('h1', 'Heartbeat', {}),
        violation: null,
      }),
      frame(4005, {
        direction: 'out',
        message_type: 3,
        message_id: 'h1',
        action: null,
        raw: result('h1', { currentTime: '2025-03-01T10:00:04Z' }),
        violation: null,
      }),
      frame(4100, {
        direction: 'in',
        message_type: 5,
        message_id: 'h1',
        action: null,
        raw: JSON.stringify([5, 'h1', 'FormatViolation', 'bad time', {}]),
        violation: null,
      }),
      frame(5000, {
        direction: 'in',
        message_type: null,
        message_id: null,
        action: null,
        raw: 'not json at all',
        violation: 'parse: RpcFrameworkError',
      }),
      frame(6000, {
        direction: 'in',
        message_type: 2,
        message_id: 'm1',
        action: 'Heartbeat',
        raw: call('m1', 'Heartbeat', {}),
        violation: null,
      }),
      frame(6030, {
        direction: 'out',
        message_type: 3,
        message_id: 'm1',
        action: null,
        raw: result('m1', { currentTime: 'second' }),
        violation: null,
      }),
      frame(7000, {
        direction: 'in',
        message_type: 3,
        message_id: 'zz',
        action: null,
        raw: result('zz', { status: 'Accepted' }),
        violation: null,
      }),
    ]);
  });

  const items = async (query = '') => {
    const res = await get(`/stations/FR-1/frames${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('shows one entry per message, requests paired with their answer by message id', async () => {
    const page = await items();
    expect(page.next_before_id).toBeNull();
    expect(page.items.map((i: Json) => [i.message_type_name ?? i.message_type, i.message_id, i.action])).toEqual([
      ['CALLRESULT', 'zz', null],
      ['CALL', 'm1', 'Heartbeat'],
      [null, null, null],
      ['CALLRESULTERROR', 'h1', 'Heartbeat'],
      ['CALL', 'h1', 'Heartbeat'],
      ['SEND', 's1', 'NotifyPeriodicEventStream'],
      ['CALL', 'c1', 'Reset'],
      ['CALL', 'm2', 'MeterValues'],
      ['CALL', 'm1', 'BootNotification'],
    ]);
    const byKey = (type: number, id: string, action: string) =>
      page.items.find((i: Json) => i.message_type === type && i.message_id === id && i.action === action)!;
    const boot = byKey(2, 'm1', 'BootNotification');
    expect(boot.payload).toEqual({ reason: 'PowerUp' });
    expect(boot.paired).toMatchObject({ message_type: 3, payload: { status: 'Accepted' }, latency_ms: 20 });
    // The reused id m1 pairs with the answer after the second request, not the first.
    expect(byKey(2, 'm1', 'Heartbeat').paired).toMatchObject({ payload: { currentTime: 'second' }, latency_ms: 30 });
    const reset = byKey(2, 'c1', 'Reset');
    expect(reset.direction).toBe('out');
    expect(reset.paired).toMatchObject({
      message_type: 4,
      message_type_name: 'CALLERROR',
      payload: { errorCode: 'NotImplemented', errorDescription: 'no reset here' },
    });
    // 2.1: the CALLRESULTERROR names the action of the request and shows the CALLRESULT it refused.
    const refused = byKey(5, 'h1', 'Heartbeat');
    expect(refused.payload).toMatchObject({ errorCode: 'FormatViolation' });
    expect(refused.paired).toMatchObject({ message_type: 3, payload: { currentTime: '2025-03-01T10:00:04Z' } });
    expect(byKey(6, 's1', 'NotifyPeriodicEventStream').paired).toBeNull();
    // A lenient-mode violation note is folded into its frame; unreadable frames keep their text.
    expect(byKey(2, 'm2', 'MeterValues').violation).toMatch(/^accepted request: TypeConstraintViolation/);
    const unreadable = page.items.find((i: Json) => i.message_type === null)!;
    expect([unreadable.raw, unreadable.payload, unreadable.violation]).toEqual([
      'not json at all',
      null,
      'parse: RpcFrameworkError',
    ]);
  });

  it('filters by action (answers through their request), direction and violations', async () => {
    const heartbeat = await items('?action=Heartbeat');
    expect(heartbeat.items.map((i: Json) => [i.message_type, i.message_id])).toEqual([
      [2, 'm1'],
      [5, 'h1'],
      [2, 'h1'],
    ]);
    expect((await items('?direction=out')).items.map((i: Json) => i.message_id)).toEqual(['c1']);
    const bad = await items('?violations=true');
    expect(bad.items.map((i: Json) => i.message_id)).toEqual([null, 'm2']);
    const windowed = await items(
      `?from=${encodeURIComponent('2025-03-01T10:00:02Z')}&to=${encodeURIComponent('2025-03-01T10:00:05Z')}`,
    );
    expect(windowed.items.map((i: Json) => i.message_id)).toEqual(['h1', 'h1', 's1', 'c1']);
  });

  it('pages backwards with before_id', async () => {
    const first = await items('?limit=4');
    expect(first.items).toHaveLength(4);
    expect(first.next_before_id).toBe(first.items[3]!.id);
    const rest = await items(`?limit=10&before_id=${first.next_before_id}`);
    expect(rest.items.map((i: Json) => i.message_id)).toEqual(['h1', 's1', 'c1', 'm2', 'm1']);
    expect(rest.next_before_id).toBeNull();
  });

  it('exports the filtered entries as streamed NDJSON', async () => {
    const res = await get('/stations/FR-1/frames?format=ndjson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="frames-FR-1-.*\.ndjson"$/);
    const lines = res.body
      .trimEnd()
      .split('\n')
      .map((l: Json) => JSON.parse(l));
    expect(lines).toHaveLength(9);
    expect(lines.at(-1)).toMatchObject({ action: 'BootNotification', paired: { payload: { status: 'Accepted' } } });
    const outOnly = await get('/stations/FR-1/frames?format=ndjson&direction=out');
    expect(
      outOnly.body
        .trimEnd()
        .split('\n')
        .map((l: Json) => JSON.parse(l).message_id),
    ).toEqual(['c1']);
  });

  it('404 for an unknown station', async () => {
    expect((await get('/stations/NOPE/frames')).statusCode).toBe(404);
  });
});

describe('asynchronous commands against a real gateway', () => {
  let cs16: RPCClient;
  let cs201: RPCClient;

  beforeAll(async () => {
    for (const id of ['CMD-16', 'CMD-201', 'CMD-NEVER', 'CMD-GONE']) expect((await provision(id)).statusCode).toBe(201);
    cs16 = ocppStation({ url: gw.url, identity: 'CMD-16', version: '1.6' });
    cs201 = ocppStation({ url: gw.url, identity: 'CMD-201', version: '2.0.1' });
    clients.push(cs16, cs201);
    cs16.handle('GetConfiguration', async () => ({
      configurationKey: [
        { key: 'HeartbeatInterval', readonly: false, value: '300' },
        { key: 'NumberOfConnectors', readonly: true, value: '2' },
      ],
    }));
    cs16.handle('Reset', () => new Promise(() => {})); // never answers
    cs16.handle('RemoteStartTransaction', async () => ({ status: 'Accepted' }));
    cs201.handle('RequestStartTransaction', async () => ({
      status: 'Rejected',
      statusInfo: { reasonCode: 'NoConnector', additionalInfo: 'EVSE 1 is out of order' },
    }));
    await cs16.connect();
    await cs201.connect();
    const gone = ocppStation({ url: gw.url, identity: 'CMD-GONE', version: '1.6' });
    await gone.connect();
    // Close only once the hub has recorded the connection (its write may otherwise land last).
    await waitFor(
      () => repositories(db.store.db).stations.findByIdentity('CMD-GONE'),
      (s) => s?.online === true,
    );
    await gone.close();
    await waitFor(
      () => repositories(db.store.db).stations.findByIdentity('CMD-GONE'),
      (s) => s?.online === false && s.last_seen_at !== null,
    );
  });

  it('ACCEPTED: answers 202 at once, then records the answer; a configuration read fills the configuration view', async () => {
    const done = await command('CMD-16', { action: 'GetConfiguration', payload: {} });
    expect(done).toMatchObject({
      identity: 'CMD-16',
      action: 'GetConfiguration',
      origin: 'admin',
      state: 'accepted',
      error: null,
      response: { configurationKey: [{ key: 'HeartbeatInterval', value: '300' }, { key: 'NumberOfConnectors' }] },
    });
    expect(done.deadline_at).not.toBeNull();
    const config = (await get('/stations/CMD-16/configuration')).json();
    expect(config.protocol).toBe('1.6');
    expect(config.variables.map((v: Json) => [v.component, v.variable, v.value, v.readonly])).toEqual([
      ['Configuration', 'HeartbeatInterval', '300', false],
      ['Configuration', 'NumberOfConnectors', '2', true],
    ]);
    expect((await command('CMD-16', { action: 'RemoteStartTransaction', payload: { idTag: 'CARD' } })).state).toBe(
      'accepted',
    );
  });

  it('REJECTED: a Rejected status keeps the raw answer and says why', async () => {
    const done = await command('CMD-201', {
      action: 'RequestStartTransaction',
      payload: { idToken: { idToken: 'CARD', type: 'ISO14443' }, remoteStartId: 7, evseId: 1 },
    });
    expect(done.state).toBe('rejected');
    expect(done.response).toEqual({
      status: 'Rejected',
      statusInfo: { reasonCode: 'NoConnector', additionalInfo: 'EVSE 1 is out of order' },
    });
    expect(done.error).toBe('status Rejected (NoConnector: EVSE 1 is out of order)');
  });

  it('TIMEOUT: a silent station ends the command in timeout', async () => {
    const done = await command('CMD-16', { action: 'Reset', payload: { type: 'Soft' }, timeout_ms: 300 });
    expect(done.state).toBe('timeout');
    expect(done.error).toMatch(/did not answer Reset within 300 ms/);
  });

  it('OFFLINE: says whether the station never connected or since when it is offline', async () => {
    const never = await command('CMD-NEVER', { action: 'Reset', payload: { type: 'Soft' } });
    expect([never.state, never.error]).toEqual(['offline', 'station CMD-NEVER has never connected']);
    const gone = await command('CMD-GONE', { action: 'Reset', payload: { type: 'Soft' } });
    expect(gone.state).toBe('offline');
    const lastSeen = (await repositories(db.store.db).stations.findByIdentity('CMD-GONE'))!.last_seen_at!;
    expect(gone.error).toBe(`station CMD-GONE is offline since ${lastSeen.toISOString()}`);
  });

  it('FAILED: a CALLERROR ends the command failed with its code', async () => {
    const done = await command('CMD-16', { action: 'ClearCache', payload: {} });
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(/NotImplemented/);
    expect(done.response).toMatchObject({ errorCode: 'NotImplemented' });
  });

  it('400 at once for an action or payload the station version does not take; 404 unknown station', async () => {
    const wrongVersion = await post('/stations/CMD-16/commands', { action: 'RequestStartTransaction', payload: {} });
    expect([wrongVersion.statusCode, wrongVersion.json().error]).toEqual([400, 'call_invalid']);
    expect(wrongVersion.json().message).toMatch(/not an OCPP 1.6 command/);
    const badPayload = await post('/stations/CMD-201/commands', {
      action: 'RequestStartTransaction',
      payload: { remoteStartId: 'x' },
    });
    expect([badPayload.statusCode, badPayload.json().error]).toEqual([400, 'call_invalid']);
    const stationSide = await post('/stations/CMD-16/commands', { action: 'Heartbeat', payload: {} });
    expect(stationSide.statusCode).toBe(400);
    expect((await post('/stations/NOBODY/commands', { action: 'Reset', payload: { type: 'Soft' } })).statusCode).toBe(
      404,
    );
  });

  it('the synchronous /calls records a Rejected answer as rejected (HTTP contract unchanged)', async () => {
    const res = await post('/stations/CMD-201/calls', {
      action: 'RequestStartTransaction',
      payload: { idToken: { idToken: 'CARD', type: 'ISO14443' }, remoteStartId: 8 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().response.status).toBe('Rejected');
    const latest = (await get('/commands?station=CMD-201&limit=1')).json().items[0];
    expect([latest.action, latest.state, latest.payload.remoteStartId]).toEqual([
      'RequestStartTransaction',
      'rejected',
      8,
    ]);
  });

  it('GET /commands lists newest first, filters by station and state, pages with next_before', async () => {
    const all = (await get('/commands?station=CMD-16')).json();
    expect(all.items.map((c: Json) => c.action)).toEqual([
      'ClearCache',
      'Reset',
      'RemoteStartTransaction',
      'GetConfiguration',
    ]);
    expect(all.next_before).toBeNull();
    const first = (await get('/commands?station=CMD-16&limit=3')).json();
    expect(first.items).toHaveLength(3);
    const rest = (await get(`/commands?station=CMD-16&limit=3&before=${encodeURIComponent(first.next_before)}`)).json();
    expect(rest.items.map((c: Json) => c.action)).toEqual(['GetConfiguration']);
    const timeouts = (await get('/commands?state=timeout')).json();
    expect(timeouts.items.map((c: Json) => [c.identity, c.action])).toEqual([['CMD-16', 'Reset']]);
    expect((await get('/commands?station=NOBODY')).json().items).toEqual([]);
    expect((await get('/commands/not-a-command')).statusCode).toBe(404);
  });

  it('the frame log of a real station has both directions, each CALL paired with its answer', async () => {
    const page = await waitFor(
      async () => (await get('/stations/CMD-16/frames?action=GetConfiguration')).json(),
      (p) => p.items.length > 0 && p.items[0].paired !== null,
    );
    expect(page.items[0]).toMatchObject({
      direction: 'out',
      message_type_name: 'CALL',
      action: 'GetConfiguration',
      node: 'node-d',
      paired: { message_type_name: 'CALLRESULT', payload: { configurationKey: expect.any(Array) } },
    });
    // The frame log is written in batches: wait for the ClearCache pair like the one above.
    const failed = await waitFor(
      async () => (await get('/stations/CMD-16/frames?action=ClearCache')).json(),
      (p) => p.items.length > 0 && p.items[0].paired !== null,
    );
    expect(failed.items[0].paired).toMatchObject({
      message_type_name: 'CALLERROR',
      payload: { errorCode: 'NotImplemented' },
    });
  });
});

describe('2.1 SEND and CALLRESULTERROR through the real gateway', () => {
  it('logs both kinds, the CALLRESULTERROR with the action of its request', async () => {
    expect((await provision('RAW-21')).statusCode).toBe(201);
    const ws = new WebSocket(`${gw.url}/RAW-21`, ['ocpp2.1']);
    const answers: unknown[] = [];
    ws.on('message', (data) => answers.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    ws.send(JSON.stringify([2, 'hb-1', 'Heartbeat', {}]));
    await waitFor(
      async () => answers.length,
      (n) => n > 0,
    );
    ws.send(JSON.stringify([5, 'hb-1', 'FormatViolation', 'currentTime unreadable', {}]));
    ws.send(
      JSON.stringify([
        6,
        'send-1',
        'NotifyPeriodicEventStream',
        { id: 1, pending: 0, basetime: new Date().toISOString(), data: [{ t: 0, v: '1' }] },
      ]),
    );
    const page = await waitFor(
      async () => (await get('/stations/RAW-21/frames')).json(),
      (p) => p.items.length >= 3,
    );
    ws.close();
    expect(page.items.map((i: Json) => [i.message_type_name, i.action, i.direction])).toEqual([
      ['SEND', 'NotifyPeriodicEventStream', 'in'],
      ['CALLRESULTERROR', 'Heartbeat', 'in'],
      ['CALL', 'Heartbeat', 'in'],
    ]);
    expect(page.items[1].paired).toMatchObject({
      message_type_name: 'CALLRESULT',
      payload: { currentTime: expect.any(String) },
    });
    expect(page.items[2].paired).toMatchObject({ message_type_name: 'CALLRESULT' });
  });
});

describe('command catalog', () => {
  it("lists the station version's commands, common ones first, with official schemas", async () => {
    const c16 = (await get('/stations/CMD-16/command-catalog')).json();
    expect(c16.protocol).toBe('1.6');
    const names16 = c16.actions.map((a: Json) => a.action);
    expect(names16.slice(0, 3)).toEqual(['Reset', 'RemoteStartTransaction', 'RemoteStopTransaction']);
    expect(names16).toContain('GetConfiguration');
    expect(names16).not.toContain('RequestStartTransaction');
    expect(names16).not.toContain('Heartbeat');
    const reset = c16.actions.find((a: Json) => a.action === 'Reset');
    expect(reset.fields).toEqual([
      { name: 'type', type: 'string', required: true, enum: ['Hard', 'Soft'], format: null, description: null },
    ]);
    expect(reset.schema).toBeNull();
    const withSchemas = (await get('/stations/CMD-16/command-catalog?schemas=true')).json();
    expect(withSchemas.actions.find((a: Json) => a.action === 'Reset').schema).toEqual(
      getSchema('1.6', 'Reset', 'request'),
    );
    const c201 = (await get('/stations/CMD-201/command-catalog')).json();
    expect(c201.actions.map((a: Json) => a.action)).toContain('RequestStartTransaction');
    expect(c201.actions.map((a: Json) => a.action)).not.toContain('RemoteStartTransaction');
    const never = (await get('/stations/CMD-NEVER/command-catalog')).json();
    expect(never.protocol).toBeNull();
    const unionReset = never.actions.find((a: Json) => a.action === 'Reset');
    expect(unionReset.versions).toEqual(['1.6', '2.0.1', '2.1']);
  });

  it('every hand-written example is a valid request of its version', () => {
    for (const version of ['1.6', '2.0.1', '2.1'] as OcppVersion[]) {
      for (const action of [
        'Reset',
        'RemoteStartTransaction',
        'RemoteStopTransaction',
        'RequestStartTransaction',
        'RequestStopTransaction',
        'UnlockConnector',
        'ChangeAvailability',
        'TriggerMessage',
        'GetConfiguration',
        'GetVariables',
        'ChangeConfiguration',
        'SetVariables',
        'ClearCache',
        'UpdateFirmware',
        'SetChargingProfile',
        'ReserveNow',
        'CancelReservation',
      ]) {
        const example = commandExample(version, action);
        if (!example) continue;
        const check = validatePayload(version, action, 'request', example);
        expect({ version, action, check }).toEqual({ version, action, check: { ok: true } });
      }
    }
  });
});

describe('status history, telemetry and sessions', () => {
  it('status changes per connector, and offline gaps from connection events', async () => {
    const cs = ocppStation({ url: gw.url, identity: 'CMD-201', version: '2.0.1' });
    await cs.connect().catch(() => {}); // replaces the earlier socket of CMD-201
    clients.push(cs);
    const at = (s: number) => new Date(Date.now() - 60_000 + s * 1000).toISOString();
    for (const [i, status] of (['Occupied', 'Available'] as const).entries()) {
      await cs.call('StatusNotification', { timestamp: at(i), connectorStatus: status, evseId: 1, connectorId: 1 });
    }
    const history = (await get('/stations/CMD-201/status-history')).json();
    expect(history.online).toBe(true);
    const provisioned = (await repositories(db.store.db).stations.findByIdentity('CMD-201'))!.created_at;
    expect(history.provisioned_at).toBe(provisioned.toISOString());
    expect(history.connectivity_source).toBe('events');
    // Offline only from its provisioning until its first connection, a moment later.
    expect(history.offline).toHaveLength(1);
    expect(Date.parse(history.offline[0].to) - Date.parse(history.offline[0].from)).toBeLessThan(10_000);
    expect(history.connectors).toEqual([{ evse_id: 1, connector_id: 1, status: 'Available' }]);
    expect(history.changes.map((c: Json) => [c.evse_id, c.connector_id, c.status])).toEqual([
      [1, 1, 'Occupied'],
      [1, 1, 'Available'],
    ]);
    const gone = (await get('/stations/CMD-GONE/status-history')).json();
    expect(gone.online).toBe(false);
    expect(gone.connectivity_source).toBe('events');
    // Provisioned → first connection, then open since the disconnect.
    expect(gone.offline).toHaveLength(2);
    expect(gone.offline[0].to).not.toBeNull();
    expect(gone.offline[1].to).toBeNull();
    const lastSeen = (await repositories(db.store.db).stations.findByIdentity('CMD-GONE'))!.last_seen_at!;
    expect(Math.abs(Date.parse(gone.offline[1].from) - lastSeen.getTime())).toBeLessThan(1000);
    // A station that never connected has no events: offline since it was provisioned, and not before.
    const created = (await repositories(db.store.db).stations.findByIdentity('CMD-NEVER'))!.created_at;
    const never = (await get('/stations/CMD-NEVER/status-history')).json();
    expect([never.connectivity_source, never.offline]).toEqual([
      'last_seen',
      [{ from: created.toISOString(), to: null }],
    ]);
    const before = (
      await get('/stations/CMD-NEVER/status-history?from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z')
    ).json();
    expect(before.offline).toEqual([]);
    expect(
      (await get('/stations/CMD-201/status-history?from=2025-01-02T00:00:00Z&to=2025-01-01T00:00:00Z')).statusCode,
    ).toBe(400);
  });

  it('telemetry folds samples into kW, A and SoC points', async () => {
    const station = (await repositories(db.store.db).stations.findByIdentity('CMD-201'))!;
    const t1 = new Date(Date.now() - 120_000);
    const t2 = new Date(Date.now() - 60_000);
    const sample = (at: Date, measurand: string, unit: string, value: number, phase: string | null = null) => ({
      station_id: station.id,
      transaction_id: null,
      ocpp_evse_id: 1,
      sampled_at: at,
      measurand,
      phase,
      context: 'Sample.Periodic',
      location: null,
      unit,
      value,
    });
    await repositories(db.store.db).meterSamples.append([
      sample(t1, 'Power.Active.Import', 'W', 11_000),
      sample(t1, 'Current.Import', 'A', 16, 'L1'),
      sample(t1, 'Current.Import', 'A', 15.5, 'L2'),
      sample(t1, 'SoC', 'Percent', 40),
      sample(t1, 'Energy.Active.Import.Register', 'Wh', 1234),
      sample(t2, 'Power.Active.Import', 'W', 3_700, 'L1-N'),
      sample(t2, 'Power.Active.Import', 'W', 3_600, 'L2-N'),
      sample(t2, 'SoC', 'Percent', 41),
    ]);
    const res = (await get('/stations/CMD-201/telemetry')).json();
    expect(res.truncated).toBe(false);
    expect(res.samples).toEqual([
      { at: t1.toISOString(), evse_id: 1, transaction_id: null, power_kw: 11, current_a: 16, soc: 40 },
      { at: t2.toISOString(), evse_id: 1, transaction_id: null, power_kw: 7.3, current_a: null, soc: 41 },
    ]);
  });

  it("lists the station's transactions, newest first, by transaction row id", async () => {
    const cs = clients.at(-1)!;
    for (const [i, id] of ['TX-OLD', 'TX-NEW'].entries()) {
      await cs.call('TransactionEvent', {
        eventType: 'Started',
        timestamp: new Date(Date.now() - 30_000 + i * 1000).toISOString(),
        triggerReason: 'Authorized',
        seqNo: 0,
        transactionInfo: { transactionId: id },
        evse: { id: 1, connectorId: 1 },
      });
    }
    const res = (await get('/stations/CMD-201/sessions')).json();
    expect(res.total).toBe(2);
    expect(res.items.map((s: Json) => [s.transaction_id, s.status, s.evse_id])).toEqual([
      ['TX-NEW', 'active', 1],
      ['TX-OLD', 'active', 1],
    ]);
    const row = await repositories(db.store.db).transactions.findByUid(
      (await repositories(db.store.db).stations.findByIdentity('CMD-201'))!.id,
      'TX-NEW',
    );
    expect(res.items[0].id).toBe(row!.id);
  });

  it('the summary has the header fields and the location time zone', async () => {
    const res = (await get('/stations/CMD-201/summary')).json();
    expect(res).toMatchObject({
      identity: 'CMD-201',
      party_name: 'Test CPO',
      location_id: 'LOC1',
      location_name: 'Test site',
      time_zone: 'Europe/Amsterdam',
      protocol: '2.0.1',
      online: true,
      schema_violations: 0,
    });
  });
});
