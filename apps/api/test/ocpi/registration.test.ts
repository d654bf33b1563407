import { createServer, type Server } from 'node:http';
import { fetchVersions } from '@chargebridge/ocpi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../../test/support/free-port.js';
import { type HubInstance, ocpiCall, startHub } from './hub-instance.js';

let a: HubInstance;
let b: HubInstance;

beforeAll(async () => {
  [a, b] = await Promise.all([startHub('HBA'), startHub('HBB')]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

async function outgoingToken(hub: HubInstance, partnerId: string): Promise<string> {
  const row = await hub.database.store.db
    .selectFrom('partners')
    .select('outgoing_token')
    .where('id', '=', partnerId)
    .executeTakeFirstOrThrow();
  return row.outgoing_token as string;
}

describe('registration between two hub instances over real HTTP', () => {
  let aSideOfB: string; // A's partner row for B (inbound)
  let bSideOfA: string; // B's partner row for A (outbound)
  let tokenA: string;

  it('B registers with A from the token A that A handed out', async () => {
    const invite = await a.admin('POST', '/partners', { name: 'hub B' });
    expect(invite.status).toBe(201);
    expect(invite.json.versions_url).toBe(`${a.url}/ocpi/versions`);
    tokenA = invite.json.token_a;
    aSideOfB = invite.json.id;

    // Token A opens versions and credentials only (transport_and_format §Authorization header).
    expect((await ocpiCall(`${a.url}/ocpi/versions`, tokenA)).status).toBe(200);
    expect((await ocpiCall(`${a.url}/ocpi/2.2.1/locations`, tokenA)).status).toBe(401);

    const registered = await b.admin('POST', '/partners', {
      name: 'hub A',
      versions_url: invite.json.versions_url,
      token: tokenA,
    });
    expect(registered.status).toBe(201);
    expect(registered.json).toMatchObject({ status: 'registered', direction: 'outbound', version: '2.2.1' });
    expect(registered.json.roles).toEqual([
      expect.objectContaining({ role: 'HUB', country_code: 'NL', party_id: 'HBA' }),
    ]);
    expect(registered.json.endpoints.map((e: { identifier: string }) => e.identifier)).toContain('locations');
    bSideOfA = registered.json.id;

    const seenByA = await a.admin('GET', `/partners/${aSideOfB}`);
    expect(seenByA.json).toMatchObject({ status: 'registered', direction: 'inbound' });
    expect(seenByA.json.roles).toEqual([expect.objectContaining({ role: 'HUB', party_id: 'HBB' })]);
    expect(JSON.stringify(seenByA.json)).not.toContain(tokenA);
  });

  it('token A died with its use; each side reads the other side’s versions with its token', async () => {
    expect((await ocpiCall(`${a.url}/ocpi/versions`, tokenA)).status).toBe(401);
    const fromB = await fetchVersions(`${a.url}/ocpi/versions`, await outgoingToken(b, bSideOfA));
    expect(fromB).toEqual([{ version: '2.2.1', url: `${a.url}/ocpi/2.2.1` }]);
    const fromA = await fetchVersions(`${b.url}/ocpi/versions`, await outgoingToken(a, aSideOfB));
    expect(fromA).toEqual([{ version: '2.2.1', url: `${b.url}/ocpi/2.2.1` }]);
  });

  it('answers 405 to a second POST, and PUT re-fetches and rotates the token', async () => {
    const tokenC = await outgoingToken(b, bSideOfA);
    const credentialsUrl = `${a.url}/ocpi/2.2.1/credentials`;
    const ours = { token: 'b-new-token-1234567890', url: `${b.url}/ocpi/versions`, roles: [] };
    const again = await ocpiCall(credentialsUrl, tokenC, {
      method: 'POST',
      body: { ...ours, roles: [{ role: 'HUB', country_code: 'NL', party_id: 'HBB', business_details: { name: 'B' } }] },
    });
    expect(again.status).toBe(405);

    // B's current incoming token is what A uses; B keeps accepting it, so A can re-fetch B's versions.
    const aToB = await outgoingToken(a, aSideOfB);
    const put = await ocpiCall(credentialsUrl, tokenC, {
      method: 'PUT',
      body: {
        token: aToB,
        url: `${b.url}/ocpi/versions`,
        roles: [{ role: 'HUB', country_code: 'NL', party_id: 'HBB', business_details: { name: 'B' } }],
      },
    });
    expect(put.status).toBe(200);
    expect(put.json.status_code).toBe(1000);
    const newToken = put.json.data.token as string;
    expect(newToken).not.toBe(tokenC);
    expect((await ocpiCall(`${a.url}/ocpi/versions`, tokenC)).status).toBe(401);
    expect((await ocpiCall(`${a.url}/ocpi/versions`, newToken)).status).toBe(200);

    // DELETE unregisters; the token stops working and PUT is then 405.
    expect((await ocpiCall(credentialsUrl, newToken, { method: 'DELETE' })).json.status_code).toBe(1000);
    expect((await ocpiCall(credentialsUrl, newToken, { method: 'PUT', body: {} })).status).toBe(401);
    expect((await a.admin('GET', `/partners/${aSideOfB}`)).json.status).toBe('unregistered');
  });

  it('the other direction: A registers with B from B’s token A, then both read versions', async () => {
    const invite = await b.admin('POST', '/partners', { name: 'hub A again' });
    const registered = await a.admin('POST', '/partners', {
      name: 'hub B',
      versions_url: invite.json.versions_url,
      token: invite.json.token_a,
    });
    expect(registered.status).toBe(201);
    expect(registered.json.status).toBe('registered');
    const aToB = await outgoingToken(a, registered.json.id);
    expect(await fetchVersions(`${b.url}/ocpi/versions`, aToB)).toHaveLength(1);
    const bToA = await outgoingToken(b, invite.json.id);
    expect(await fetchVersions(`${a.url}/ocpi/versions`, bToA)).toHaveLength(1);
    expect(
      (
        await b.admin('POST', '/partners', {
          name: 'bad',
          versions_url: invite.json.versions_url,
          token: invite.json.token_a,
        })
      ).status,
    ).toBe(502);
  });

  it('PUT and DELETE with a token A are 405 (not registered yet)', async () => {
    const invite = await a.admin('POST', '/partners', { name: 'not yet' });
    const url = `${a.url}/ocpi/2.2.1/credentials`;
    expect((await ocpiCall(url, invite.json.token_a, { method: 'DELETE' })).status).toBe(405);
    const put = await ocpiCall(url, invite.json.token_a, {
      method: 'PUT',
      body: {
        token: 'abc-123',
        url: `${b.url}/ocpi/versions`,
        roles: [{ role: 'HUB', country_code: 'NL', party_id: 'HBB', business_details: { name: 'B' } }],
      },
    });
    expect(put.status).toBe(405);
  });
});

describe('a small partner that speaks plain tokens (2.1-era)', () => {
  let server: Server;
  let partnerUrl: string;
  const tokenB = 'partner-token-b-123';
  const calls: string[] = [];

  beforeAll(async () => {
    const port = await freePort();
    partnerUrl = `http://127.0.0.1:${port}`;
    server = createServer((req, res) => {
      calls.push(`${req.method} ${req.url} ${req.headers.authorization}`);
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      };
      // Accepts only the plain token, as many 2.1.1 implementations do.
      if (req.headers.authorization !== `Token ${tokenB}`)
        return send(401, { status_code: 2000, timestamp: new Date().toISOString() });
      const ok = (data: unknown) => send(200, { data, status_code: 1000, timestamp: new Date().toISOString() });
      if (req.url === '/versions') return ok([{ version: '2.2.1', url: `${partnerUrl}/2.2.1` }]);
      if (req.url === '/2.2.1') {
        return ok({
          version: '2.2.1',
          endpoints: [
            { identifier: 'credentials', role: 'SENDER', url: `${partnerUrl}/2.2.1/credentials` },
            { identifier: 'locations', role: 'RECEIVER', url: `${partnerUrl}/2.2.1/locations` },
          ],
        });
      }
      return send(404, { status_code: 2000, timestamp: new Date().toISOString() });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('registers with a plain token A, and the hub remembers plain for its calls', async () => {
    const invite = await a.admin('POST', '/partners', { name: 'plain eMSP' });
    const credentials = {
      token: tokenB,
      url: `${partnerUrl}/versions`,
      roles: [{ role: 'EMSP', country_code: 'DE', party_id: 'EMP', business_details: { name: 'Plain eMSP' } }],
    };
    const response = await ocpiCall(`${a.url}/ocpi/2.2.1/credentials`, invite.json.token_a, {
      method: 'POST',
      body: credentials,
      plain: true,
    });
    expect(response.json.status_code).toBe(1000);
    expect(response.json.data.roles[0]).toMatchObject({ role: 'HUB', party_id: 'HBA' });
    const row = await a.database.store.db
      .selectFrom('partners')
      .selectAll()
      .where('id', '=', invite.json.id)
      .executeTakeFirstOrThrow();
    expect(row.outgoing_token_encoding).toBe('plain');
    expect(calls.some((c) => c.endsWith(`Token ${tokenB}`))).toBe(true);
    // The new token C works plain as well as Base64.
    const tokenC = response.json.data.token as string;
    expect((await ocpiCall(`${a.url}/ocpi/2.2.1/locations`, tokenC, { plain: true })).status).toBe(200);
  });

  it('answers 3001 when it cannot use the client’s API, keeping token A usable', async () => {
    const invite = await a.admin('POST', '/partners', { name: 'unreachable' });
    const dead = await ocpiCall(`${a.url}/ocpi/2.2.1/credentials`, invite.json.token_a, {
      method: 'POST',
      body: {
        token: 'x-token-1',
        url: `http://127.0.0.1:${await freePort()}/versions`,
        roles: [{ role: 'EMSP', country_code: 'DE', party_id: 'XYZ', business_details: { name: 'x' } }],
      },
    });
    expect(dead.json.status_code).toBe(3001);
    // Token A is still unused, so the partner may retry.
    expect((await ocpiCall(`${a.url}/ocpi/versions`, invite.json.token_a)).status).toBe(200);
  });
});
