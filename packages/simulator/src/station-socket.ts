import { type OcppVersion, toSubprotocol } from '@chargebridge/ocpp';
import { WebSocket } from 'ws';

/** How one station opens its WebSocket. */
export interface StationSocketOptions {
  baseUrl: string;
  identity: string;
  version: OcppVersion;
  /** Basic-auth password (OCPP-J security profile 1: `Authorization: Basic id:password`). */
  password: string | undefined;
  /** Local source address to bind (e.g. 127.0.0.7). */
  localAddress: string | undefined;
  handshakeTimeoutMs: number;
}

/** `${baseUrl}/${identity}` with exactly one slash between (OCPP-J §3.1.1: identity is the last path segment). */
export function stationUrl(baseUrl: string, identity: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${encodeURIComponent(identity)}`;
}

/**
 * Opens the station's WebSocket, offering only its own version's subprotocol. No per-message
 * deflate: OCPP frames are small and compression state costs ~100 kB per socket.
 */
export function openStationSocket(options: StationSocketOptions): WebSocket {
  const headers: Record<string, string> = {};
  if (options.password !== undefined) {
    const credentials = Buffer.from(`${options.identity}:${options.password}`).toString('base64');
    headers.authorization = `Basic ${credentials}`;
  }
  return new WebSocket(stationUrl(options.baseUrl, options.identity), [toSubprotocol(options.version)], {
    headers,
    localAddress: options.localAddress,
    perMessageDeflate: false,
    handshakeTimeout: options.handshakeTimeoutMs,
  });
}
