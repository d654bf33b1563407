import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { freePort } from '../support/free-port.js';
import { registerWithHub } from './register-with-hub.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON from the wire; the tests assert its shape.
export type Json = any;

/** A request the eMSP received. */
export interface EmspRequest {
  method: string;
  url: string;
  body: Json;
  headers: IncomingMessage['headers'];
  at: number;
}

/** How the eMSP answers a real-time authorization of one token uid. */
export type AuthorizeBehaviour =
  | { allowed: 'ALLOWED' | 'BLOCKED' | 'EXPIRED' | 'NO_CREDIT' | 'NOT_ALLOWED'; reference?: string }
  /** Never answers (the hub's time budget must cut it). */
  | { hang: true }
  /** Closes the connection without an answer. */
  | { drop: true };

const envelope = (data?: unknown, status_code = 1000) =>
  JSON.stringify({ ...(data === undefined ? {} : { data }), status_code, timestamp: new Date().toISOString() });

/**
 * A small eMSP for the authorization and command tests: versions + details with a tokens SENDER
 * endpoint (real-time authorization, mod_tokens §POST) and receivers that answer 200; registers
 * with the hub over the real credentials handshake; records every request; result URLs
 * (`/results/...`) for CommandResults.
 */
export class TokenEmsp {
  readonly requests: EmspRequest[] = [];
  readonly behaviour = new Map<string, AuthorizeBehaviour>();
  url = '';
  hubToken = '';
  readonly tokenB = `emsp-auth-token-b-${Math.random().toString(36).slice(2)}`;
  private server: Server | undefined;
  private readonly hanging = new Set<ServerResponse>();

  constructor(
    readonly countryCode = 'DE',
    readonly partyId = 'EMP',
    /** Modules it also has a RECEIVER for (e.g. `sessions`, `cdrs`): the hub pushes those to it. */
    readonly receivers: readonly string[] = [],
  ) {}

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Registers with the hub from its token A (credentials §POST), discovering its endpoints. */
  async register(hubVersionsUrl: string, tokenA: string): Promise<void> {
    this.hubToken = await registerWithHub(hubVersionsUrl, tokenA, this);
  }

  /** A Token object of this eMSP. */
  token(uid: string, whitelist: string): Record<string, unknown> {
    return {
      country_code: this.countryCode,
      party_id: this.partyId,
      uid,
      type: 'RFID',
      contract_id: `${this.countryCode}-${this.partyId}-C${uid}`,
      issuer: 'eMSP',
      valid: true,
      whitelist,
      last_updated: new Date().toISOString(),
    };
  }

  /** An OCPI call to the hub with token C and routing headers to the hub's CPO. */
  async callHub(method: string, url: string, body?: unknown, to = { cc: 'NL', pid: 'CPO' }): Promise<Json> {
    const response = await fetch(url, {
      method,
      headers: {
        authorization: `Token ${Buffer.from(this.hubToken).toString('base64')}`,
        'content-type': 'application/json',
        'OCPI-from-country-code': this.countryCode,
        'OCPI-from-party-id': this.partyId,
        'OCPI-to-country-code': to.cc,
        'OCPI-to-party-id': to.pid,
        'X-Request-ID': crypto.randomUUID(),
        'X-Correlation-ID': crypto.randomUUID(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.json();
  }

  /** Requests whose path starts with `prefix`. */
  received(prefix: string): EmspRequest[] {
    return this.requests.filter((r) => r.url.startsWith(prefix));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const url = req.url ?? '';
    const record: EmspRequest = {
      method: req.method ?? '',
      url,
      body: raw ? JSON.parse(raw) : undefined,
      headers: req.headers,
      at: Date.now(),
    };
    this.requests.push(record);
    const send = (status: number, payload: string) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(payload);
    const auth = req.headers.authorization ?? '';
    if (auth !== `Token ${Buffer.from(this.tokenB).toString('base64')}` && auth !== `Token ${this.tokenB}`)
      return void send(401, envelope(undefined, 2000));
    if (url === '/versions') return void send(200, envelope([{ version: '2.2.1', url: `${this.url}/2.2.1` }]));
    if (url === '/2.2.1') {
      const ep = (identifier: string, role: string) => ({ identifier, role, url: `${this.url}/2.2.1/${identifier}` });
      return void send(
        200,
        envelope({
          version: '2.2.1',
          endpoints: [
            ep('credentials', 'SENDER'),
            ep('tokens', 'SENDER'),
            ep('commands', 'SENDER'),
            ...this.receivers.map((module) => ep(module, 'RECEIVER')),
          ],
        }),
      );
    }
    const authorize = /^\/2\.2\.1\/tokens\/([^/?]+)\/authorize/.exec(url);
    if (authorize && req.method === 'POST') {
      const uid = decodeURIComponent(authorize[1]!);
      const b = this.behaviour.get(uid);
      if (!b) return void send(404, envelope(undefined, 2004));
      if ('hang' in b) return void this.hanging.add(res);
      if ('drop' in b) return void req.socket.destroy();
      const token = { ...this.token(uid, 'ALLOWED') };
      return void send(
        200,
        envelope({ allowed: b.allowed, token, ...(b.reference ? { authorization_reference: b.reference } : {}) }),
      );
    }
    send(200, envelope());
  }
}
