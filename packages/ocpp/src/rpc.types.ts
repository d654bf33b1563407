import type { FrameFailure } from './frame.codec.js';
import type { JsonObject, OcppFrame } from './frame.types.js';
import type { OcppError } from './ocpp-error.js';
import type { OcppVersion } from './ocpp-version.js';
import type { MessageKind } from './schema-source.js';

/** What an incoming message handler is told besides action and payload. */
export interface CallContext {
  readonly version: OcppVersion;
  readonly action: string;
  readonly messageId: string;
  /** `call` answers with the handler's result; `send` (2.1 SEND) is never answered. */
  readonly kind: 'call' | 'send';
  /** Aborted when the connection closes while the handler runs. */
  readonly signal: AbortSignal;
  /** Schema violations let through in `lenient` mode (empty in strict mode). */
  readonly violations: readonly ValidationViolation[];
}

/**
 * Handles every incoming CALL and SEND of a connection, one at a time in arrival order. For a
 * CALL the result is the response payload (`undefined` means `{}`), validated before sending;
 * throwing an {@link OcppError} answers with that CALLERROR, anything else with InternalError.
 */
export type CallHandler = (action: string, payload: JsonObject, ctx: CallContext) => unknown;

/** A payload that failed schema validation but was let through (lenient) or refused. */
export interface ValidationViolation {
  /** `in`: the peer's payload; `out`: ours (a bug on our side). */
  readonly direction: 'in' | 'out';
  readonly kind: MessageKind;
  readonly action: string;
  readonly messageId: string;
  readonly error: OcppError;
  /** Whether the message was still processed (lenient mode). */
  readonly accepted: boolean;
}

/** One raw frame crossing the socket, for frame logs. */
export interface FrameEvent {
  readonly direction: 'in' | 'out';
  readonly text: string;
  /** The parsed frame; `undefined` when an inbound text failed to parse (see `failure`). */
  readonly frame: OcppFrame | undefined;
  readonly failure?: FrameFailure;
  readonly at: Date;
}

/** A CALLRESULTERROR the peer sent about one of our CALLRESULTs (2.1 part 4 §4.2.3). */
export interface CallResultErrorEvent {
  readonly messageId: string;
  /** The action of our CALLRESULT with that id, when we still remember it. */
  readonly action: string | undefined;
  readonly error: OcppError;
}

/** Observers of a connection. They must not throw; if they do, it is logged and ignored. */
export interface RpcHooks {
  /** Every frame in and out, before it is acted upon (in) / after it is written (out). */
  onFrame?(event: FrameEvent): void;
  /** A 2.1 CALLRESULTERROR arrived. */
  onCallResultError?(event: CallResultErrorEvent): void;
  /** A frame failed to parse; `count` is the number of bad frames in the current window. */
  onBadFrame?(failure: FrameFailure, count: number): void;
  /** The connection closed (any reason). */
  onClose?(code: number, reason: string): void;
}

/** Pino-compatible logger subset. */
export interface RpcLogger {
  debug?(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Options of {@link RpcConnection}. */
export interface RpcConnectionOptions {
  version: OcppVersion;
  /** Handler of incoming CALL / SEND messages; can be set later with `setHandler`. */
  handler?: CallHandler;
  /**
   * `strict` (default): incoming payloads that fail their schema are answered with a CALLERROR
   * and not handled. `lenient`: the violation is reported to `onViolation` and the handler still
   * runs. What we send is validated in both modes.
   */
  validation?: 'strict' | 'lenient';
  /** Told about every schema violation, in and out. */
  onViolation?: (violation: ValidationViolation) => void;
  /** Per-call timeout for our CALLs, from the moment the frame is sent (default 30 000). */
  callTimeoutMs?: number;
  /** Frames above this many bytes are refused unparsed (default 64 kB). */
  maxFrameBytes?: number;
  /** Bad frames tolerated within `badFrameWindowMs` before the connection closes (default 20). */
  badFrameLimit?: number;
  /** Sliding window of the bad-frame counter (default 60 000). */
  badFrameWindowMs?: number;
  hooks?: RpcHooks;
  logger?: RpcLogger;
  /** Message id generator for our CALLs and SENDs (default `crypto.randomUUID`, 36 chars). */
  generateId?: () => string;
}
