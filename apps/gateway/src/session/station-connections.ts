import type { Authorizer } from '@chargebridge/bridge';
import type { Config } from '@chargebridge/config';
import {
  type CallContext,
  fromWebSocket,
  isOcppError,
  type JsonObject,
  OcppError,
  RpcConnection,
  type ValidationViolation,
} from '@chargebridge/ocpp';
import type { StationCalls } from '@chargebridge/routing';
import type { StationRow } from '@chargebridge/store';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { HandlerContext, HandlerTable } from '../handlers/handler.types.js';
import { queueStationEvsesPush } from '../handlers/shared/bridge-outbox.js';
import { ocpp21Handlers, ocpp201Handlers } from '../handlers/v2/index.js';
import { ocpp16Handlers } from '../handlers/v16/index.js';
import { gatewayMetrics } from '../metrics/gateway.metrics.js';
import type { CommitBatcher } from '../persistence/commit-batcher.js';
import type { FrameLogBuffer } from '../persistence/frame-log.buffer.js';
import type { LastSeenBuffer } from '../persistence/last-seen.buffer.js';
import { SessionTable } from './local-stations.js';
import { StationSession } from './station-session.js';

const HANDLERS: Readonly<Record<string, HandlerTable>> = {
  '1.6': ocpp16Handlers,
  '2.0.1': ocpp201Handlers,
  '2.1': ocpp21Handlers,
};
const SESSION = Symbol('station-session');
type TaggedSocket = WebSocket & { [SESSION]?: StationSession };

/** Shared pong listener (no per-connection closure): marks the socket's session alive. */
function onPong(this: TaggedSocket): void {
  const session = this[SESSION];
  if (session) session.alive = true;
}

/** Dependencies of {@link StationConnections}. */
export interface StationConnectionsDeps {
  config: Config;
  nodeId: string;
  logger: Logger;
  batcher: CommitBatcher;
  frames: FrameLogBuffer;
  lastSeen: LastSeenBuffer;
  calls: StationCalls;
  badFrameLimit: number;
  authorizer: Authorizer;
}

/**
 * Every open station socket of this node: wraps each in an RpcConnection, dispatches inbound
 * messages to the (version, action) handlers, keeps the registry and the store's online state,
 * and replaces an older connection of the same identity (here or on another node).
 */
export class StationConnections {
  readonly table: SessionTable;

  constructor(private readonly deps: StationConnectionsDeps) {
    this.table = new SessionTable((session, byNode) => {
      deps.logger.info({ stationId: session.identity, byNode }, 'station reconnected on another node; closing here');
      session.retired = true;
      this.table.remove(session);
      session.connection.close(1000, 'Replaced by a newer connection');
    });
  }

  /** Takes an accepted WebSocket whose subprotocol named `version`. */
  open(ws: WebSocket, station: StationRow, version: StationSession['version']): StationSession {
    const { config, batcher, nodeId } = this.deps;
    const now = new Date();
    const session = new StationSession(
      station.id,
      station.identity,
      version,
      ws,
      station.registration_status,
      now,
      station.security_profile,
    );
    (ws as TaggedSocket)[SESSION] = session;
    ws.on('pong', onPong);
    const log = this.deps.logger.child({ stationId: station.identity, version });
    session.connection = new RpcConnection(fromWebSocket(ws), {
      version,
      validation: station.lenient ? 'lenient' : 'strict',
      callTimeoutMs: config.ocppCallTimeoutMs,
      maxFrameBytes: config.ocppMaxFrameBytes,
      badFrameLimit: this.deps.badFrameLimit,
      handler: (action, payload, ctx) => this.dispatch(session, action, payload, ctx),
      onViolation: (v) => this.onViolation(session, v),
      logger: log,
      hooks: {
        onFrame: (event) => {
          if (event.direction === 'in') session.alive = true;
          this.deps.frames.add(session.identity, event);
        },
        onBadFrame: (failure) => gatewayMetrics.errors.inc({ code: failure.error.code }),
        onClose: () => this.onClose(session),
      },
    });
    const previous = this.table.put(session);
    if (previous) {
      previous.retired = true;
      previous.connection.close(1000, 'Replaced by a newer connection');
    }
    gatewayMetrics.connected.inc({ version });
    batcher
      .run(async (repos, writes) => {
        await repos.stations.markConnected(station.id, version, nodeId, now);
        // Connection history: the station detail draws its offline gaps from these events.
        await repos.stationActivity.addEvents([
          { stationId: station.id, kind: 'Connected', payload: { node: nodeId, version }, occurredAt: now },
        ]);
        await queueStationEvsesPush(repos, writes, station.id); // EVSEs leave UNKNOWN (architecture.md status table)
      })
      .catch((err) => log.error({ err }, 'could not mark station connected'));
    this.deps.calls.registry
      .claim(station.identity, nodeId)
      .then((owner) => (owner ? this.deps.calls.evictElsewhere(station.identity, owner) : undefined))
      .catch((err) => log.warn({ err }, 'station registry unavailable'));
    log.info('station connected');
    return session;
  }

