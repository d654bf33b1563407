import type { Authorizer } from '@chargebridge/bridge';
import type { Config } from '@chargebridge/config';
import type { CallContext } from '@chargebridge/ocpp';
import type { Logger } from 'pino';
import type { BatchWork } from '../persistence/commit-batcher.js';
import type { StationSession } from '../session/station-session.js';

/** What a handler gets besides the payload. */
export interface HandlerContext {
  readonly session: StationSession;
  readonly call: CallContext;
  /** When the message was received. */
  readonly receivedAt: Date;
  readonly config: Config;
  readonly log: Logger;
  /** Token authorization; call it before `commit` (it may call an eMSP), never inside. */
  readonly authorizer: Authorizer;
  /** Runs store work in the next group commit; resolves after commit (ack after commit). */
  commit<T>(work: BatchWork<T>): Promise<T>;
}

/**
 * Handles one (version, action): maps the payload into the normalized store and returns the
 * response payload (validated by the RPC layer before it is sent). Throwing an `OcppError`
 * answers with that CALLERROR — never for a business reason on a transaction message.
 */
// biome-ignore lint/suspicious/noExplicitAny: payloads are schema-validated; handlers read them defensively.
export type MessageHandler = (payload: any, ctx: HandlerContext) => Promise<object | undefined> | object | undefined;

/** Handlers of one version, by action. */
export type HandlerTable = Readonly<Record<string, MessageHandler>>;
