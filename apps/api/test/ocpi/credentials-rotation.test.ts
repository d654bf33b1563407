import { fetchVersions } from '@chargebridge/ocpi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HubInstance, ocpiCall, startHub } from './hub-instance.js';

let a: HubInstance;
let b: HubInstance;
let aSideOfB: string;
let bSideOfA: string;

async function partnerRow(hub: HubInstance, id: string) {
  return hub.database.store.db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

beforeAll(async () => {
  [a, b] = await Promise.all([startHub('HRA'), startHub('HRB')]);
  const invite = await a.admin('POST', '/partners', { name: 'hub B' });
  aSideOfB = invite.json.id;
  const registered = await b.admin('POST', '/partners', {
    name: 'hub A',
    versions_url: invite.json.versions_url,
    token: invite.json.token_a,
  });
  expect(registered.status).toBe(201);
  bSideOfA = registered.json.id;
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
});

describe('rotating credentials between two hub instances (credentials §PUT)', () => {
  it('B rotates: A gets a new token for B and hands out a new one; old tokens die, new ones work both ways', async () => {
    const before = { a: await partnerRow(a, aSideOfB), b: await partnerRow(b, bSideOfA) };
    const oldTokenAUses = before.a.outgoing_token as string; // A → B
    const oldTokenBUses = before.b.outgoing_token as string; // B → A

    const rotated = await b.admin('POST', `/partners/${bSideOfA}/rotate-credentials`);
    expect(rotated.status, JSON.stringify(rotated.json)).toBe(200);
    expect(rotated.json.changed).toMatchObject({ token_for_partner: true, token_from_partner: true });
    expect(rotated.json.warnings).toEqual([]);

    const after = { a: await partnerRow(a, aSideOfB), b: await partnerRow(b, bSideOfA) };
    expect(after.a.outgoing_token).not.toBe(oldTokenAUses);
    expect(after.b.outgoing_token).not.toBe(oldTokenBUses);
    expect(after.b.registration_token_hash).toBeNull();

    // Old tokens no longer open the other side.
    expect((await ocpiCall(`${a.url}/ocpi/versions`, oldTokenBUses)).status).toBe(401);
    expect((await ocpiCall(`${b.url}/ocpi/versions`, oldTokenAUses)).status).toBe(401);
    // New ones do, as registered partners (not just for configuration modules).
    expect(await fetchVersions(`${a.url}/ocpi/versions`, after.b.outgoing_token as string)).toHaveLength(1);
    expect(await fetchVersions(`${b.url}/ocpi/versions`, after.a.outgoing_token as string)).toHaveLength(1);
    expect((await ocpiCall(`${a.url}/ocpi/2.2.1/locations`, after.b.outgoing_token as string)).status).toBe(200);
    expect((await ocpiCall(`${b.url}/ocpi/2.2.1/locations`, after.a.outgoing_token as string)).status).toBe(200);

    // The call counts on B's partner statistics, under credentials.
    const stats = await b.admin('GET', '/partners/stats');
    const credentials = stats.json
      .find((p: { id: string }) => p.id === bSideOfA)
      .modules.find((m: { module: string }) => m.module === 'credentials');
    // The registration POST and the rotation PUT.
    expect(credentials).toMatchObject({ success: 2, failure: 0 });
  });

  it('A can rotate in the other direction too', async () => {
    const rotated = await a.admin('POST', `/partners/${aSideOfB}/rotate-credentials`);
    expect(rotated.status, JSON.stringify(rotated.json)).toBe(200);
    const tokenBUses = (await partnerRow(b, bSideOfA)).outgoing_token as string;
    expect((await ocpiCall(`${a.url}/ocpi/2.2.1/locations`, tokenBUses)).status).toBe(200);
    const tokenAUses = (await partnerRow(a, aSideOfB)).outgoing_token as string;
    expect((await ocpiCall(`${b.url}/ocpi/2.2.1/locations`, tokenAUses)).status).toBe(200);
  });
});
