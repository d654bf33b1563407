import type { Authorizer } from '@chargebridge/bridge';
import type { Config } from '@chargebridge/config';
import type { JobRunner } from '@chargebridge/jobs';
import type { NodeRegistry, StationCalls } from '@chargebridge/routing';
import type { Store } from '@chargebridge/store';
import type { Logger } from 'pino';

/** Tuning knobs of the gateway's hot path (defaults suit production). */
export interface GatewayTuning {
  /** Most messages per group commit (default 500). */
  maxBatch?: number;
  /** Batch transactions in flight at once (default 4 on PostgreSQL, always 1 on PGlite). */
  commitConcurrency?: number;
  /** How often buffered frames and last-seen times are committed without messages (ms, default 250). */
  flushIntervalMs?: number;
  /** Bad frames tolerated per minute before the socket is closed (default 20). */
  badFrameLimit?: number;
  /** Keepalive sweep interval in ms; overrides OCPP_PING_INTERVAL_S (tests). */
  pingIntervalMs?: number;
}

/** What the OCPP gateway needs from the process that hosts it. */
export interface GatewayDeps {
  config: Config;
  store: Store;
  runner: JobRunner;
  logger: Logger;
  /** This process's node id (station registry, command routing). */
  nodeId: string;
  /**
   * The process's station-call service; the gateway offers its sockets to it and claims stations
   * in its registry. Without it the gateway makes an in-memory one (embedded, tests).
   */
  stationCalls?: StationCalls;
  /**
   * Where the gateway publishes this node's heartbeat every NODE_HEARTBEAT_INTERVAL_MS while it
   * listens (`GET /api/v1/system/nodes`); `close()` removes the entry. Without it, no heartbeat.
   */
  nodeRegistry?: NodeRegistry;
  /** What the heartbeat reports about the process (default: roles `['gateway']`, no version). */
  nodeInfo?: { roles: readonly string[]; version?: string };
  tuning?: GatewayTuning;
  /**
   * Resolves idTokens (local, whitelist, real-time at the eMSP) before the commit batch. Without
   * it the gateway builds a `TokenAuthorizer` on its store (AUTHORIZATION_TIMEOUT_MS budget).
   */
  authorizer?: Authorizer;
}
