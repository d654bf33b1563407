/**
 * Bad input (issue 3): malformed JSON, wrong frame shapes, oversized frames, schema violations,
 * unknown actions, floods and dead sockets get a correct CALLERROR or a closed socket; nothing
 * crashes and other stations notice nothing. Also the per-station lenient mode.
 */
import { repositories } from '@chargebridge/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { aStation, seedParty, startGateway } from './helpers/gateway-harness.js';

let db: TestDatabase;
let gw: Awaited<ReturnType<typeof startGateway>>;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedParty(db.store);
  for (const id of ['BAD-1', 'BAD-2', 'BAD-16', 'FLOOD', 'CALM', 'DEAD', 'STRICT'])
    await aStation(db.store, { identity: id });
  await aStation(db.store, { identity: 'LENIENT', lenient: true });
  gw = await startGateway(db.store, db.url, {
    env: { OCPP_MAX_FRAME_BYTES: '4096' },
    tuning: { pingIntervalMs: 250, badFrameLimit: 10 },
  });
});

afterAll(async () => {
  for (const s of sockets) s.terminate();
  await gw?.gateway.close();
  await db?.drop();
});

/** A raw station socket that collects every frame it receives. */
async function raw(identity: string, protocol: string) {
  const ws = new WebSocket(`${gw.url}/${identity}`, [protocol]);
  sockets.push(ws);
  const inbox: unknown[][] = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    inbox.push(JSON.parse(String(data)) as unknown[]);
    for (const w of waiters.splice(0)) w();
  });
  await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject));
  const next = async (): Promise<unknown[]> => {
    while (inbox.length === 0) await new Promise<void>((r) => waiters.push(r));
    return inbox.shift()!;
  };
  const send = async (text: string) => {
    ws.send(text);
    return next();
  };
  return { ws, send, next };
}

describe('OCPP 2.0.1 bad frames', () => {
  it('answers malformed JSON, a wrong shape, an oversized frame and a schema violation with CALLERRORs, then still works', async () => {
    const s = await raw('BAD-1', 'ocpp2.0.1');
    expect(await s.send('{not json')).toEqual([4, '-1', 'RpcFrameworkError', expect.any(String), expect.any(Object)]);
    expect((await s.send('[2,"m1"]'))[0]).toBe(4);
    const big = JSON.stringify([2, 'm2', 'DataTransfer', { vendorId: 'V', data: 'x'.repeat(5000) }]);
    expect((await s.send(big)).slice(0, 2)).toEqual([4, 'm2']);
    const violation = await s.send(JSON.stringify([2, 'm3', 'BootNotification', { reason: 'PowerUp' }]));
    expect(violation.slice(0, 3)).toEqual([4, 'm3', 'OccurrenceConstraintViolation']);
    const wrongType = await s.send(JSON.stringify([2, 'm4', 'Heartbeat', []]));
    expect(wrongType.slice(0, 2)).toEqual([4, 'm4']);
    expect((await s.send(JSON.stringify([2, 'm5', 'NoSuchAction', {}]))).slice(0, 3)).toEqual([
      4,
      'm5',
      'NotImplemented',
    ]);
    const ok = await s.send(JSON.stringify([2, 'm6', 'Heartbeat', {}]));
    expect(ok).toMatchObject([3, 'm6', { currentTime: expect.any(String) }]);
  });

  it('spells 1.6 error codes the 1.6 way', async () => {
    const s = await raw('BAD-16', 'ocpp1.6');
    const violation = await s.send(JSON.stringify([2, 'a1', 'BootNotification', { chargePointVendor: 'V' }]));
    expect(violation.slice(0, 3)).toEqual([4, 'a1', 'OccurenceConstraintViolation']);
    expect((await s.send(JSON.stringify([2, 'a2', 'Authorize', { idTag: 5 }]))).slice(0, 3)).toEqual([
      4,
      'a2',
      'TypeConstraintViolation',
    ]);
  });

  it('closes a flooding socket past the bad-frame limit; another station notices nothing', async () => {
    const flood = await raw('FLOOD', 'ocpp2.0.1');
    const calm = await raw('CALM', 'ocpp2.0.1');
    const closed = new Promise<number>((resolve) => flood.ws.on('close', (code) => resolve(code)));
    for (let i = 0; i < 30; i++) flood.ws.send('garbage');
    expect(await closed).toBe(1008);
    expect((await calm.send(JSON.stringify([2, 'c1', 'Heartbeat', {}]))).slice(0, 2)).toEqual([3, 'c1']);
  });

  it('marks a dead station offline within two keepalive intervals', async () => {
    const dead = await raw('DEAD', 'ocpp2.0.1');
    await dead.send(JSON.stringify([2, 'd1', 'Heartbeat', {}]));
    await expect.poll(async () => (await repositories(db.store.db).stations.findByIdentity('DEAD'))?.online).toBe(true);
    // The station stops reading: no pongs, no frames.
    (dead.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    await expect
      .poll(async () => (await repositories(db.store.db).stations.findByIdentity('DEAD'))?.online, { timeout: 3_000 })
      .toBe(false);
  });
});

describe('lenient stations', () => {
  const boot = { chargePointVendor: 'ACME', chargePointModel: 'M', chargePointSerialNumber: 'S'.repeat(40) };

  it('a strict station gets a CALLERROR for an overlong serial number', async () => {
    const s = await raw('STRICT', 'ocpp1.6');
    expect((await s.send(JSON.stringify([2, 's1', 'BootNotification', boot]))).slice(0, 3)).toEqual([
      4,
      's1',
      'PropertyConstraintViolation',
    ]);
  });

  it('a lenient station is answered, the data kept and the violation recorded', async () => {
    const s = await raw('LENIENT', 'ocpp1.6');
    expect(await s.send(JSON.stringify([2, 'l1', 'BootNotification', boot]))).toMatchObject([
      3,
      'l1',
      { status: 'Accepted' },
    ]);
    await expect
      .poll(async () => (await repositories(db.store.db).stations.findByIdentity('LENIENT'))?.schema_violations)
      .toBe(1);
    const row = await repositories(db.store.db).stations.findByIdentity('LENIENT');
    expect(row?.boot_info).toMatchObject({ chargePointSerialNumber: 'S'.repeat(40) });
    await expect
      .poll(async () =>
        (await repositories(db.store.db).frames.listForStation('LENIENT', 50)).some((f) =>
          f.violation?.startsWith('accepted'),
        ),
      )
      .toBe(true);
  });
});
