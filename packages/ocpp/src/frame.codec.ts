import type { ErrorCode } from './error-codes.js';
import {
  type CallErrorFrame,
  type CallResultErrorFrame,
  type JsonObject,
  MessageType,
  type OcppFrame,
  UNREADABLE_MESSAGE_ID,
} from './frame.types.js';
import { DEFAULT_MAX_FRAME_BYTES, isFrameTooLarge, peekFrameHead } from './frame-size.js';
import { OcppError } from './ocpp-error.js';
import type { OcppVersion } from './ocpp-version.js';

/** Why a text could not be read as an OCPP-J frame. */
export type FrameFailureReason =
  | 'too-large'
  | 'invalid-json'
  | 'not-an-array'
  | 'bad-message-type'
  | 'unknown-message-type'
  | 'bad-message-id'
  | 'bad-length'
  | 'bad-action'
  | 'bad-payload'
  | 'bad-error-fields';

/** A text that is not a valid frame, and what (if anything) to answer. */
export interface FrameFailure {
  readonly reason: FrameFailureReason;
  /** The message type number, when it could be read. */
  readonly messageTypeId: number | undefined;
  /** The message id, or `"-1"` when it could not be read (OCPP-J 2.0.1 §4.2.3). */
  readonly messageId: string;
  /** Whether {@link messageId} was read from the frame (as opposed to `"-1"`). */
  readonly idReadable: boolean;
  /** The error, with the code spelled canonically; the reply carries the wire spelling. */
  readonly error: OcppError;
  /** The frame to send back, or `undefined` when the spec says to stay silent. */
  readonly reply: CallErrorFrame | CallResultErrorFrame | undefined;
}

/** Outcome of {@link parseFrame}. */
export type ParseResult = { ok: true; frame: OcppFrame } | { ok: false; failure: FrameFailure };

/** Options of {@link parseFrame}. */
export interface ParseOptions {
  /** Frames above this many UTF-8 bytes are refused unparsed (default 64 kB). */
  maxFrameBytes?: number;
}

// Which code each failure earns, per version. 2.x (part 4 §4.3): a frame that is not a valid RPC
// message is RpcFrameworkError, a payload that is not an object is FormatViolation ("syntactically
// incorrect"). 1.6 (§4.2.3 table 7) has no RpcFrameworkError: FormationViolation ("not conform the
// PDU structure") covers it, and a frame with elements missing is ProtocolError ("incomplete").
const CODE_2X: Record<FrameFailureReason, ErrorCode> = {
  'too-large': 'FormatViolation',
  'invalid-json': 'RpcFrameworkError',
  'not-an-array': 'RpcFrameworkError',
  'bad-message-type': 'RpcFrameworkError',
  'unknown-message-type': 'MessageTypeNotSupported',
  'bad-message-id': 'RpcFrameworkError',
  'bad-length': 'RpcFrameworkError',
  'bad-action': 'RpcFrameworkError',
  'bad-payload': 'FormatViolation',
  'bad-error-fields': 'RpcFrameworkError',
};
const CODE_1_6: Record<FrameFailureReason, ErrorCode> = {
  ...CODE_2X,
  'invalid-json': 'FormatViolation',
  'not-an-array': 'FormatViolation',
  'bad-message-type': 'FormatViolation',
  'unknown-message-type': 'GenericError',
  'bad-message-id': 'FormatViolation',
  'bad-length': 'ProtocolError',
  'bad-action': 'FormatViolation',
  'bad-error-fields': 'FormatViolation',
};

const ELEMENT_COUNT: Record<number, number> = { 2: 4, 3: 3, 4: 5, 5: 5, 6: 4 };

