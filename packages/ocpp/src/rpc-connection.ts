import { randomUUID } from 'node:crypto';
import { BadFrameMeter } from './bad-frame-meter.js';
import { buildCallResultError, type FrameFailure, parseFrame, serializeFrame } from './frame.codec.js';
import {
  type CallErrorFrame,
  type CallResultFrame,
  type JsonObject,
  MessageType,
  type OcppFrame,
} from './frame.types.js';
import { DEFAULT_MAX_FRAME_BYTES } from './frame-size.js';
import { InboundDispatcher } from './inbound-dispatcher.js';
import { OcppError } from './ocpp-error.js';
import type { OcppVersion } from './ocpp-version.js';
import { PayloadGuard, wireSnapshot } from './payload-guard.js';
import type { CallHandler, FrameEvent, RpcConnectionOptions, RpcHooks, RpcLogger } from './rpc.types.js';
import { CallQueue } from './rpc-call-queue.js';
import { CLOSE_POLICY_VIOLATION, type RpcSocket } from './rpc-socket.js';
import { isCallAction, isSendAction } from './validator-registry.js';

/** Default per-call timeout. */
export const DEFAULT_CALL_TIMEOUT_MS = 30_000;
const NO_LOGGER: RpcLogger = { warn() {}, error() {} };

/**
 * One OCPP-J RPC endpoint over a socket, usable on both sides (CSMS gateway and station
 * simulator). Our CALLs go out one at a time with a timeout; the peer's CALLs and SENDs are
 * validated and handed to one handler, serially in arrival order; the two directions are
 * independent. Everything we send is schema-validated first.
 */
export class RpcConnection {
  readonly version: OcppVersion;
  private readonly guard: PayloadGuard;
  private readonly hooks: RpcHooks;
  private readonly logger: RpcLogger;
  private readonly calls: CallQueue;
  private readonly inbound: InboundDispatcher;
  private readonly badFrames: BadFrameMeter;
  private readonly abort = new AbortController();
  private closed = false;

  constructor(
    private readonly socket: RpcSocket,
    private readonly options: RpcConnectionOptions,
  ) {
    this.version = options.version;
    this.hooks = options.hooks ?? {};
    this.logger = options.logger ?? NO_LOGGER;
    this.guard = new PayloadGuard(options.version, options.validation === 'lenient', options.onViolation, this.logger);
    this.badFrames = new BadFrameMeter(options.badFrameLimit ?? 20, options.badFrameWindowMs ?? 60_000);
    this.calls = new CallQueue((call) =>
      this.write({ type: MessageType.Call, messageId: call.messageId, action: call.action, payload: call.payload }),
    );
    this.inbound = new InboundDispatcher({
      version: this.version,
      guard: this.guard,
      logger: this.logger,
      signal: this.abort.signal,
      write: (frame) => this.write(frame),
    });
    this.inbound.handler = options.handler;
    socket.onMessage((text) => this.onText(text));
    socket.onClose((code, reason) => this.teardown(code, reason));
  }

  /** Whether the connection has closed (locally or by the peer). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Aborted when the connection closes. */
  get closeSignal(): AbortSignal {
    return this.abort.signal;
  }

  /** Our CALLs queued or in flight. */
  get pendingCalls(): number {
    return this.calls.size;
  }

  /** Replaces the handler of incoming CALL / SEND messages. */
  setHandler(handler: CallHandler): void {
    this.inbound.handler = handler;
  }

  /**
   * Sends a CALL and resolves with the validated CALLRESULT payload. Rejects with an
   * {@link OcppError} (CALLERROR received, invalid request or response), `RpcTimeoutError` or
   * `RpcClosedError`. Calls are queued and sent one at a time.
   */
  call<TResponse extends object = JsonObject>(
    action: string,
    payload: object,
    options: { timeoutMs?: number } = {},
  ): Promise<TResponse> {
    if (!isCallAction(this.version, action)) {
      return Promise.reject(new OcppError('NotImplemented', `${action} is not an OCPP ${this.version} CALL`));
    }
    const snapshot = wireSnapshot(payload);
    const error = this.guard.outbound(action, 'request', '', snapshot);
    if (error !== undefined) return Promise.reject(error);
    return new Promise<TResponse>((resolve, reject) => {
      this.calls.push({
        action,
        payload: snapshot as JsonObject,
        messageId: this.newId(),
        timeoutMs: options.timeoutMs ?? this.options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
        resolve: resolve as (p: JsonObject) => void,
        reject,
        sent: false,
      });
    });
  }

