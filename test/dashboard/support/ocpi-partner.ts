import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { registerWithHub } from '../../bridge/register-with-hub.js';
import { freePort } from '../../support/free-port.js';
import type { DashboardHub } from './dashboard-hub.js';

/** One push the partner received from the hub. */
export interface PartnerCall {
  method: string;
  url: string;
  answered: number;
}

/**
 * A small OCPI 2.2.1 eMSP over real HTTP: versions/details, RECEIVER endpoints for locations,
 * sessions and CDRs, and the credentials handshake with the hub (it registers from a token A
 * the hub's admin API hands out). `pushStatus` is what it answers every push: 200 (accept) or,
 * to play a broken partner, 500.
 */
export class OcpiPartner {
  readonly calls: PartnerCall[] = [];
  /** HTTP status answered to every push (module calls); the handshake is always served. */
  pushStatus = 200;
  url = '';
  /** The hub's id of this partner (from `POST /partners`). */
  partnerId = '';
  readonly tokenB: string;
  private server: Server | undefined;

  constructor(
    readonly countryCode: string,
    readonly partyId: string,
  ) {
    this.tokenB = `dash-${partyId}-token-b-0123456789`;
  }

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Invites itself through the admin API (`POST /partners`) and registers with the token A. */
  async registerWith(hub: DashboardHub): Promise<void> {
    const invite = await hub.adminOk('POST', '/partners', { name: `eMSP ${this.partyId}` });
    this.partnerId = String(invite.id ?? invite.partner_id ?? '');
    await registerWithHub(invite.versions_url, invite.token_a, this);
  }

  /** Pushes received for one module (`locations`, `sessions`, `cdrs`). */
  of(module: string): PartnerCall[] {
    return this.calls.filter((c) => c.url.startsWith(`/2.2.1/${module}`));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for await (const _ of req) {
      // drain the body
    }
    const send = (status: number, data?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          ...(data !== undefined ? { data } : {}),
          status_code: status < 300 ? 1000 : 3000,
          ...(status >= 300 ? { status_message: 'partner is broken on purpose' } : {}),
          timestamp: new Date().toISOString(),
        }),
      );
      return status;
    };
    const auth = req.headers.authorization ?? '';
    if (auth !== `Token ${this.tokenB}` && auth !== `Token ${Buffer.from(this.tokenB).toString('base64')}`) {
      send(401);
      return;
    }
    const url = req.url ?? '';
    if (url === '/versions') {
      send(200, [{ version: '2.2.1', url: `${this.url}/2.2.1` }]);
      return;
    }
    if (url === '/2.2.1') {
      const endpoint = (identifier: string, role: string) => ({
        identifier,
        role,
        url: `${this.url}/2.2.1/${identifier}`,
      });
      send(200, {
        version: '2.2.1',
        endpoints: [
          endpoint('credentials', 'SENDER'),
          endpoint('locations', 'RECEIVER'),
          endpoint('sessions', 'RECEIVER'),
          endpoint('cdrs', 'RECEIVER'),
        ],
      });
      return;
    }
    const answered = send(this.pushStatus);
    this.calls.push({ method: req.method ?? '', url, answered });
  }
}
