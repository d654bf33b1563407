import { describe, expect, it } from 'vitest';
import {
  type FrameFailure,
  isFrameTooLarge,
  type OcppVersion,
  parseFrame,
  peekFrameHead,
  serializeFrame,
} from '../src/index.js';

function fail(text: string, version: OcppVersion, maxFrameBytes?: number): FrameFailure {
  const r = parseFrame(text, version, { maxFrameBytes });
  if (r.ok) throw new Error(`expected failure for ${text}`);
  return r.failure;
}

/** The reply frame as it goes on the wire. */
function reply(text: string, version: OcppVersion): unknown[] | undefined {
  const f = fail(text, version);
  return f.reply === undefined ? undefined : (JSON.parse(serializeFrame(f.reply)) as unknown[]);
}

describe('parseFrame: valid frames', () => {
  it('reads all five types in 2.1 and round-trips them', () => {
    const texts = [
      '[2,"a","Heartbeat",{}]',
      '[3,"a",{"currentTime":"2024-01-01T00:00:00Z"}]',
      '[4,"a","NotImplemented","nope",{}]',
      '[5,"a","FormatViolation","bad",{"x":1}]',
      '[6,"a","NotifyPeriodicEventStream",{"id":1,"pending":0,"basetime":"2024-01-01T00:00:00Z","data":[{"t":0,"v":"1"}]}]',
    ];
    for (const text of texts) {
      const r = parseFrame(text, '2.1');
      expect(r.ok, text).toBe(true);
      if (r.ok) expect(serializeFrame(r.frame)).toBe(text);
    }
  });

  it('reads a null payload as {} (part 4 §4.1.5)', () => {
    const r = parseFrame('[2,"a","Heartbeat",null]', '1.6');
    expect(r).toEqual({ ok: true, frame: { type: 2, messageId: 'a', action: 'Heartbeat', payload: {} } });
  });
});

