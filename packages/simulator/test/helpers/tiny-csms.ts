import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  chooseSubprotocol,
  fromSubprotocol,
  fromWebSocket,
  type JsonObject,
  type OcppVersion,
  RpcConnection,
  validatePayload,
} from '@chargebridge/ocpp';
import { WebSocketServer } from 'ws';

/** One CALL a station sent, as the CSMS received it. */
export interface Received {
  identity: string;
  version: OcppVersion;
  action: string;
  payload: JsonObject;
  /** Index of the station's connection (0 = first, 1 = after one reconnect…). */
  connection: number;
  /** Schema check of the payload (independent of RpcConnection's own). */
  valid: boolean;
}

/** A tiny CSMS: a ws server speaking OCPP through RpcConnection, recording every CALL it gets. */
export interface TinyCsms {
  readonly url: string;
  readonly port: number;
  readonly received: Received[];
  /** Authorization headers seen per identity. */
  readonly authorization: Map<string, string | undefined>;
  /** The live connection of a station. */
  connection(identity: string): RpcConnection | undefined;
  /** BootNotification answers per identity, consumed in order; then Accepted. */
  bootScript: Map<string, Array<{ status: 'Accepted' | 'Pending' | 'Rejected'; interval: number }>>;
  /** Drops every socket from the server side (no close handshake). */
  dropAll(): void;
  close(): Promise<void>;
}

function answer(version: OcppVersion, action: string, payload: JsonObject, txIds: { next: number }): object {
  const now = new Date().toISOString();
  switch (action) {
    case 'Heartbeat':
      return { currentTime: now };
    case 'Authorize':
      return version === '1.6' ? { idTagInfo: { status: 'Accepted' } } : { idTokenInfo: { status: 'Accepted' } };
    case 'StartTransaction':
      return { transactionId: txIds.next++, idTagInfo: { status: 'Accepted' } };
    case 'StopTransaction':
      return { idTagInfo: { status: 'Accepted' } };
    case 'TransactionEvent':
      return payload.eventType === 'Started' ? { idTokenInfo: { status: 'Accepted' } } : {};
    case 'DataTransfer':
      return { status: 'Accepted' };
    default:
      return {};
  }
}

/** Starts the tiny CSMS on `port` (0 = any free port) at path `/ocpp/{identity}`. */
export async function startTinyCsms(port = 0): Promise<TinyCsms> {
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port,
    handleProtocols: (offered) => chooseSubprotocol(offered) ?? false,
  });
  await once(wss, 'listening');
  const received: Received[] = [];
  const authorization = new Map<string, string | undefined>();
  const connections = new Map<string, RpcConnection>();
  const connectionCount = new Map<string, number>();
  const bootScript: TinyCsms['bootScript'] = new Map();
  const txIds = { next: 1 };
  wss.on('connection', (ws, request: IncomingMessage) => {
    const identity = decodeURIComponent((request.url ?? '').split('/').pop() ?? '');
    const version = fromSubprotocol(ws.protocol)!;
    authorization.set(identity, request.headers.authorization);
    const index = connectionCount.get(identity) ?? 0;
    connectionCount.set(identity, index + 1);
    const conn = new RpcConnection(fromWebSocket(ws), { version });
    connections.set(identity, conn);
    conn.setHandler((action, payload) => {
      const valid = validatePayload(version, action, 'request', payload).ok;
      received.push({ identity, version, action, payload, connection: index, valid });
      if (action === 'BootNotification') {
        const next = bootScript.get(identity)?.shift() ?? { status: 'Accepted', interval: 300 };
        return { currentTime: new Date().toISOString(), ...next };
      }
      return answer(version, action, payload, txIds);
    });
  });
  const actualPort = (wss.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${actualPort}/ocpp`,
    port: actualPort,
    received,
    authorization,
    bootScript,
    connection: (identity) => connections.get(identity),
    dropAll: () => {
      for (const client of wss.clients) client.terminate();
    },
    close: async () => {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** The actions one station sent, in order. */
export function actionsOf(csms: TinyCsms, identity: string): string[] {
  return csms.received.filter((r) => r.identity === identity).map((r) => r.action);
}
