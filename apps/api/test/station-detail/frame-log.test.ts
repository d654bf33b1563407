/**
 * Station detail API, the frame log: requests paired with their answers, filters, paging and the
 * NDJSON export over seeded frames, and 2.1 SEND and CALLRESULTERROR frames through the real gateway.
 */
import type { NewFrame } from '@chargebridge/store';
import { beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startedForFile } from '../support/started-for-file.js';
import { type Json, startStationDetailHub, waitFor } from './station-detail.fixture.js';

const hub = startedForFile(startStationDetailHub);

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
    await hub.provision('FR-1');
    await hub.repos.frames.append([
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
    const res = await hub.get(`/stations/FR-1/frames${query}`);
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
    const res = await hub.get('/stations/FR-1/frames?format=ndjson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="frames-FR-1-.*\.ndjson"$/);
    const lines = res.body
      .trimEnd()
      .split('\n')
      .map((l: Json) => JSON.parse(l));
    expect(lines).toHaveLength(9);
    expect(lines.at(-1)).toMatchObject({ action: 'BootNotification', paired: { payload: { status: 'Accepted' } } });
    const outOnly = await hub.get('/stations/FR-1/frames?format=ndjson&direction=out');
    expect(
      outOnly.body
        .trimEnd()
        .split('\n')
        .map((l: Json) => JSON.parse(l).message_id),
    ).toEqual(['c1']);
  });

  it('404 for an unknown station', async () => {
    expect((await hub.get('/stations/NOPE/frames')).statusCode).toBe(404);
  });
});

describe('2.1 SEND and CALLRESULTERROR through the real gateway', () => {
  it('logs both kinds, the CALLRESULTERROR with the action of its request', async () => {
    expect((await hub.provision('RAW-21')).statusCode).toBe(201);
    const ws = new WebSocket(`${hub.gw.url}/RAW-21`, ['ocpp2.1']);
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
      async () => (await hub.get('/stations/RAW-21/frames')).json(),
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