describe('parseFrame: malformed frames, per version', () => {
  it('invalid JSON: "-1", RpcFrameworkError in 2.x, FormationViolation in 1.6', () => {
    expect(reply('[2,"a",', '2.0.1')).toEqual([4, '-1', 'RpcFrameworkError', 'Frame is not valid JSON', {}]);
    expect(reply('[2,"a",', '2.1')?.[2]).toBe('RpcFrameworkError');
    expect(reply('[2,"a",', '1.6')).toEqual([4, '-1', 'FormationViolation', 'Frame is not valid JSON', {}]);
    const f = fail('not json', '2.0.1');
    expect(f).toMatchObject({ reason: 'invalid-json', messageId: '-1', idReadable: false });
    expect(f.error.code).toBe('RpcFrameworkError');
  });

  it('not an array, or empty', () => {
    expect(reply('{"a":1}', '2.0.1')?.slice(0, 3)).toEqual([4, '-1', 'RpcFrameworkError']);
    expect(reply('[]', '1.6')?.slice(0, 3)).toEqual([4, '-1', 'FormationViolation']);
    expect(fail('"x"', '2.1').reason).toBe('not-an-array');
  });

  it('unreadable message id answers "-1" (2.0.1 §4.2.3)', () => {
    expect(reply('[2,42,"Heartbeat",{}]', '2.0.1')?.slice(0, 3)).toEqual([4, '-1', 'RpcFrameworkError']);
    expect(reply('[2,null,"Heartbeat",{}]', '1.6')?.slice(0, 3)).toEqual([4, '-1', 'FormationViolation']);
  });

  it('message type that is not an integer keeps a readable id', () => {
    expect(reply('["2","m1","Heartbeat",{}]', '2.0.1')?.slice(0, 3)).toEqual([4, 'm1', 'RpcFrameworkError']);
    expect(fail('[2.5,"m1","Heartbeat",{}]', '2.1').reason).toBe('bad-message-type');
  });

  it('unknown message type: 2.0.1 answers MessageTypeNotSupported (§4.4); 1.6 and 2.1 ignore it', () => {
    expect(reply('[7,"m1","X",{}]', '2.0.1')?.slice(0, 3)).toEqual([4, 'm1', 'MessageTypeNotSupported']);
    expect(reply('[7,42]', '2.0.1')?.slice(0, 3)).toEqual([4, '-1', 'MessageTypeNotSupported']);
    expect(reply('[7,"m1","X",{}]', '1.6')).toBeUndefined();
    expect(reply('[7,"m1","X",{}]', '2.1')).toBeUndefined();
    // CALLRESULTERROR and SEND exist only in 2.1.
    expect(reply('[5,"m1","GenericError","",{}]', '2.0.1')?.[2]).toBe('MessageTypeNotSupported');
    expect(fail('[6,"m1","NotifyPeriodicEventStream",{}]', '1.6')).toMatchObject({
      reason: 'unknown-message-type',
      reply: undefined,
    });
  });

  it('wrong element count: ProtocolError ("incomplete") in 1.6, RpcFrameworkError in 2.x', () => {
    expect(reply('[2,"m1","Heartbeat"]', '1.6')?.slice(0, 3)).toEqual([4, 'm1', 'ProtocolError']);
    expect(reply('[2,"m1","Heartbeat",{},1]', '2.0.1')?.slice(0, 3)).toEqual([4, 'm1', 'RpcFrameworkError']);
  });

  it('bad action and non-object payload', () => {
    expect(reply('[2,"m1",5,{}]', '2.0.1')?.slice(0, 3)).toEqual([4, 'm1', 'RpcFrameworkError']);
    expect(reply('[2,"m1","",{}]', '1.6')?.slice(0, 3)).toEqual([4, 'm1', 'FormationViolation']);
    expect(reply('[2,"m1","Heartbeat",[]]', '2.0.1')?.slice(0, 3)).toEqual([4, 'm1', 'FormatViolation']);
    expect(reply('[2,"m1","Heartbeat","x"]', '1.6')?.slice(0, 3)).toEqual([4, 'm1', 'FormationViolation']);
  });

  it('broken responses are never answered with CALLERROR; 2.1 answers a broken CALLRESULT with CALLRESULTERROR', () => {
    expect(reply('[3,"m1","x"]', '2.0.1')).toBeUndefined();
    expect(reply('[3,"m1","x"]', '1.6')).toBeUndefined();
    expect(reply('[3,"m1","x"]', '2.1')?.slice(0, 3)).toEqual([5, 'm1', 'FormatViolation']);
    expect(reply('[4,"m1","NotImplemented","x"]', '2.0.1')).toBeUndefined();
    expect(reply('[4,"m1",1,"x",{}]', '2.1')).toBeUndefined();
    expect(reply('[5,"m1","X"]', '2.1')).toBeUndefined();
    // 2.1 §4.2.4: a SEND is never answered, even when broken.
    expect(reply('[6,"m1","NotifyPeriodicEventStream",[]]', '2.1')).toBeUndefined();
  });
});

describe('frame size cap', () => {
  it('refuses frames over the cap unparsed, answering with the id read from the head', () => {
    const big = `[2,"big-1","DataTransfer",{"vendorId":"v","data":"${'x'.repeat(70_000)}"}]`;
    expect(isFrameTooLarge(big)).toBe(true);
    expect(isFrameTooLarge(big, 100_000)).toBe(false);
    expect(reply(big, '2.0.1')?.slice(0, 3)).toEqual([4, 'big-1', 'FormatViolation']);
    expect(reply(big, '1.6')?.slice(0, 3)).toEqual([4, 'big-1', 'FormationViolation']);
    expect(fail('[2,"a","Heartbeat",{}]', '2.1', 10).reason).toBe('too-large');
    expect(parseFrame(big, '2.0.1', { maxFrameBytes: 100_000 }).ok).toBe(true);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = 'é'.repeat(40); // 80 bytes
    expect(isFrameTooLarge(text, 79)).toBe(true);
    expect(isFrameTooLarge(text, 80)).toBe(false);
  });

  it('peeks type and id without parsing', () => {
    expect(peekFrameHead(' [ 2 , "a\\"b" , "X"')).toEqual({ messageTypeId: 2, messageId: 'a"b' });
    expect(peekFrameHead('{"x":1}')).toEqual({});
  });
});
