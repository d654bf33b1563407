/** OCPP-J message type numbers (1.6 §4.1.3, 2.0.1 §4.1.3, 2.1 §4.1.3 table 3). */
export const MessageType = {
  Call: 2,
  CallResult: 3,
  CallError: 4,
  /** 2.1 only: error answer to a CALLRESULT. */
  CallResultError: 5,
  /** 2.1 only: unconfirmed message, never answered. */
  Send: 6,
} as const;

/** One of the {@link MessageType} numbers. */
export type MessageTypeId = (typeof MessageType)[keyof typeof MessageType];

/** A JSON object payload. */
export type JsonObject = Record<string, unknown>;

/** `[2, messageId, action, payload]` */
export interface CallFrame {
  readonly type: typeof MessageType.Call;
  readonly messageId: string;
  readonly action: string;
  readonly payload: JsonObject;
}

/** `[3, messageId, payload]` */
export interface CallResultFrame {
  readonly type: typeof MessageType.CallResult;
  readonly messageId: string;
  readonly payload: JsonObject;
}

/** `[4, messageId, errorCode, errorDescription, errorDetails]`; `errorCode` is the wire spelling. */
export interface CallErrorFrame {
  readonly type: typeof MessageType.CallError;
  readonly messageId: string;
  readonly errorCode: string;
  readonly errorDescription: string;
  readonly errorDetails: JsonObject;
}

/** 2.1: `[5, messageId, errorCode, errorDescription, errorDetails]`, answering a CALLRESULT. */
export interface CallResultErrorFrame {
  readonly type: typeof MessageType.CallResultError;
  readonly messageId: string;
  readonly errorCode: string;
  readonly errorDescription: string;
  readonly errorDetails: JsonObject;
}

/** 2.1: `[6, messageId, action, payload]`, never answered. */
export interface SendFrame {
  readonly type: typeof MessageType.Send;
  readonly messageId: string;
  readonly action: string;
  readonly payload: JsonObject;
}

/** Any OCPP-J frame. */
export type OcppFrame = CallFrame | CallResultFrame | CallErrorFrame | CallResultErrorFrame | SendFrame;

/** OCPP-J 2.0.1 §4.1.4 table 4: messageId is string[36]. */
export const MAX_MESSAGE_ID_LENGTH = 36;

/** OCPP-J 2.0.1 §4.2.3: the id to answer with when the message id cannot be read. */
export const UNREADABLE_MESSAGE_ID = '-1';
