/**
 * Our RpcConnection as the CSMS on a real ws server, against ocpp-rpc's RPCClient in strict mode as
 * the station: every frame we send is also checked by an independent validator.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createValidator, RPCClient } from 'ocpp-rpc';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CallHandler,
  type JsonObject,
  type OcppVersion,
  RpcTimeoutError,
  toSubprotocol,
  type ValidationViolation,
} from '../src/index.js';
import { startCsms, type TestCsms } from './helpers/csms-server.js';
import { deferred } from './helpers/memory-socket.js';

type ClientOptions = ConstructorParameters<typeof RPCClient>[0];

const require = createRequire(import.meta.url);
const NOW = '2024-01-01T00:00:00Z';

/** Drops `additionalProperties` from string enums (a no-op that makes ocpp-rpc's AJV log warnings). */
function quiet(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(quiet);
  if (typeof node !== 'object' || node === null) return node;
  const o = node as JsonObject;
  const out = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, quiet(v)]));
  if (o.type === 'string') delete out.additionalProperties;
  return out;
}

/** ocpp-rpc's own 2.1 strict mode looks up `urn:X.req` but its 2.1 file has `urn:XRequest`: remap. */
function ocpp21Validator() {
  const list = JSON.parse(readFileSync(require.resolve('ocpp-rpc/lib/schemas/ocpp2_1.json'), 'utf8')) as JsonObject[];
  const remapped = list.map((s) => ({
    ...(quiet(s) as JsonObject),
    $id: String(s.$id)
      .replace(/^urn:(.*)Request$/, 'urn:$1.req')
      .replace(/^urn:(.*)Response$/, 'urn:$1.conf'),
  }));
  return createValidator('ocpp2.1', remapped);
}

