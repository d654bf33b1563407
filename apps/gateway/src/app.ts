import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { TokenAuthorizer } from '@chargebridge/bridge';
import { createStationCalls, type NodeHeartbeatPublisher, startNodeHeartbeat } from '@chargebridge/routing';
import { WebSocketServer } from 'ws';
import type { GatewayDeps } from './deps.js';
import { pickSubprotocol, upgradeHandler } from './handshake/upgrade.handler.js';
import { CommitBatcher } from './persistence/commit-batcher.js';
import { FrameLogBuffer } from './persistence/frame-log.buffer.js';
import { LastSeenBuffer } from './persistence/last-seen.buffer.js';
import { StationConnections } from './session/station-connections.js';

/** The OCPP-J edge: listens on OCPP_PORT (and OCPP_TLS_PORT), closes sockets on `close()`. */
export interface Gateway {
  listen(): Promise<{ port: number; tlsPort?: number }>;
  close(): Promise<void>;
  /** Stations connected to this node now. */
  readonly connectedCount: number;
  /** Group-commit statistics (batches, items, retried batches). */
  readonly commitStats: Readonly<{ batches: number; items: number; retriedBatches: number }>;
}

function listenOn(server: Server | TlsServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Builds the gateway without listening. */
export async function build(deps: GatewayDeps): Promise<Gateway> {
  const { config } = deps;
  const log = deps.logger.child({ component: 'gateway' });
  const tuning = deps.tuning ?? {};
  const ownCalls = deps.stationCalls === undefined;
  const calls =
    deps.stationCalls ??
    createStationCalls({ nodeId: deps.nodeId, defaultTimeoutMs: config.ocppCallTimeoutMs, logger: log });

  const batcher = new CommitBatcher(deps.store.db, {
    maxBatch: tuning.maxBatch,
    // PGlite: one connection, so one transaction at a time; PostgreSQL: overlap a few.
    concurrency: tuning.commitConcurrency ?? (deps.store.dialect === 'pglite' ? 1 : 4),
    logger: log,
  });
  const frames = new FrameLogBuffer(deps.nodeId, config.ocppMaxFrameBytes);
  const lastSeen = new LastSeenBuffer();
  batcher.carry(frames);
  batcher.carry(lastSeen);
  const connections = new StationConnections({
    config,
    nodeId: deps.nodeId,
    logger: log,
    batcher,
    frames,
    lastSeen,
    calls,
    badFrameLimit: tuning.badFrameLimit ?? 20,
    authorizer:
      deps.authorizer ??
      new TokenAuthorizer({ store: deps.store, logger: log, timeoutMs: config.authorizationTimeoutMs }),
  });
  await calls.attach(connections.table);

  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: pickSubprotocol,
    // A frame above the OCPP cap gets a CALLERROR from the RPC layer; ws drops only absurd ones.
    maxPayload: Math.max(config.ocppMaxFrameBytes * 4, 1024 * 1024),
    // Deflate with no context takeover: compression for large frames without a zlib window per idle socket.
    perMessageDeflate: { threshold: 1024, serverNoContextTakeover: true, clientNoContextTakeover: true },
    clientTracking: false,
  });
  const upgradeDeps = { config, store: deps.store, logger: log, wss, connections };

  const plain: Server = createServer((_request, response) => {
    response
      .writeHead(426, { 'content-type': 'text/plain' })
      .end('OCPP-J: connect with a WebSocket to /ocpp/{identity}\n');
  });
  plain.on('upgrade', upgradeHandler(upgradeDeps, false));

  let secure: TlsServer | undefined;
  if (config.ocppTlsPort !== undefined && config.tls.cert && config.tls.key) {
    secure = createTlsServer(
      {
        cert: readFileSync(config.tls.cert),
        key: readFileSync(config.tls.key),
        ca: config.tls.ca ? readFileSync(config.tls.ca) : undefined,
        // Profile 3 needs the client certificate; profile 2 stations have none. Ask, verify
        // against TLS_CA, and let the handshake decide per station (tls.authorized).
        requestCert: Boolean(config.tls.ca),
        rejectUnauthorized: false,
        minVersion: 'TLSv1.2',
      },
      (_request, response) => response.writeHead(426).end(),
    );
    secure.on('upgrade', upgradeHandler(upgradeDeps, true));
  }

  const pingMs = tuning.pingIntervalMs ?? config.ocppPingIntervalS * 1000;
  const timers: NodeJS.Timeout[] = [];
  let heartbeat: NodeHeartbeatPublisher | undefined;

  return {
    get connectedCount() {
      return connections.table.size;
    },
    commitStats: batcher.stats,
    async listen() {
      const port = await listenOn(plain, config.ocppPort, config.host);
      const tlsPort =
        secure && config.ocppTlsPort !== undefined
          ? await listenOn(secure, config.ocppTlsPort, config.host)
          : undefined;
      if (pingMs > 0) timers.push(setInterval(() => connections.sweep(), pingMs).unref());
      timers.push(
        setInterval(() => {
          batcher.flush().catch((err) => log.warn({ err }, 'frame log flush failed'));
        }, tuning.flushIntervalMs ?? 250).unref(),
      );
      if (deps.nodeRegistry) {
        heartbeat = await startNodeHeartbeat({
          registry: deps.nodeRegistry,
          nodeId: deps.nodeId,
          roles: deps.nodeInfo?.roles ?? ['gateway'],
          version: deps.nodeInfo?.version,
          intervalMs: config.nodeHeartbeatIntervalMs,
          connections: () => connections.table.size,
          logger: log,
        });
      }
      log.info({ port, tlsPort }, 'gateway listening');
      return { port, tlsPort };
    },
    async close() {
      for (const timer of timers) clearInterval(timer);
      await heartbeat?.stop();
      calls.detach();
      connections.closeAll();
      await Promise.all(
        [plain, secure].map(
          (server) =>
            new Promise<void>((resolve) => {
              if (!server?.listening) return resolve();
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
      wss.close();
      await batcher.close();
      if (ownCalls) await calls.close();
    },
  };
}
