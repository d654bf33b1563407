import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import {
  chooseSubprotocol,
  type FrameEvent,
  fromSubprotocol,
  fromWebSocket,
  RpcConnection,
  type RpcConnectionOptions,
} from '../../src/index.js';

/** A tiny CSMS: a ws server on port 0 that wraps each station socket in an RpcConnection. */
export interface TestCsms {
  readonly url: string;
  /** Resolves with the connection of the next station that connects. */
  nextConnection(): Promise<RpcConnection>;
  /** Every frame in and out of every connection, in order. */
  readonly frames: FrameEvent[];
  close(): Promise<void>;
}

export async function startCsms(options: Omit<RpcConnectionOptions, 'version'> = {}): Promise<TestCsms> {
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    handleProtocols: (offered) => chooseSubprotocol(offered) ?? false,
  });
  await once(wss, 'listening');
  const frames: FrameEvent[] = [];
  const waiting: Array<(c: RpcConnection) => void> = [];
  const connections: RpcConnection[] = [];
  wss.on('connection', (ws) => {
    const version = fromSubprotocol(ws.protocol);
    if (version === undefined) {
      ws.close(1002, 'no subprotocol');
      return;
    }
    const conn = new RpcConnection(fromWebSocket(ws), {
      ...options,
      version,
      hooks: {
        ...options.hooks,
        onFrame: (event) => {
          frames.push(event);
          options.hooks?.onFrame?.(event);
        },
      },
    });
    connections.push(conn);
    waiting.shift()?.(conn);
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    frames,
    nextConnection: () => new Promise((resolve) => waiting.push(resolve)),
    close: async () => {
      for (const c of connections) c.close(1001, 'test over');
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
