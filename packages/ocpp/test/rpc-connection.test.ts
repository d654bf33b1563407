import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type CallHandler,
  type FrameEvent,
  OcppError,
  RpcClosedError,
  RpcConnection,
  type RpcConnectionOptions,
  RpcTimeoutError,
  type ValidationViolation,
} from '../src/index.js';
import { deferred, flush, MemorySocket } from './helpers/memory-socket.js';

const NOW = '2024-01-01T00:00:00Z';

function setup(options: Partial<RpcConnectionOptions> & Pick<RpcConnectionOptions, 'version'>) {
  const socket = new MemorySocket();
  const frames: FrameEvent[] = [];
  const violations: ValidationViolation[] = [];
  const logger = { warn: vi.fn(), error: vi.fn() };
  let n = 0;
  const conn = new RpcConnection(socket, {
    generateId: () => `id-${++n}`,
    hooks: { onFrame: (e) => frames.push(e) },
    onViolation: (v) => violations.push(v),
    logger,
    ...options,
  });
  return { socket, conn, frames, violations, logger };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('RpcConnection: incoming CALLs', () => {
  it('answers unknown actions with NotImplemented (same spelling in 1.6 and 2.x)', async () => {
    for (const version of ['1.6', '2.0.1', '2.1'] as const) {
      const { socket } = setup({ version, handler: () => ({}) });
      socket.receive([2, 'a1', 'FlyToTheMoon', {}]);
      await flush();
      expect(socket.frames()[0].slice(0, 3)).toEqual([4, 'a1', 'NotImplemented']);
    }
  });

  it('strict: refuses an invalid request with the per-version code and does not call the handler', async () => {
    const handler = vi.fn();
    const s16 = setup({ version: '1.6', handler });
    s16.socket.receive([2, 'b1', 'BootNotification', { chargePointVendor: 'V' }]);
    const s201 = setup({ version: '2.0.1', handler });
    s201.socket.receive([2, 'b1', 'BootNotification', { reason: 'PowerUp', chargingStation: { model: 'M' }, x: 1 }]);
    await flush();
    expect(s16.socket.frames()[0].slice(0, 3)).toEqual([4, 'b1', 'OccurenceConstraintViolation']);
    expect(s201.socket.frames()[0].slice(0, 3)).toEqual([4, 'b1', 'FormatViolation']);
    expect(handler).not.toHaveBeenCalled();
    expect(s16.violations[0]).toMatchObject({ direction: 'in', kind: 'request', accepted: false });
  });

  it('lenient: records the violation and still calls the handler', async () => {
    const handler: CallHandler = (_a, _p, ctx) => {
      expect(ctx.violations).toHaveLength(1);
      return { currentTime: NOW };
    };
    const { socket, violations } = setup({ version: '1.6', validation: 'lenient', handler });
    socket.receive([2, 'h1', 'Heartbeat', { unexpected: true }]);
    await flush();
    expect(socket.frames()).toEqual([[3, 'h1', { currentTime: NOW }]]);
    expect(violations[0]).toMatchObject({ direction: 'in', accepted: true, action: 'Heartbeat' });
  });

  it('processes CALLs one at a time, in order', async () => {
    const order: string[] = [];
    const gate = deferred();
    const handler: CallHandler = async (_a, _p, ctx) => {
      order.push(`start ${ctx.messageId}`);
      if (ctx.messageId === 'c1') await gate.promise;
      order.push(`end ${ctx.messageId}`);
      return { currentTime: NOW };
    };
    const { socket } = setup({ version: '2.0.1', handler });
    socket.receive([2, 'c1', 'Heartbeat', {}]);
    socket.receive([2, 'c2', 'Heartbeat', {}]);
    await flush();
    expect(order).toEqual(['start c1']);
    gate.resolve();
    await flush();
    expect(order).toEqual(['start c1', 'end c1', 'start c2', 'end c2']);
    expect(socket.frames().map((f) => f[1])).toEqual(['c1', 'c2']);
  });

  it('rejects a duplicate id while the first is in progress, accepts it again afterwards', async () => {
    const gate = deferred();
    const { socket } = setup({
      version: '1.6',
      handler: async () => {
        await gate.promise;
        return { currentTime: NOW };
      },
    });
    socket.receive([2, 'd1', 'Heartbeat', {}]);
    socket.receive([2, 'd1', 'Heartbeat', {}]);
    await flush();
    expect(socket.frames()).toHaveLength(1);
    expect(socket.frames()[0].slice(0, 3)).toEqual([4, 'd1', 'FormationViolation']);
    gate.resolve();
    await flush();
    expect(socket.frames()[1]).toEqual([3, 'd1', { currentTime: NOW }]);
    socket.receive([2, 'd1', 'Heartbeat', {}]);
    await flush();
    expect(socket.frames()[2]).toEqual([3, 'd1', { currentTime: NOW }]);
  });

  it('maps handler errors: OcppError keeps its code, anything else is InternalError', async () => {
    const { socket, logger } = setup({
      version: '1.6',
      handler: (action) => {
        if (action === 'Heartbeat') throw new OcppError('SecurityError', 'not accepted yet');
        throw new Error('db down');
      },
    });
    socket.receive([2, 'e1', 'Heartbeat', {}]);
    socket.receive([2, 'e2', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' }]);
    await flush();
    expect(socket.frames()).toEqual([
      [4, 'e1', 'SecurityError', 'not accepted yet', {}],
      [4, 'e2', 'InternalError', 'Failed to process StatusNotification', {}],
    ]);
    expect(logger.error).toHaveBeenCalled();
  });

  it('never sends an invalid response: InternalError instead, logged as a bug', async () => {
    const { socket, violations, logger } = setup({ version: '2.0.1', handler: () => ({ currentTime: 'noon' }) });
    socket.receive([2, 'f1', 'Heartbeat', {}]);
    await flush();
    expect(socket.frames()).toEqual([[4, 'f1', 'InternalError', 'Failed to produce a valid Heartbeat response', {}]]);
    expect(violations[0]).toMatchObject({ direction: 'out', kind: 'response', action: 'Heartbeat' });
    expect(logger.error.mock.calls[0][1]).toMatch(/^Bug:/);
  });

  it('answers NotSupported when no handler is set', async () => {
    const { socket } = setup({ version: '2.1' });
    socket.receive([2, 'g1', 'Heartbeat', {}]);
    await flush();
    expect(socket.frames()[0].slice(0, 3)).toEqual([4, 'g1', 'NotSupported']);
  });
});

describe('RpcConnection: 2.1 SEND and CALLRESULTERROR', () => {
  const stream = { id: 1, pending: 0, basetime: NOW, data: [{ t: 0, v: '230.1' }] };

  it('delivers SEND to the handler and never answers it', async () => {
    const handler = vi.fn(() => ({ ignored: true }));
    const { socket } = setup({ version: '2.1', handler });
    socket.receive([6, 's1', 'NotifyPeriodicEventStream', stream]);
    socket.receive([6, 's2', 'NotifyPeriodicEventStream', { id: 1 }]); // invalid: dropped in strict mode
    socket.receive([6, 's3', 'Heartbeat', {}]); // not a SEND message
    await flush();
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]).toMatchObject(['NotifyPeriodicEventStream', stream, { kind: 'send' }]);
    expect(socket.sent).toEqual([]);
  });

  it('sends SEND frames while a CALL is outstanding', async () => {
    const { socket, conn } = setup({ version: '2.1' });
    const p = conn.call('Heartbeat', {});
    conn.sendUnconfirmed('NotifyPeriodicEventStream', stream);
    expect(socket.frames().map((f) => f[0])).toEqual([2, 6]);
    expect(() => conn.sendUnconfirmed('NotifyPeriodicEventStream', {})).toThrow(OcppError);
    expect(() => conn.sendUnconfirmed('Heartbeat', {})).toThrow(OcppError);
    socket.receive([3, 'id-1', { currentTime: NOW }]);
    await expect(p).resolves.toEqual({ currentTime: NOW });
  });

  it('surfaces a CALLRESULTERROR about our CALLRESULT through the hook', async () => {
    const onCallResultError = vi.fn();
    const socket = new MemorySocket();
    new RpcConnection(socket, {
      version: '2.1',
      handler: () => ({ currentTime: NOW }),
      hooks: { onCallResultError },
    });
    socket.receive([2, 'r1', 'Heartbeat', {}]);
    await flush();
    socket.receive([5, 'r1', 'FormatViolation', 'could not read currentTime', {}]);
    expect(onCallResultError).toHaveBeenCalledTimes(1);
    const event = onCallResultError.mock.calls[0][0];
    expect(event).toMatchObject({ messageId: 'r1', action: 'Heartbeat' });
    expect(event.error).toMatchObject({ code: 'FormatViolation', description: 'could not read currentTime' });
  });

  it('answers an invalid CALLRESULT to our CALL with CALLRESULTERROR in 2.1 and rejects the call', async () => {
    const { socket, conn } = setup({ version: '2.1' });
    const p = conn.call('Heartbeat', {});
    socket.receive([3, 'id-1', { currentTime: 12 }]);
    await expect(p).rejects.toMatchObject({ code: 'TypeConstraintViolation' });
    expect(socket.frames()[1].slice(0, 3)).toEqual([5, 'id-1', 'TypeConstraintViolation']);
  });
});

describe('RpcConnection: outgoing CALLs', () => {
  it('validates and sends what goes on the wire: toJSON applied, undefined members dropped', async () => {
    const { socket, conn } = setup({ version: '1.6' });
    const call = conn.call('ClearCache', { dropped: undefined });
    expect(socket.frames()[0]).toEqual([2, 'id-1', 'ClearCache', {}]);
    socket.receive([3, 'id-1', { status: 'Accepted' }]);
    await call;
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(conn.call('ClearCache', cyclic)).rejects.toMatchObject({ code: 'TypeConstraintViolation' });

    const station = setup({ version: '1.6', handler: () => ({ currentTime: new Date(NOW) }) });
    station.socket.receive([2, 'h1', 'Heartbeat', {}]);
    await flush();
    expect(station.socket.frames()[0]).toEqual([3, 'h1', { currentTime: '2024-01-01T00:00:00.000Z' }]);
  });

  it('validates our CALLs and sends nothing invalid', async () => {
    const { socket, conn } = setup({ version: '1.6' });
    await expect(conn.call('BootNotification', { chargePointVendor: 'V' })).rejects.toMatchObject({
      code: 'OccurrenceConstraintViolation',
    });
    await expect(conn.call('NoSuchAction', {})).rejects.toMatchObject({ code: 'NotImplemented' });
    expect(socket.sent).toEqual([]);
  });

  it('queues calls, one in flight; a CALLERROR rejects with OcppError in canonical spelling', async () => {
    const { socket, conn } = setup({ version: '1.6' });
    const p1 = conn.call('ClearCache', {});
    const p2 = conn.call('ClearCache', {});
    expect(socket.frames()).toEqual([[2, 'id-1', 'ClearCache', {}]]);
    expect(conn.pendingCalls).toBe(2);
    socket.receive([4, 'id-1', 'FormationViolation', 'bad', {}]);
    await expect(p1).rejects.toMatchObject({ code: 'FormatViolation', wireCode: 'FormationViolation' });
    expect(socket.frames()[1]).toEqual([2, 'id-2', 'ClearCache', {}]);
    socket.receive([3, 'id-2', { status: 'Accepted' }]);
    await expect(p2).resolves.toEqual({ status: 'Accepted' });
  });

  it('times out, ignores the late answer and moves to the next call', async () => {
    vi.useFakeTimers();
    const { socket, conn } = setup({ version: '2.0.1', callTimeoutMs: 1000 });
    const p1 = conn.call('ClearCache', {});
    const p2 = conn.call('ClearCache', {}, { timeoutMs: 5000 });
    const r1 = expect(p1).rejects.toBeInstanceOf(RpcTimeoutError);
    vi.advanceTimersByTime(999);
    expect(socket.frames()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    await r1;
    expect(socket.frames()[1]).toEqual([2, 'id-2', 'ClearCache', {}]);
    socket.receive([3, 'id-1', { status: 'Accepted' }]); // late: no effect
    socket.receive([3, 'id-2', { status: 'Rejected' }]);
    await expect(p2).resolves.toEqual({ status: 'Rejected' });
  });

  it('rejects pending and queued calls when the connection closes', async () => {
    const { socket, conn } = setup({ version: '2.0.1' });
    const p1 = conn.call('ClearCache', {});
    const p2 = conn.call('ClearCache', {});
    socket.peerClose(1006, '');
    await expect(p1).rejects.toMatchObject({ name: 'RpcClosedError', sent: true });
    await expect(p2).rejects.toBeInstanceOf(RpcClosedError);
    await expect(conn.call('ClearCache', {})).rejects.toBeInstanceOf(RpcClosedError);
    expect(conn.isClosed).toBe(true);
  });
});

describe('RpcConnection: bad frames and hooks', () => {
  it('answers bad frames per spec and closes past the limit (flood protection)', async () => {
    const onBadFrame = vi.fn();
    const socket = new MemorySocket();
    const conn = new RpcConnection(socket, { version: '2.0.1', badFrameLimit: 3, hooks: { onBadFrame } });
    socket.receive('garbage');
    socket.receive('[9,"x"]');
    socket.receive('[3,"x","not an object"]'); // broken response: not answered
    expect(socket.frames()).toEqual([
      [4, '-1', 'RpcFrameworkError', 'Frame is not valid JSON', {}],
      [4, 'x', 'MessageTypeNotSupported', 'Message type 9 is not supported', {}],
    ]);
    expect(conn.isClosed).toBe(false);
    socket.receive('{}');
    expect(onBadFrame).toHaveBeenCalledTimes(4);
    expect(conn.isClosed).toBe(true);
    expect(socket.closedWith).toEqual({ code: 1008, reason: 'Too many malformed OCPP frames' });
  });

  it('refuses oversized frames', () => {
    const { socket } = setup({ version: '1.6', maxFrameBytes: 100 });
    socket.receive(`[2,"big","DataTransfer",{"vendorId":"${'v'.repeat(200)}"}]`);
    expect(socket.frames()[0].slice(0, 3)).toEqual([4, 'big', 'FormationViolation']);
  });

  it('a broken answer to our in-flight CALL ends it', async () => {
    const { socket, conn } = setup({ version: '2.0.1' });
    const p = conn.call('ClearCache', {});
    socket.receive('[3,"id-1",[]]');
    await expect(p).rejects.toMatchObject({ code: 'FormatViolation' });
  });

  it('reports every frame in and out with direction, text, parsed frame and time', async () => {
    const { socket, frames } = setup({ version: '1.6', handler: () => ({ currentTime: NOW }) });
    socket.receive('[2,"h1","Heartbeat",{}]');
    socket.receive('nope');
    await flush();
    expect(frames.map((f) => [f.direction, f.text, f.frame?.type, f.failure?.reason])).toEqual([
      ['in', '[2,"h1","Heartbeat",{}]', 2, undefined],
      ['in', 'nope', undefined, 'invalid-json'],
      ['out', '[4,"-1","FormationViolation","Frame is not valid JSON",{}]', 4, undefined],
      ['out', `[3,"h1",{"currentTime":"${NOW}"}]`, 3, undefined],
    ]);
    expect(frames.every((f) => f.at instanceof Date)).toBe(true);
  });

  it('aborts the running handler signal on close', async () => {
    let signal: AbortSignal | undefined;
    const gate = deferred();
    const { socket, conn } = setup({
      version: '2.0.1',
      handler: async (_a, _p, ctx) => {
        signal = ctx.signal;
        await gate.promise;
        return { currentTime: NOW };
      },
    });
    socket.receive([2, 'k1', 'Heartbeat', {}]);
    await flush();
    conn.close();
    expect(signal?.aborted).toBe(true);
    gate.resolve();
    await flush();
    expect(socket.sent).toEqual([]);
  });
});
