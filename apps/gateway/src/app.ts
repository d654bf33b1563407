import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayDeps } from './deps.js';

/** The OCPP-J edge: listens on OCPP_PORT (and OCPP_TLS_PORT), closes sockets on `close()`. */
export interface Gateway {
  listen(): Promise<{ port: number; tlsPort?: number }>;
  close(): Promise<void>;
}

/** Builds the gateway without listening. */
export async function build(deps: GatewayDeps): Promise<Gateway> {
  const log = deps.logger.child({ component: 'gateway' });
  const server: Server = createServer((_request, response) => {
    response
      .writeHead(426, { 'content-type': 'text/plain' })
      .end('OCPP-J: connect with a WebSocket to /ocpp/{identity}\n');
  });
  return {
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(deps.config.ocppPort, deps.config.host, () => {
          const port = (server.address() as AddressInfo).port;
          log.debug({ port }, 'gateway listening');
          resolve({ port });
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
