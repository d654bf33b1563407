import { buildCallError } from './frame.codec.js';
import {
  type CallErrorFrame,
  type CallFrame,
  type CallResultFrame,
  type JsonObject,
  MessageType,
  type OcppFrame,
  type SendFrame,
} from './frame.types.js';
import { isOcppError, OcppError } from './ocpp-error.js';
import type { OcppVersion } from './ocpp-version.js';
import { type PayloadGuard, wireSnapshot } from './payload-guard.js';
import type { CallContext, CallHandler, RpcLogger, ValidationViolation } from './rpc.types.js';
import { SerialLane } from './serial-lane.js';
import { isCallAction, isSendAction } from './validator-registry.js';

const RECENT_RESULTS = 64;

/** What the dispatcher needs from its connection. */
export interface InboundDeps {
  readonly version: OcppVersion;
  readonly guard: PayloadGuard;
  readonly logger: RpcLogger;
  /** Aborted when the connection closes. */
  readonly signal: AbortSignal;
  /** Writes a reply frame (no-op once closed). */
  readonly write: (frame: OcppFrame) => void;
}

/**
 * The inbound half of a connection: the peer's CALLs and SENDs are validated, handed to the
 * handler one at a time in arrival order, and CALLs are answered.
 */
export class InboundDispatcher {
  handler: CallHandler | undefined;
  private readonly lane: SerialLane<CallFrame | SendFrame>;
  private readonly inProgress = new Set<string>();
  private readonly recentResults = new Map<string, string>();

  constructor(private readonly deps: InboundDeps) {
    this.lane = new SerialLane(
      (frame) => (frame.type === MessageType.Call ? this.processCall(frame) : this.processSend(frame)),
      (err, frame) => deps.logger.error({ err, messageId: frame.messageId }, 'OCPP inbound lane failed'),
    );
  }

  /** Takes a parsed CALL or SEND from the peer. */
  accept(frame: CallFrame | SendFrame): void {
    if (frame.type === MessageType.Call) {
      if (this.inProgress.has(frame.messageId)) {
        // Part 4 §4.2.3: "an existing call with the same unique identifier is being handled
        // already" is answered with a CALLERROR (not a valid RPC request → RpcFrameworkError).
        const error = new OcppError('RpcFrameworkError', `Message id ${frame.messageId} is already being processed`);
        this.deps.write(buildCallError(this.deps.version, frame.messageId, error));
        return;
      }
      this.inProgress.add(frame.messageId);
    }
    this.lane.push(frame);
  }

  /** The action of a CALLRESULT we sent recently, to name it in a CALLRESULTERROR report. */
  actionOfResult(messageId: string): string | undefined {
    return this.recentResults.get(messageId);
  }

  /** Drops queued messages; the one being handled sees its `signal` aborted. */
  stop(): void {
    this.lane.stop();
    this.inProgress.clear();
  }

  private async processCall(frame: CallFrame): Promise<void> {
    try {
      const reply = await this.answer(frame);
      if (reply.type === MessageType.CallResult) this.rememberResult(frame.messageId, frame.action);
      this.deps.write(reply);
    } finally {
      this.inProgress.delete(frame.messageId);
    }
  }

  private async answer(frame: CallFrame): Promise<CallResultFrame | CallErrorFrame> {
    const { version, guard, logger } = this.deps;
    const { action, messageId, payload } = frame;
    const fail = (error: OcppError) => buildCallError(version, messageId, error);
    if (!isCallAction(version, action)) {
      // 1.6 §4.2.3 table 7 and 2.x §4.3: "Requested Action is not known by receiver".
      return fail(new OcppError('NotImplemented', `Unknown action ${action} for OCPP ${version}`));
    }
    const violations = guard.inbound(action, 'request', messageId, payload);
    if (violations instanceof OcppError) return fail(violations);
    if (this.handler === undefined) return fail(new OcppError('NotSupported', `${action} is not handled here`));
    let result: unknown;
    try {
      result = await this.handler(action, payload, this.context(frame, violations));
    } catch (err) {
      if (isOcppError(err)) return fail(err);
      logger.error({ err, action, messageId }, 'OCPP handler threw');
      return fail(new OcppError('InternalError', `Failed to process ${action}`));
    }
    const response = wireSnapshot(result);
    // Never send an invalid response: it is our bug (logged by the guard), the peer gets InternalError.
    if (guard.outbound(action, 'response', messageId, response) !== undefined) {
      return fail(new OcppError('InternalError', `Failed to produce a valid ${action} response`));
    }
    return { type: MessageType.CallResult, messageId, payload: response as JsonObject };
  }

  private async processSend(frame: SendFrame): Promise<void> {
    const { version, guard, logger } = this.deps;
    const { action, messageId, payload } = frame;
    // 2.1 §4.2.4: a SEND is never answered, so problems are only logged / reported.
    if (!isSendAction(version, action)) {
      logger.warn({ action, messageId }, 'SEND with an action that is not a SEND message; dropped');
      return;
    }
    const violations = guard.inbound(action, 'request', messageId, payload);
    if (violations instanceof OcppError || this.handler === undefined) return;
    try {
      await this.handler(action, payload, this.context(frame, violations));
    } catch (err) {
      logger.error({ err, action, messageId }, 'OCPP SEND handler threw');
    }
  }

  private context(frame: CallFrame | SendFrame, violations: ValidationViolation[]): CallContext {
    return {
      version: this.deps.version,
      action: frame.action,
      messageId: frame.messageId,
      kind: frame.type === MessageType.Call ? 'call' : 'send',
      signal: this.deps.signal,
      violations,
    };
  }

  private rememberResult(messageId: string, action: string): void {
    this.recentResults.set(messageId, action);
    // Only needed to name the action of a CALLRESULTERROR, which follows its CALLRESULT closely.
    for (const old of this.recentResults.keys()) {
      if (this.recentResults.size <= RECENT_RESULTS) break;
      this.recentResults.delete(old);
    }
  }
}