  private async dispatch(
    session: StationSession,
    action: string,
    payload: JsonObject,
    call: CallContext,
  ): Promise<unknown> {
    const receivedAt = new Date();
    const { batcher, config, logger } = this.deps;
    gatewayMetrics.messages.inc({ version: session.version, action });
    this.deps.lastSeen.mark(session.stationId, receivedAt);
    if (!session.accepted) {
      try {
        session.registrationGate.admit(session.registrationStatus, action);
      } catch (error) {
        gatewayMetrics.errors.inc({ code: 'SecurityError' });
        throw error;
      }
    }
    const handler = HANDLERS[session.version]?.[action];
    if (!handler) {
      // A valid message we do not handle: recorded and answered NotImplemented, never a crash.
      await batcher.run((repos) =>
        repos.stationActivity.addEvents([
          { stationId: session.stationId, kind: 'Unhandled', payload: { action, payload }, occurredAt: receivedAt },
        ]),
      );
      gatewayMetrics.errors.inc({ code: 'NotImplemented' });
      throw new OcppError('NotImplemented', `${action} is not implemented by this CSMS`);
    }
    const ctx: HandlerContext = {
      session,
      call,
      receivedAt,
      config,
      log: logger,
      authorizer: this.deps.authorizer,
      commit: (work) => batcher.run(work),
    };
    try {
      return (await handler(payload, ctx)) ?? {};
    } catch (error) {
      if (isOcppError(error)) {
        gatewayMetrics.errors.inc({ code: error.code });
        throw error;
      }
      logger.error({ err: error, stationId: session.identity, action }, 'OCPP handler failed');
      gatewayMetrics.errors.inc({ code: 'InternalError' });
      throw new OcppError('InternalError', 'the CSMS could not process the message');
    }
  }

  private onViolation(session: StationSession, v: ValidationViolation): void {
    gatewayMetrics.errors.inc({ code: v.error.code });
    this.deps.frames.addViolation(
      session.identity,
      v.direction,
      v.messageId,
      v.action,
      `${v.accepted ? 'accepted' : 'refused'} ${v.kind}: ${v.error.code} ${v.error.description}`.slice(0, 1000),
    );
    if (v.direction === 'in' && v.accepted) {
      this.deps.batcher
        .run((repos) => repos.stationState.addViolations(session.stationId, 1))
        .catch((err) => this.deps.logger.warn({ err }, 'could not count a schema violation'));
    }
  }

  private onClose(session: StationSession): void {
    gatewayMetrics.connected.dec({ version: session.version });
    (session.socket as TaggedSocket)[SESSION] = undefined;
    const current = this.table.remove(session);
    if (!current || session.retired) return;
    const { batcher, nodeId, calls, logger } = this.deps;
    const at = new Date();
    batcher
      .run(async (repos, writes) => {
        await repos.stations.markDisconnected(session.stationId, nodeId, at);
        await repos.stationActivity.addEvents([
          { stationId: session.stationId, kind: 'Disconnected', payload: { node: nodeId }, occurredAt: at },
        ]);
        await queueStationEvsesPush(repos, writes, session.stationId); // station offline → EVSEs UNKNOWN
      })
      .catch((err) => logger.warn({ err }, 'could not mark station disconnected'));
    calls.registry.release(session.identity, nodeId).catch(() => {});
    logger.info({ stationId: session.identity }, 'station disconnected');
  }

  /**
   * The keepalive sweep (one timer for all stations): a socket that has not answered the previous
   * ping nor sent anything since is terminated — a dead station is offline within two intervals.
   */
  sweep(): void {
    const identities: string[] = [];
    for (const session of this.table.values()) {
      if (!session.alive) {
        session.socket.terminate();
        continue;
      }
      session.alive = false;
      session.socket.ping();
      identities.push(session.identity);
    }
    this.deps.calls.registry.refresh(identities, this.deps.nodeId).catch(() => {});
  }

  /** Closes every socket (shutdown: 1001 going away). */
  closeAll(): void {
    for (const session of [...this.table.values()]) session.connection.close(1001, 'CSMS shutting down');
  }
}
