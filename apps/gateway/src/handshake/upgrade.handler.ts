import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import type { Config } from '@chargebridge/config';
import { hashStationPassword } from '@chargebridge/domain';
import { chooseSubprotocol, fromSubprotocol } from '@chargebridge/ocpp';
import { repositories, type StationRow, type Store } from '@chargebridge/store';
import type { Logger } from 'pino';
import type { WebSocket, WebSocketServer } from 'ws';
import { gatewayMetrics } from '../metrics/gateway.metrics.js';
import type { StationConnections } from '../session/station-connections.js';
import { rejectUpgrade } from './http-reject.js';
import { authenticateStation, parseBasicAuth } from './station-auth.js';
import { parseStationIdentity } from './station-identity.js';

/** Dependencies of the upgrade handler. */
export interface UpgradeDeps {
  config: Config;
  store: Store;
  logger: Logger;
  wss: WebSocketServer;
  connections: StationConnections;
}

/** A station that is not provisioned: 404, or (OCPP_AUTO_REGISTER) created Pending under the hub's party. */
async function autoRegister(
  deps: UpgradeDeps,
  identity: string,
  req: IncomingMessage,
  secure: boolean,
): Promise<StationRow> {
  const basic = parseBasicAuth(req.headers.authorization);
  const { row } = await repositories(deps.store.db).stations.upsert({
    identity,
    country_code: deps.config.hubCountryCode,
    party_id: deps.config.hubPartyId,
    registration_status: 'Pending',
    auto_registered: true,
    security_profile: basic ? (secure ? 2 : 1) : 0,
    password_hash: basic && basic.user === identity ? await hashStationPassword(basic.password) : null,
  });
  return row;
}

/**
 * The HTTP upgrade of `/ocpp/{identity}` (OCPP-J part 4 §3): unknown path or station → 404,
 * credentials held to the station's security profile (401 / 403), then the WebSocket handshake with
 * the newest subprotocol both sides speak. Without a common one the handshake completes with no
 * `Sec-WebSocket-Protocol` and the socket is closed at once (OCPP-J 2.0.1 §3.1.2).
 */
export function upgradeHandler(deps: UpgradeDeps, secure: boolean) {
  return (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => {});
    void handle(deps, secure, req, socket, head).catch((err) => {
      deps.logger.error({ err }, 'OCPP handshake failed');
      gatewayMetrics.handshakes.inc({ outcome: 'error' });
      rejectUpgrade(socket, 503);
    });
  };
}

async function handle(
  deps: UpgradeDeps,
  secure: boolean,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): Promise<void> {
  const identity = parseStationIdentity(req.url);
  if (!identity) {
    gatewayMetrics.handshakes.inc({ outcome: 'bad_path' });
    return rejectUpgrade(socket, 404);
  }
  let station = await repositories(deps.store.db).stations.findByIdentity(identity);
  if (!station) {
    if (!deps.config.ocppAutoRegister) {
      gatewayMetrics.handshakes.inc({ outcome: 'unknown_station' });
      return rejectUpgrade(socket, 404);
    }
    station = await autoRegister(deps, identity, req, secure);
  }
  const tls = secure ? (socket as TLSSocket) : undefined;
  const cert = tls?.getPeerCertificate?.();
  const decision = await authenticateStation(station, {
    identity,
    authorization: req.headers.authorization,
    secure,
    clientCertAuthorized: tls?.authorized === true,
    clientCertCn: typeof cert?.subject?.CN === 'string' ? cert.subject.CN : undefined,
  });
  if (!decision.ok) {
    deps.logger.info({ stationId: identity, status: decision.status, reason: decision.reason }, 'station refused');
    gatewayMetrics.handshakes.inc({ outcome: decision.status === 401 ? 'unauthorized' : 'forbidden' });
    return rejectUpgrade(
      socket,
      decision.status,
      decision.challenge ? { 'WWW-Authenticate': 'Basic realm="OCPP"' } : {},
    );
  }
  if (socket.destroyed) return;
  const accepted = station;
  deps.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
    const version = fromSubprotocol(ws.protocol);
    if (!version) {
      gatewayMetrics.handshakes.inc({ outcome: 'no_subprotocol' });
      ws.close(1002, 'No supported OCPP subprotocol offered');
      return;
    }
    gatewayMetrics.handshakes.inc({ outcome: 'accepted' });
    deps.connections.open(ws, accepted, version);
  });
}

/** `handleProtocols` of the WebSocketServer: the newest version offered, or none. */
export function pickSubprotocol(offered: Set<string>): string | false {
  return chooseSubprotocol(offered) ?? false;
}
