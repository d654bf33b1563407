import { createServer, type IncomingMessage, type Server } from 'node:http';
import { freePort } from '../support/free-port.js';
import { registerWithHub } from './register-with-hub.js';

/** One request the eMSP received from the hub. */
export interface ReceivedCall {
  method: string;
  url: string;
  body: any;
  /** The HTTP status the eMSP answered. */
  answered: number;
}

/**
 * A small eMSP written for the tests: OCPI 2.2.1 versions/details, RECEIVER endpoints for
 * sessions, CDRs and locations, and the credentials handshake with a hub. It records every call
 * and can be told to refuse CDRs (`cdrStatus = 503`).
 */
export class EmspPartner {
  readonly calls: ReceivedCall[] = [];
  /** HTTP status for CDR POSTs (200 = accept). */
  cdrStatus = 200;
  url = '';
  /** Token C the hub gave us at registration (to call the hub). */
  hubToken = '';
  private server: Server | undefined;

  constructor(
    readonly countryCode: string,
    readonly partyId: string,
    readonly tokenB = `emsp-${partyId}-token-b-0123456789`,
  ) {}

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Registers with the hub from a token A (credentials §POST), as a real eMSP would. */
  async register(hubVersionsUrl: string, tokenA: string): Promise<void> {
    this.hubToken = await registerWithHub(hubVersionsUrl, tokenA, this);
  }

  /** Pushes a Token to the hub's tokens receiver (mod_tokens §PUT). */
  async pushToken(hubUrl: string, uid: string, whitelist: string): Promise<number> {
    const response = await fetch(`${hubUrl}/ocpi/2.2.1/tokens/${this.countryCode}/${this.partyId}/${uid}`, {
      method: 'PUT',
      headers: {
        authorization: `Token ${Buffer.from(this.hubToken).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        country_code: this.countryCode,
        party_id: this.partyId,
        uid,
        type: 'RFID',
        contract_id: `${this.countryCode}-${this.partyId}-C${uid}`,
        issuer: `eMSP ${this.partyId}`,
        valid: true,
        whitelist,
        last_updated: new Date().toISOString(),
      }),
    });
    return ((await response.json()) as any).status_code;
  }

  /** Calls of one module, e.g. `sessions`, `cdrs`, `locations`. */
  of(module: string): ReceivedCall[] {
    return this.calls.filter((c) => c.url.startsWith(`/2.2.1/${module}`));
  }

  private async handle(req: IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const auth = req.headers.authorization ?? '';
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      const ok = status < 300;
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(
        JSON.stringify({
          ...(data !== undefined ? { data } : {}),
          status_code: ok ? 1000 : 3000,
          timestamp: new Date().toISOString(),
        }),
      );
      return status;
    };
    const tokens = [`Token ${this.tokenB}`, `Token ${Buffer.from(this.tokenB).toString('base64')}`];
    if (!tokens.includes(auth)) {
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
          endpoint('sessions', 'RECEIVER'),
          endpoint('cdrs', 'RECEIVER'),
          endpoint('locations', 'RECEIVER'),
        ],
      });
      return;
    }
    const body = raw ? JSON.parse(raw) : undefined;
    let answered: number;
    if (url.startsWith('/2.2.1/cdrs') && req.method === 'POST') {
      answered =
        this.cdrStatus === 200
          ? send(201, undefined, { location: `${this.url}/2.2.1/cdrs/${body.id}` })
          : send(this.cdrStatus);
    } else {
      answered = send(200);
    }
    this.calls.push({ method: req.method ?? '', url, body, answered });
  }
}