function knownTypes(version: OcppVersion): readonly number[] {
  // 2.1 §4.1.3 adds CALLRESULTERROR (5) and SEND (6); earlier versions know 2, 3, 4 only.
  return version === '2.1' ? [2, 3, 4, 5, 6] : [2, 3, 4];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Decides what to answer a broken frame with. CALLERROR only ever answers a CALL (part 4 §4.2.3);
 * 2.1 may answer a broken CALLRESULT with CALLRESULTERROR (2.1 §4.2.3); SEND, CALLERROR and
 * CALLRESULTERROR are never answered. When the type itself is unreadable we answer as if it were
 * a CALL, with "-1" (2.0.1 §4.2.3). Unknown types: 2.0.1 §4.4 answers MessageTypeNotSupported,
 * while 1.6 §4.1.3 and 2.1 §4.4 (updated) say to ignore the message.
 */
function replyKind(
  version: OcppVersion,
  reason: FrameFailureReason,
  type: number | undefined,
  idReadable: boolean,
): 'callerror' | 'callresulterror' | 'none' {
  if (reason === 'unknown-message-type') return version === '2.0.1' ? 'callerror' : 'none';
  if (type === undefined || type === MessageType.Call) return 'callerror';
  if (type === MessageType.CallResult && version === '2.1' && idReadable) return 'callresulterror';
  return 'none';
}

function failure(
  version: OcppVersion,
  reason: FrameFailureReason,
  description: string,
  type: number | undefined,
  id: string | undefined,
): ParseResult {
  const code = (version === '1.6' ? CODE_1_6 : CODE_2X)[reason];
  const error = new OcppError(code, description);
  const messageId = id ?? UNREADABLE_MESSAGE_ID;
  const kind = replyKind(version, reason, type, id !== undefined);
  const reply =
    kind === 'callerror'
      ? buildCallError(version, messageId, error)
      : kind === 'callresulterror'
        ? buildCallResultError(version, messageId, error)
        : undefined;
  return {
    ok: false,
    failure: { reason, messageTypeId: type, messageId, idReadable: id !== undefined, error, reply },
  };
}

/**
 * Reads one OCPP-J frame for a connection speaking `version`. Never throws: a bad frame comes back
 * as a {@link FrameFailure} that says which error it is and what to answer. The payload of CALL,
 * CALLRESULT and SEND is only checked to be an object here; schema validation is separate.
 */
export function parseFrame(text: string, version: OcppVersion, options: ParseOptions = {}): ParseResult {
  const maxBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  if (isFrameTooLarge(text, maxBytes)) {
    const head = peekFrameHead(text);
    return failure(version, 'too-large', `Frame exceeds ${maxBytes} bytes`, head.messageTypeId, head.messageId);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // 2.0.1 §4.2.3: never echo the broken JSON back; the id is unreadable.
    return failure(version, 'invalid-json', 'Frame is not valid JSON', undefined, undefined);
  }
  if (!Array.isArray(raw) || raw.length === 0) {
    return failure(version, 'not-an-array', 'Frame is not a non-empty JSON array', undefined, undefined);
  }
  const id = typeof raw[1] === 'string' ? raw[1] : undefined;
  const type = raw[0];
  if (typeof type !== 'number' || !Number.isInteger(type)) {
    return failure(version, 'bad-message-type', 'MessageTypeId is not an integer', undefined, id);
  }
  if (!knownTypes(version).includes(type)) {
    return failure(version, 'unknown-message-type', `Message type ${type} is not supported`, type, id);
  }
  if (id === undefined) {
    return failure(version, 'bad-message-id', 'MessageId is not a string', type, undefined);
  }
  if (raw.length !== ELEMENT_COUNT[type]) {
    const detail = `Message type ${type} needs ${ELEMENT_COUNT[type]} elements, got ${raw.length}`;
    return failure(version, 'bad-length', detail, type, id);
  }
  switch (type) {
    case MessageType.Call:
    case MessageType.Send: {
      const [, , action, body] = raw;
      if (typeof action !== 'string' || action === '') {
        return failure(version, 'bad-action', 'Action is not a non-empty string', type, id);
      }
      // Part 4 §4.1.5: an empty payload may be written as null; we read it as {}.
      const payload = body === null ? {} : body;
      if (!isObject(payload)) return failure(version, 'bad-payload', 'Payload is not a JSON object', type, id);
      return { ok: true, frame: { type, messageId: id, action, payload } };
    }
    case MessageType.CallResult: {
      const payload = raw[2] === null ? {} : raw[2];
      if (!isObject(payload)) return failure(version, 'bad-payload', 'Payload is not a JSON object', type, id);
      return { ok: true, frame: { type, messageId: id, payload } };
    }
    default: {
      const [, , errorCode, errorDescription, details] = raw;
      const errorDetails = details === null ? {} : details;
      if (typeof errorCode !== 'string' || typeof errorDescription !== 'string' || !isObject(errorDetails)) {
        return failure(version, 'bad-error-fields', 'Error code/description/details malformed', type, id);
      }
      const t = type as typeof MessageType.CallError | typeof MessageType.CallResultError;
      return { ok: true, frame: { type: t, messageId: id, errorCode, errorDescription, errorDetails } };
    }
  }
}

/** Writes a frame as OCPP-J text. */
export function serializeFrame(frame: OcppFrame): string {
  switch (frame.type) {
    case MessageType.Call:
    case MessageType.Send:
      return JSON.stringify([frame.type, frame.messageId, frame.action, frame.payload]);
    case MessageType.CallResult:
      return JSON.stringify([frame.type, frame.messageId, frame.payload]);
    default:
      return JSON.stringify([frame.type, frame.messageId, frame.errorCode, frame.errorDescription, frame.errorDetails]);
  }
}

/** Builds a CALLERROR for `error`, with the code spelled for `version`. */
export function buildCallError(version: OcppVersion, messageId: string, error: OcppError): CallErrorFrame {
  const wire = error.toWire(version);
  return {
    type: MessageType.CallError,
    messageId,
    errorCode: wire.code,
    errorDescription: wire.description,
    errorDetails: wire.details,
  };
}

/** Builds a 2.1 CALLRESULTERROR for `error`. */
export function buildCallResultError(version: OcppVersion, messageId: string, error: OcppError): CallResultErrorFrame {
  const wire = error.toWire(version);
  return {
    type: MessageType.CallResultError,
    messageId,
    errorCode: wire.code,
    errorDescription: wire.description,
    errorDetails: wire.details,
  };
}
