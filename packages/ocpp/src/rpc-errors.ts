/**
 * Local (non-protocol) failures of an outbound CALL. Protocol errors from the peer are
 * {@link OcppError}s; these two say the peer never answered.
 */

/** The CALL got no CALLRESULT / CALLERROR within its timeout (OCPP-J 2.0.1 §4.1.1 "timed out"). */
export class RpcTimeoutError extends Error {
  readonly action: string;
  readonly messageId: string;
  readonly timeoutMs: number;

  constructor(action: string, messageId: string, timeoutMs: number) {
    super(`${action} (${messageId}) got no answer within ${timeoutMs} ms`);
    this.name = 'RpcTimeoutError';
    this.action = action;
    this.messageId = messageId;
    this.timeoutMs = timeoutMs;
  }
}

/** The connection closed before the CALL was sent or answered. */
export class RpcClosedError extends Error {
  readonly action: string;
  /** Whether the CALL had already been written to the socket. */
  readonly sent: boolean;

  constructor(action: string, sent: boolean) {
    super(`Connection closed before ${action} was ${sent ? 'answered' : 'sent'}`);
    this.name = 'RpcClosedError';
    this.action = action;
    this.sent = sent;
  }
}