  /**
   * Sends a 2.1 SEND (unconfirmed) message now; there is no answer. 2.1 §4.1.1 allows it while a
   * CALL is outstanding. Throws an {@link OcppError} if the message is invalid.
   */
  sendUnconfirmed(action: string, payload: object): void {
    if (!isSendAction(this.version, action)) {
      throw new OcppError('NotImplemented', `${action} is not an OCPP ${this.version} SEND message`);
    }
    const messageId = this.newId();
    const snapshot = wireSnapshot(payload);
    const error = this.guard.outbound(action, 'request', messageId, snapshot);
    if (error !== undefined) throw error;
    this.write({ type: MessageType.Send, messageId, action, payload: snapshot as JsonObject });
  }

  /** Closes the socket; pending calls reject with `RpcClosedError`. */
  close(code = 1000, reason = ''): void {
    if (this.closed) return;
    this.teardown(code, reason);
    this.socket.close(code, reason);
  }

  private newId(): string {
    return (this.options.generateId ?? randomUUID)();
  }

  private onText(text: string): void {
    if (this.closed) return;
    const parsed = parseFrame(text, this.version, {
      maxFrameBytes: this.options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
    });
    const at = new Date();
    if (!parsed.ok) {
      this.emitFrame({ direction: 'in', text, frame: undefined, failure: parsed.failure, at });
      this.onBadFrame(parsed.failure);
      return;
    }
    const frame = parsed.frame;
    this.emitFrame({ direction: 'in', text, frame, at });
    switch (frame.type) {
      case MessageType.Call:
      case MessageType.Send:
        this.inbound.accept(frame);
        return;
      case MessageType.CallResult:
        this.onCallResult(frame);
        return;
      case MessageType.CallError:
        this.settleWithError(frame);
        return;
      default: {
        const error = OcppError.fromWire(frame.errorCode, frame.errorDescription, frame.errorDetails);
        const action = this.inbound.actionOfResult(frame.messageId);
        this.logger.warn({ messageId: frame.messageId, action, code: error.code }, 'Peer rejected our CALLRESULT');
        this.safely(() => this.hooks.onCallResultError?.({ messageId: frame.messageId, action, error }));
      }
    }
  }

  private onBadFrame(failure: FrameFailure): void {
    const count = this.badFrames.record();
    this.logger.warn({ reason: failure.reason, messageId: failure.messageId, count }, 'Bad OCPP frame');
    this.safely(() => this.hooks.onBadFrame?.(failure, count));
    // A broken answer to our in-flight CALL still ends it.
    const type = failure.messageTypeId;
    if (failure.idReadable && (type === MessageType.CallResult || type === MessageType.CallError)) {
      const call = this.calls.match(failure.messageId);
      if (call !== undefined) this.calls.finish(call, { ok: false, error: failure.error });
    }
    if (failure.reply !== undefined) this.write(failure.reply);
    if (this.badFrames.exceeded(count)) this.close(CLOSE_POLICY_VIOLATION, 'Too many malformed OCPP frames');
  }

  private onCallResult(frame: CallResultFrame): void {
    const call = this.calls.match(frame.messageId);
    if (call === undefined) {
      // Late answer to a timed-out call, or an id we never used: nothing to settle.
      this.logger.warn({ messageId: frame.messageId }, 'CALLRESULT matches no outstanding CALL');
      return;
    }
    const error = this.guard.inbound(call.action, 'response', frame.messageId, frame.payload);
    if (!(error instanceof OcppError)) {
      this.calls.finish(call, { ok: true, payload: frame.payload });
      return;
    }
    // 2.1 §4.2.3: tell the peer its CALLRESULT could not be processed.
    if (this.version === '2.1') this.write(buildCallResultError(this.version, frame.messageId, error));
    this.calls.finish(call, { ok: false, error });
  }

  private settleWithError(frame: CallErrorFrame): void {
    const call = this.calls.match(frame.messageId);
    if (call === undefined) {
      this.logger.warn({ messageId: frame.messageId, code: frame.errorCode }, 'CALLERROR matches no outstanding CALL');
      return;
    }
    this.calls.finish(call, {
      ok: false,
      error: OcppError.fromWire(frame.errorCode, frame.errorDescription, frame.errorDetails),
    });
  }

  private write(frame: OcppFrame): void {
    if (this.closed) return;
    const text = serializeFrame(frame);
    this.socket.send(text);
    this.emitFrame({ direction: 'out', text, frame, at: new Date() });
  }

  private emitFrame(event: FrameEvent): void {
    this.safely(() => this.hooks.onFrame?.(event));
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.logger.error({ err }, 'OCPP connection hook threw');
    }
  }

  private teardown(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.abort.abort();
    this.inbound.stop();
    this.calls.close();
    this.safely(() => this.hooks.onClose?.(code, reason));
  }
}