const BOOT: Record<OcppVersion, { request: JsonObject; response: JsonObject }> = {
  '1.6': {
    request: { chargePointVendor: 'V', chargePointModel: 'M' },
    response: { status: 'Accepted', currentTime: NOW, interval: 300 },
  },
  '2.0.1': {
    request: { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V' } },
    response: { status: 'Accepted', currentTime: NOW, interval: 300 },
  },
  '2.1': {
    request: { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V' } },
    response: { status: 'Accepted', currentTime: NOW, interval: 300 },
  },
};

let csms: TestCsms | undefined;
let station: RPCClient | undefined;

afterEach(async () => {
  await station?.close({ force: true });
  await csms?.close();
  station = undefined;
  csms = undefined;
});

describe.each(['1.6', '2.0.1', '2.1'] as const)('OCPP %s over ws against ocpp-rpc strict', (version) => {
  const violations: ValidationViolation[] = [];
  const logger = { warn: vi.fn(), error: vi.fn() };

  async function connect(handler: CallHandler, callTimeoutMs?: number) {
    violations.length = 0;
    logger.error.mockClear();
    csms = await startCsms({ handler, callTimeoutMs, onViolation: (v) => violations.push(v), logger });
    const accepted = csms.nextConnection();
    const options: Partial<ClientOptions> = {
      endpoint: csms.url,
      identity: `CS-${version}`,
      protocols: [toSubprotocol(version)],
      strictMode: true,
      strictModeValidators: version === '2.1' ? [ocpp21Validator()] : [],
      reconnect: false,
      callTimeoutMs: 5000,
    };
    station = new RPCClient(options as ClientOptions);
    await station.connect();
    const conn = await accepted;
    expect(conn.version).toBe(version);
    return { conn, station, csms };
  }

  /** Index in the frame log of the first frame matching. */
  function indexOf(log: TestCsms, dir: 'in' | 'out', type: number, id?: string): number {
    return log.frames.findIndex(
      (f) => f.direction === dir && f.frame?.type === type && (id === undefined || f.frame.messageId === id),
    );
  }

  it('answers a station CALL and gets answers to its own CALLs, all strictly valid', async () => {
    const { conn, station } = await connect((action) => (action === 'BootNotification' ? BOOT[version].response : {}));
    await expect(station.call('BootNotification', BOOT[version].request)).resolves.toEqual(BOOT[version].response);
    station.handle('ClearCache', async () => ({ status: 'Accepted' }));
    await expect(conn.call('ClearCache', {})).resolves.toEqual({ status: 'Accepted' });
    // Unhandled on the station: ocpp-rpc answers NotImplemented, we reject with it.
    await expect(
      conn.call('Reset', version === '1.6' ? { type: 'Soft' } : { type: 'Immediate' }),
    ).rejects.toMatchObject({ code: 'NotImplemented' });
    expect(violations).toEqual([]);
  });

  it('keeps one outstanding CALL per direction; the other direction proceeds; a queued call waits', async () => {
    const ourHandlerGate = deferred();
    const stationGate = deferred();
    const { conn, station, csms } = await connect(async () => {
      await ourHandlerGate.promise;
      return { currentTime: NOW };
    });
    let stationHandled = 0;
    station.handle('ClearCache', async () => {
      stationHandled++;
      await stationGate.promise;
      return { status: 'Accepted' };
    });
    const heartbeat = station.call('Heartbeat', {});
    const first = conn.call('ClearCache', {});
    const second = conn.call('ClearCache', {});
    await vi.waitFor(() => expect(stationHandled).toBe(1));
    expect(conn.pendingCalls).toBe(2);
    expect(csms.frames.filter((f) => f.direction === 'out' && f.frame?.type === 2)).toHaveLength(1);

    // Our CALL is outstanding, yet the station's CALL is answered.
    ourHandlerGate.resolve();
    await expect(heartbeat).resolves.toEqual({ currentTime: NOW });
    expect(stationHandled).toBe(1);

    stationGate.resolve();
    await expect(first).resolves.toEqual({ status: 'Accepted' });
    await expect(second).resolves.toEqual({ status: 'Accepted' });
    const calls = csms.frames.filter((f) => f.direction === 'out' && f.frame?.type === 2);
    expect(calls).toHaveLength(2);
    const firstResult = indexOf(csms, 'in', 3, calls[0].frame?.messageId);
    expect(csms.frames.indexOf(calls[1])).toBeGreaterThan(firstResult);
  });

  it('times out a call, then sends the queued one', async () => {
    const never = deferred<JsonObject>();
    const { conn, station, csms } = await connect(() => ({}), 300);
    let n = 0;
    station.handle('ClearCache', async () => (++n === 1 ? never.promise : { status: 'Rejected' }));
    const first = conn.call('ClearCache', {});
    const second = conn.call('ClearCache', {});
    await expect(first).rejects.toBeInstanceOf(RpcTimeoutError);
    await expect(second).resolves.toEqual({ status: 'Rejected' });
    const calls = csms.frames.filter((f) => f.direction === 'out' && f.frame?.type === 2);
    expect(calls).toHaveLength(2);
    expect(calls[1].at.getTime() - calls[0].at.getTime()).toBeGreaterThanOrEqual(290);
    never.resolve({ status: 'Accepted' });
  });

  it('rejects a duplicate message id that is still being processed', async () => {
    const gate = deferred();
    const { station, csms } = await connect(async () => {
      await gate.promise;
      return { currentTime: NOW };
    });
    station.sendRaw(JSON.stringify([2, 'dup-1', 'Heartbeat', {}]));
    station.sendRaw(JSON.stringify([2, 'dup-1', 'Heartbeat', {}]));
    await vi.waitFor(() => expect(indexOf(csms, 'out', 4, 'dup-1')).toBeGreaterThanOrEqual(0));
    const error = csms.frames[indexOf(csms, 'out', 4, 'dup-1')];
    expect(JSON.parse(error.text).slice(0, 3)).toEqual([
      4,
      'dup-1',
      version === '1.6' ? 'FormationViolation' : 'RpcFrameworkError',
    ]);
    expect(indexOf(csms, 'out', 3, 'dup-1')).toBe(-1);
    gate.resolve();
    await vi.waitFor(() => expect(indexOf(csms, 'out', 3, 'dup-1')).toBeGreaterThanOrEqual(0));
  });

  it('never sends an invalid response from our handler: InternalError instead', async () => {
    const { station, csms } = await connect(() => ({ currentTime: 'noon' }));
    await expect(station.call('Heartbeat', {})).rejects.toMatchObject({ rpcErrorCode: 'InternalError' });
    expect(csms.frames.some((f) => f.direction === 'out' && f.frame?.type === 3)).toBe(false);
    expect(violations).toMatchObject([{ direction: 'out', kind: 'response', action: 'Heartbeat' }]);
    expect(logger.error.mock.calls.some(([, msg]) => String(msg).startsWith('Bug:'))).toBe(true);
  });

  it('answers an invalid station request with the version-specific error code', async () => {
    const { station } = await connect(() => ({}));
    const missing = version === '1.6' ? { chargePointVendor: 'V' } : { reason: 'PowerUp' };
    // Bypass the station's own strict check by sending raw, then read our CALLERROR.
    const reply = new Promise<unknown[]>((resolve) => {
      station.on('badMessage', ({ buffer }: { buffer: Buffer }) => resolve(JSON.parse(buffer.toString()) as unknown[]));
    });
    station.sendRaw(JSON.stringify([2, 'bad-1', 'BootNotification', missing]));
    expect((await reply).slice(0, 3)).toEqual([
      4,
      'bad-1',
      version === '1.6' ? 'OccurenceConstraintViolation' : 'OccurrenceConstraintViolation',
    ]);
  });
});

describe('OCPP 2.1 SEND over ws', () => {
  it('delivers a SEND to the handler and sends nothing back', async () => {
    const received: Array<[string, JsonObject, string]> = [];
    csms = await startCsms({
      handler: (action, payload, ctx) => {
        received.push([action, payload, ctx.kind]);
      },
    });
    const accepted = csms.nextConnection();
    const options: Partial<ClientOptions> = {
      endpoint: csms.url,
      identity: 'CS-send',
      protocols: ['ocpp2.1'],
      strictMode: true,
      strictModeValidators: [ocpp21Validator()],
      reconnect: false,
    };
    station = new RPCClient(options as ClientOptions);
    await station.connect();
    await accepted;
    const stream = { id: 7, pending: 0, basetime: NOW, data: [{ t: 0, v: '230.4' }] };
    station.sendRaw(JSON.stringify([6, 'send-1', 'NotifyPeriodicEventStream', stream]));
    await vi.waitFor(() => expect(received).toEqual([['NotifyPeriodicEventStream', stream, 'send']]));
    await new Promise((r) => setTimeout(r, 50));
    expect(csms.frames.filter((f) => f.direction === 'out')).toEqual([]);
  });
});
