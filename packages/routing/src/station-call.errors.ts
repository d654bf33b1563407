/**
 * The catalogue of station-call failures. Callers branch on `code` (or `instanceof`), never on the
 * message; the same codes travel between nodes, so an error thrown on the gateway that holds the
 * socket is rebuilt as the same class on the node that asked.
 */
export type StationCallErrorCode =
  | 'station_unknown'
  | 'station_offline'
  | 'call_timeout'
  | 'call_invalid'
  | 'station_error';

/** Base of every station-call failure. */
export class StationCallError extends Error {
  constructor(
    readonly code: StationCallErrorCode,
    message: string,
    /** For `station_error` / `call_invalid`: the OCPP error code and details. */
    readonly details: { ocppCode?: string; description?: string; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'StationCallError';
  }
}

/** No station with that identity is provisioned. */
export class StationUnknownError extends StationCallError {
  constructor(identity: string) {
    super('station_unknown', `station ${identity} is not known`);
    this.name = 'StationUnknownError';
  }
}

/** The station has no open connection on any gateway node (or its socket closed mid-call). */
export class StationOfflineError extends StationCallError {
  constructor(identity: string, reason = 'is offline') {
    super('station_offline', `station ${identity} ${reason}`);
    this.name = 'StationOfflineError';
  }
}

/** The station did not answer in time (OCPP-J "timed out"). */
export class StationCallTimeoutError extends StationCallError {
  constructor(identity: string, action: string, timeoutMs: number) {
    super('call_timeout', `station ${identity} did not answer ${action} within ${timeoutMs} ms`);
    this.name = 'StationCallTimeoutError';
  }
}

/** The action does not exist in the station's OCPP version, or the payload fails its schema. */
export class StationCallInvalidError extends StationCallError {
  constructor(message: string, details: StationCallError['details'] = {}) {
    super('call_invalid', message, details);
    this.name = 'StationCallInvalidError';
  }
}

/** The station answered with a CALLERROR (or an answer that fails the response schema). */
export class StationRejectedCallError extends StationCallError {
  constructor(message: string, details: StationCallError['details'] = {}) {
    super('station_error', message, details);
    this.name = 'StationRejectedCallError';
  }
}

/** Plain-object form of an error, for the bus between nodes. */
export interface SerializedCallError {
  code: StationCallErrorCode;
  message: string;
  details?: StationCallError['details'];
}

/** Turns any failure into its serialized form (unexpected errors become `station_error`). */
export function serializeCallError(error: unknown): SerializedCallError {
  if (error instanceof StationCallError) return { code: error.code, message: error.message, details: error.details };
  return { code: 'station_error', message: error instanceof Error ? error.message : String(error) };
}

/** Rebuilds the error class from its serialized form. */
export function deserializeCallError(e: SerializedCallError): StationCallError {
  const error = new StationCallError(e.code, e.message, e.details ?? {});
  const names: Record<StationCallErrorCode, string> = {
    station_unknown: 'StationUnknownError',
    station_offline: 'StationOfflineError',
    call_timeout: 'StationCallTimeoutError',
    call_invalid: 'StationCallInvalidError',
    station_error: 'StationRejectedCallError',
  };
  const proto = {
    station_unknown: StationUnknownError.prototype,
    station_offline: StationOfflineError.prototype,
    call_timeout: StationCallTimeoutError.prototype,
    call_invalid: StationCallInvalidError.prototype,
    station_error: StationRejectedCallError.prototype,
  }[e.code];
  Object.setPrototypeOf(error, proto);
  error.name = names[e.code];
  return error;
}
