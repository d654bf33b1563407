/**
 * Security profiles 1–3 (OCPP 1.6 security whitepaper, 2.0.1 part 2 A00) with a PKI generated in
 * the test: basic auth on ws://, TLS + basic auth and mutual TLS on the TLS port; a station is held
 * to its configured profile and a lower one is refused.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import type { RPCClient } from 'ocpp-rpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { freePort } from '../support/free-port.js';
import { aStation, seedParty, startGateway } from './helpers/gateway-harness.js';
import { ocppStation } from './helpers/ocpp-station.js';
import { createTestPki, type TestPki } from './helpers/test-certificates.js';

let db: TestDatabase;
let pki: TestPki;
let gw: Awaited<ReturnType<typeof startGateway>>;
const clients: RPCClient[] = [];

beforeAll(async () => {
  pki = createTestPki();
  db = await createTestDatabase();
  await seedParty(db.store);
  await aStation(db.store, { identity: 'P0', profile: 0 });
  await aStation(db.store, { identity: 'P1', password: 'profile-one-pw' });
  await aStation(db.store, { identity: 'P2', password: 'profile-two-pw', profile: 2 });
  await aStation(db.store, { identity: 'P3', profile: 3 });
  gw = await startGateway(db.store, db.url, {
    env: { OCPP_TLS_PORT: String(await freePort()), TLS_CERT: pki.serverCert, TLS_KEY: pki.serverKey, TLS_CA: pki.ca },
  });
});

afterAll(async () => {
  for (const c of clients) await c.close({ force: true }).catch(() => {});
  await gw?.gateway.close();
  await db?.drop();
  pki?.cleanup();
});

/** Connects with ocpp-rpc and boots; resolves true, or rejects with the handshake error. */
async function connectAndBoot(options: Parameters<typeof ocppStation>[0]): Promise<boolean> {
  const client = ocppStation(options);
  clients.push(client);
  await client.connect();
  const boot = (await client.call(
    'BootNotification',
    options.version === '1.6'
      ? { chargePointVendor: 'V', chargePointModel: 'M' }
      : { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V' } },
  )) as { status: string };
  return boot.status === 'Accepted';
}

/** The HTTP status of a refused upgrade (raw ws client, so the status is visible). */
function upgradeStatus(
  url: string,
  options: ConstructorParameters<typeof WebSocket>[2] = {},
  protocols = ['ocpp1.6'],
): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, options);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', (err) => reject(err));
  });
}

const basic = (user: string, password: string) => ({
  Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
});

describe('handshake', () => {
  it('refuses an unknown station and a path outside /ocpp/{identity} with 404', async () => {
    expect(await upgradeStatus(`${gw.url}/NOBODY`)).toBe(404);
    expect(await upgradeStatus(gw.url.replace('/ocpp', '/other/P0'))).toBe(404);
  });

  it('accepts profile 0 without credentials (labs) and picks the newest common subprotocol', async () => {
    const ws = new WebSocket(`${gw.url}/P0`, ['ocpp1.6', 'ocpp2.0.1']);
    await new Promise((resolve, reject) => ws.on('open', resolve).on('error', reject));
    expect(ws.protocol).toBe('ocpp2.0.1');
    ws.close();
  });

  it('completes the handshake without a subprotocol, then closes with 1002, when none is common', async () => {
    const { headers, closeCode } = await new Promise<{ headers: Record<string, unknown>; closeCode: number }>(
      (resolve, reject) => {
        const req = request(`http://127.0.0.1:${gw.port}/ocpp/P0`, {
          headers: {
            Connection: 'Upgrade',
            Upgrade: 'websocket',
            'Sec-WebSocket-Version': '13',
            'Sec-WebSocket-Key': Buffer.from('0123456789abcdef').toString('base64'),
            'Sec-WebSocket-Protocol': 'ocpp1.5',
          },
        });
        req.on('upgrade', (res, socket, head: Buffer) => {
          // An unmasked server close frame: 0x88, length, then the 2-byte code.
          const done = (data: Buffer) => {
            resolve({ headers: res.headers, closeCode: data[0] === 0x88 ? data.readUInt16BE(2) : -1 });
            socket.destroy();
          };
          if (head.length > 0) done(head);
          else socket.once('data', done);
        });
        req.on('error', reject);
        req.end();
      },
    );
    expect(headers['sec-websocket-protocol']).toBeUndefined();
    expect(closeCode).toBe(1002);
  });

  it('answers plain HTTP with 426', async () => {
    const status = await new Promise<number>((resolve) =>
      request(`http://127.0.0.1:${gw.port}/`, (res) => resolve(res.statusCode ?? 0)).end(),
    );
    expect(status).toBe(426);
  });
});

describe('profile 1: basic auth over ws://', () => {
  it('accepts the right password (ocpp-rpc, strict)', async () => {
    expect(await connectAndBoot({ url: gw.url, identity: 'P1', version: '1.6', password: 'profile-one-pw' })).toBe(
      true,
    );
  });
  it('refuses a wrong password, a missing one, and a username other than the identity with 401', async () => {
    expect(await upgradeStatus(`${gw.url}/P1`, { headers: basic('P1', 'wrong-password') })).toBe(401);
    expect(await upgradeStatus(`${gw.url}/P1`)).toBe(401);
    expect(await upgradeStatus(`${gw.url}/P1`, { headers: basic('P0', 'profile-one-pw') })).toBe(401);
  });
});

describe('profile 2: TLS + basic auth on OCPP_TLS_PORT', () => {
  it('is refused on the plain port even with the right password (a lower profile)', async () => {
    expect(await upgradeStatus(`${gw.url}/P2`, { headers: basic('P2', 'profile-two-pw') })).toBe(403);
  });
  it('connects over TLS with the right password and is refused with a wrong one', async () => {
    const ca = readFileSync(pki.ca);
    expect(
      await connectAndBoot({
        url: gw.tlsUrl!,
        identity: 'P2',
        version: '1.6',
        password: 'profile-two-pw',
        extra: { wsOpts: { ca } } as never,
      }),
    ).toBe(true);
    expect(await upgradeStatus(`${gw.tlsUrl}/P2`, { ca, headers: basic('P2', 'nope-nope') })).toBe(401);
  });
});

describe('profile 3: mutual TLS, CN bound to the identity', () => {
  const tlsOf = (client: { cert: string; key: string }) => ({
    ca: readFileSync(pki.ca),
    cert: readFileSync(client.cert),
    key: readFileSync(client.key),
  });

  it('connects with a client certificate for its identity signed by TLS_CA (ocpp-rpc, strict 2.0.1)', async () => {
    const wsOpts = tlsOf(pki.client('P3'));
    expect(
      await connectAndBoot({ url: gw.tlsUrl!, identity: 'P3', version: '2.0.1', extra: { wsOpts } as never }),
    ).toBe(true);
  });

  it('refuses another CN, a certificate from another CA, no certificate, and the plain port (403)', async () => {
    expect(await upgradeStatus(`${gw.tlsUrl}/P3`, tlsOf(pki.client('P1')))).toBe(403);
    expect(await upgradeStatus(`${gw.tlsUrl}/P3`, tlsOf(pki.client('P3', { rogue: true })))).toBe(403);
    expect(await upgradeStatus(`${gw.tlsUrl}/P3`, { ca: readFileSync(pki.ca) })).toBe(403);
    expect(await upgradeStatus(`${gw.url}/P3`)).toBe(403);
  });
});
