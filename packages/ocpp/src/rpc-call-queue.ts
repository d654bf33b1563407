import type { JsonObject } from './frame.types.js';
import { RpcClosedError, RpcTimeoutError } from './rpc-errors.js';

/** One outbound CALL, from queueing to settlement. */
export interface PendingCall {
  readonly action: string;
  readonly payload: JsonObject;
  readonly messageId: string;
  readonly timeoutMs: number;
  readonly resolve: (payload: JsonObject) => void;
  readonly reject: (error: Error) => void;
  /** Set once the frame has been written. */
  sent: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * Outbound CALLs of one connection. OCPP-J 2.0.1/2.1 §4.1.1: no CALL is sent until the previous
 * one is answered or timed out, so calls wait here in FIFO order and go out one at a time. The
 * timeout runs from the moment a call is written, as §4.1.1 defines "timed out".
 */
export class CallQueue {
  private readonly waiting: PendingCall[] = [];
  private current: PendingCall | undefined;
  private closed = false;

  constructor(private readonly write: (call: PendingCall) => void) {}

  /** Queues a call; writes it at once if nothing is in flight. */
  push(call: PendingCall): void {
    if (this.closed) {
      call.reject(new RpcClosedError(call.action, false));
      return;
    }
    this.waiting.push(call);
    this.pump();
  }

  /** The in-flight call, if its id is `messageId`. */
  match(messageId: string): PendingCall | undefined {
    return this.current?.messageId === messageId ? this.current : undefined;
  }

  /** Calls queued or in flight. */
  get size(): number {
    return this.waiting.length + (this.current === undefined ? 0 : 1);
  }

  /** Settles the in-flight call and sends the next one. */
  finish(call: PendingCall, outcome: { ok: true; payload: JsonObject } | { ok: false; error: Error }): void {
    if (this.current !== call) return;
    clearTimeout(call.timer);
    this.current = undefined;
    if (outcome.ok) call.resolve(outcome.payload);
    else call.reject(outcome.error);
    this.pump();
  }

  /** Rejects every queued and in-flight call; later pushes are rejected too. */
  close(): void {
    this.closed = true;
    const all = this.current === undefined ? [...this.waiting] : [this.current, ...this.waiting];
    this.waiting.length = 0;
    this.current = undefined;
    for (const call of all) {
      clearTimeout(call.timer);
      call.reject(new RpcClosedError(call.action, call.sent));
    }
  }

  private pump(): void {
    if (this.closed || this.current !== undefined) return;
    const call = this.waiting.shift();
    if (call === undefined) return;
    this.current = call;
    call.timer = setTimeout(() => {
      this.finish(call, { ok: false, error: new RpcTimeoutError(call.action, call.messageId, call.timeoutMs) });
    }, call.timeoutMs);
    try {
      call.sent = true;
      this.write(call);
    } catch (error) {
      this.finish(call, { ok: false, error: error instanceof Error ? error : new Error(String(error)) });
    }
  }
}
