import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { build } from '../src/index.js';

const adminToken = 'auth-test-admin-token-0123456789';
const admin = { authorization: `Bearer ${adminToken}` };
const csrf = { 'x-chargebridge-csrf': '1' };
const passwords = {
  alice: 'alice-password-1',
  oscar: 'oscar-password-1',
  vera: 'vera-password-12',
  dora: 'dora-password-12',
};
let database: TestDatabase;
let app: FastifyInstance;
const ids: Record<string, number> = {};

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
const call = (method: Method, url: string, headers: Record<string, string> = {}, payload?: object) =>
  app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

/** The `cb_session=…` pair of a sign-in answer. */
function sessionOf(response: LightMyRequestResponse): string {
  const header = [response.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('cb_session='));
  if (!header) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`);
  return header.split(';')[0] as string;
}

async function login(username: keyof typeof passwords): Promise<string> {
  const response = await call('POST', '/auth/login', {}, { username, password: passwords[username] });
  expect(response.statusCode).toBe(200);
  return sessionOf(response);
}

async function createUser(username: keyof typeof passwords, role: string): Promise<void> {
  const response = await call('POST', '/users', admin, { username, password: passwords[username], role });
  expect(response.statusCode).toBe(201);
  ids[username] = response.json().id;
}

/** Audit rows whose action contains `action`, newest first. */
async function auditRows(action: string) {
  return (await call('GET', `/audit?action=${encodeURIComponent(action)}&limit=500`, admin)).json().items as Array<{
    actor: string;
    role: string | null;
    action: string;
    target: string;
    status: number;
    details: Record<string, unknown> | null;
  }>;
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await build({
    config: loadConfig({ DATABASE_URL: database.url }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken,
  });
  await createUser('alice', 'admin');
  await createUser('oscar', 'operator');
  await createUser('vera', 'viewer');
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('principals', () => {
  it('keeps the admin token working for scripts', async () => {
    const me = await call('GET', '/auth/me', admin);
    expect(me.json()).toEqual({ actor: 'admin-token', username: null, role: 'admin', via: 'admin_token' });
    expect((await call('GET', '/system', admin)).statusCode).toBe(200);
  });

  it('refuses requests without credentials, wrong bearers and unknown cookies with 401', async () => {
    for (const headers of [
      {},
      { authorization: 'Bearer wrong' },
      { cookie: 'cb_session=abcdefghijklmnopqrstuvwxyz' },
    ] as Record<string, string>[]) {
      const response = await call('GET', '/system', headers);
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.json()).toMatchObject({ error: 'unauthorized' });
    }
  });

  it('signs in with a password: an HttpOnly SameSite cookie that works for reads', async () => {
    const response = await call('POST', '/auth/login', {}, { username: 'alice', password: passwords.alice });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ actor: 'alice', username: 'alice', role: 'admin', via: 'session' });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
    expect(header).toMatch(/Max-Age=43200/);
    expect(header).not.toMatch(/Secure/); // PUBLIC_URL is http here
    const cookie = sessionOf(response);
    expect((await call('GET', '/system', { cookie })).statusCode).toBe(200);
    expect((await call('GET', '/auth/me', { cookie })).json()).toMatchObject({ username: 'alice', via: 'session' });
    const users = (await call('GET', '/users', { cookie })).json().items;
    expect(users.find((u: { username: string }) => u.username === 'alice').last_login_at).not.toBeNull();
    expect(JSON.stringify(users)).not.toContain('scrypt');
  });

  it('signs in with the admin token as an admin session without an account', async () => {
    const response = await call('POST', '/auth/login', {}, { admin_token: adminToken });
    expect(response.json()).toEqual({ actor: 'admin-token', username: null, role: 'admin', via: 'session' });
    const cookie = sessionOf(response);
    expect((await call('GET', '/users', { cookie })).statusCode).toBe(200);
    const tokens = await call('POST', '/auth/tokens', { cookie, ...csrf }, { name: 'x' });
    expect(tokens.statusCode).toBe(400);
    expect(tokens.json()).toMatchObject({ error: 'no_account' });
  });

  it('requires the CSRF header on cookie-authenticated changes', async () => {
    const cookie = await login('alice');
    const body = { username: 'carl', password: 'carl-password-1', role: 'viewer' };
    const without = await call('POST', '/users', { cookie }, body);
    expect(without.statusCode).toBe(403);
    expect(without.json()).toMatchObject({ error: 'csrf' });
    expect(
      (await call('GET', '/users', admin)).json().items.map((u: { username: string }) => u.username),
    ).not.toContain('carl');
    const withHeader = await call('POST', '/users', { cookie, ...csrf }, body);
    expect(withHeader.statusCode).toBe(201);
    expect(withHeader.json()).toMatchObject({ username: 'carl', role: 'viewer', disabled: false });
  });

  it('slides the session expiry at most once a minute, and ends expired sessions', async () => {
    const cookie = await login('vera');
    const first = await call('GET', '/system', { cookie });
    expect(first.headers['set-cookie']).toBeUndefined(); // seen less than a minute ago
    await sql`update user_sessions set last_seen_at = now() - interval '2 minutes', expires_at = now() + interval '1 hour'
      where user_id = ${ids.vera}`.execute(database.store.db);
    const slid = await call('GET', '/system', { cookie });
    expect(String(slid.headers['set-cookie'])).toMatch(/^cb_session=.*Max-Age=43200/);
    const { rows } = await sql<{ hours: number }>`select extract(epoch from max(expires_at) - now()) / 3600 as hours
      from user_sessions where user_id = ${ids.vera}`.execute(database.store.db);
    expect(Number(rows[0]?.hours)).toBeGreaterThan(11.9);
    await sql`update user_sessions set expires_at = now() - interval '1 second' where user_id = ${ids.vera}`.execute(
      database.store.db,
    );
    expect((await call('GET', '/system', { cookie })).statusCode).toBe(401);
  });
});

describe('roles', () => {
  it('lets a viewer read but not change anything', async () => {
    const cookie = await login('vera');
    expect((await call('GET', '/stations', { cookie })).statusCode).toBe(200);
    const post = await call(
      'POST',
      '/users',
      { cookie, ...csrf },
      { username: 'x1', password: 'x-password-1', role: 'admin' },
    );
    expect(post.statusCode).toBe(403);
    expect(post.json()).toMatchObject({ error: 'forbidden', message: 'POST /api/v1/users needs role admin' });
    const calls = await call('POST', '/stations/CS-NONE/calls', { cookie, ...csrf }, { action: 'Reset', payload: {} });
    expect(calls.statusCode).toBe(403);
    expect((await call('GET', '/users', { cookie })).statusCode).toBe(403);
    expect((await call('GET', '/audit', { cookie })).statusCode).toBe(403);
  });

  it('lets an operator use an operator route but not an admin route', async () => {
    const cookie = await login('oscar');
    const calls = await call('POST', '/stations/CS-NONE/calls', { cookie, ...csrf }, { action: 'Reset', payload: {} });
    expect(calls.statusCode).toBe(404); // past the role check, the station is unknown
    expect(calls.json()).toMatchObject({ error: 'unknown_station' });
    const party = await call('PUT', '/parties/DE/CBX', { cookie, ...csrf }, { name: 'X', roles: ['CPO'] });
    expect(party.statusCode).toBe(403);
    expect((await call('GET', '/audit', { cookie })).statusCode).toBe(200);
  });

  it('applies a role change to sessions already open', async () => {
    await createUser('dora', 'viewer');
    const cookie = await login('dora');
    const before = await call('POST', '/stations/CS-NONE/calls', { cookie, ...csrf }, { action: 'Reset', payload: {} });
    expect(before.statusCode).toBe(403);
    expect((await call('PATCH', `/users/${ids.dora}`, admin, { role: 'operator' })).json()).toMatchObject({
      role: 'operator',
    });
    const after = await call('POST', '/stations/CS-NONE/calls', { cookie, ...csrf }, { action: 'Reset', payload: {} });
    expect(after.statusCode).toBe(404);
    expect((await call('GET', '/auth/me', { cookie })).json().role).toBe('operator');
  });
});

describe('personal API tokens', () => {
  it('work as a bearer token with the owner’s role until revoked', async () => {
    const cookie = await login('oscar');
    const created = await call('POST', '/auth/tokens', { cookie, ...csrf }, { name: 'ci script' });
    expect(created.statusCode).toBe(201);
    const { id, token, prefix } = created.json();
    expect(token).toMatch(/^cbt_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await call('GET', '/auth/me', bearer)).json()).toEqual({
      actor: 'oscar',
      username: 'oscar',
      role: 'operator',
      via: 'api_token',
    });
    expect((await call('POST', '/stations/CS-NONE/calls', bearer, { action: 'Reset', payload: {} })).statusCode).toBe(
      404,
    );
    expect((await call('DELETE', `/users/${ids.vera}`, bearer)).statusCode).toBe(403);
    const list = (await call('GET', '/auth/tokens', { cookie })).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id, name: 'ci script', prefix, revoked_at: null });
    expect(list[0].last_used_at).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(token);
    // Another account cannot revoke it.
    const alice = await login('alice');
    expect((await call('DELETE', `/auth/tokens/${id}`, { cookie: alice, ...csrf })).statusCode).toBe(404);
    // Scripts send a JSON content type on every call: a bodyless DELETE with one is still no body.
    const jsonHeaders = { cookie, ...csrf, 'content-type': 'application/json' };
    expect((await call('DELETE', `/auth/tokens/${id}`, jsonHeaders)).statusCode).toBe(204);
    expect((await call('GET', '/auth/me', bearer)).statusCode).toBe(401);
    expect((await call('GET', '/auth/tokens', { cookie })).json().items[0].revoked_at).not.toBeNull();
  });
});

describe('accounts', () => {
  it('refuses a disabled account: its sessions, its tokens and new sign-ins', async () => {
    const cookie = await login('dora');
    const token = (await call('POST', '/auth/tokens', { cookie, ...csrf }, { name: 't' })).json().token;
    expect((await call('PATCH', `/users/${ids.dora}`, admin, { disabled: true })).json().disabled).toBe(true);
    expect((await call('GET', '/system', { cookie })).statusCode).toBe(401);
    expect((await call('GET', '/system', { authorization: `Bearer ${token}` })).statusCode).toBe(401);
    const again = await call('POST', '/auth/login', {}, { username: 'dora', password: passwords.dora });
    expect(again.statusCode).toBe(403);
    expect(again.json()).toMatchObject({ error: 'account_disabled' });
    await call('PATCH', `/users/${ids.dora}`, admin, { disabled: false });
    expect((await call('GET', '/system', { authorization: `Bearer ${token}` })).statusCode).toBe(200);
  });

  it('validates new accounts and refuses duplicates', async () => {
    const short = await call('POST', '/users', admin, { username: 'shorty', password: 'short', role: 'viewer' });
    expect(short.statusCode).toBe(400);
    const reserved = await call('POST', '/users', admin, {
      username: 'admin-token',
      password: 'long-enough-1',
      role: 'admin',
    });
    expect(reserved.statusCode).toBe(400);
    const duplicate = await call('POST', '/users', admin, {
      username: 'alice',
      password: 'long-enough-1',
      role: 'viewer',
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it('resets a password: the old one stops working and the account’s other sessions end', async () => {
    const old = await login('vera');
    passwords.vera = 'vera-new-password-1';
    expect((await call('PATCH', `/users/${ids.vera}`, admin, { password: passwords.vera })).statusCode).toBe(200);
    expect((await call('GET', '/system', { cookie: old })).statusCode).toBe(401);
    const wrong = await call('POST', '/auth/login', {}, { username: 'vera', password: 'vera-password-12' });
    expect(wrong.statusCode).toBe(401);
    await login('vera');
  });

  it('never removes the last enabled admin', async () => {
    for (const [method, body] of [
      ['PATCH', { role: 'operator' }],
      ['PATCH', { disabled: true }],
      ['DELETE', undefined],
    ] as const) {
      const response = await call(method, `/users/${ids.alice}`, admin, body);
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ error: 'last_admin' });
    }
    expect((await call('PATCH', `/users/${ids.oscar}`, admin, { role: 'admin' })).statusCode).toBe(200);
    expect((await call('PATCH', `/users/${ids.alice}`, admin, { role: 'operator' })).statusCode).toBe(200);
    expect((await call('DELETE', `/users/${ids.oscar}`, admin)).statusCode).toBe(409);
    expect((await call('PATCH', `/users/${ids.alice}`, admin, { role: 'admin' })).statusCode).toBe(200);
    expect((await call('DELETE', `/users/${ids.oscar}`, admin)).statusCode).toBe(204);
    expect((await call('POST', '/auth/login', {}, { username: 'oscar', password: passwords.oscar })).statusCode).toBe(
      401,
    );
    expect((await call('DELETE', `/users/${ids.oscar}`, admin)).statusCode).toBe(404);
  });
});

describe('sign-in failures and sign-out', () => {
  it('answers a wrong password with 401 and throttles repeated failures with 429', async () => {
    const unknown = await call('POST', '/auth/login', {}, { username: 'nobody', password: 'whatever-123' });
    expect(unknown.statusCode).toBe(401);
    for (let i = 0; i < 10; i++) {
      const wrong = await call('POST', '/auth/login', {}, { username: 'carl', password: `wrong-password-${i}` });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json()).toMatchObject({ error: 'invalid_credentials' });
    }
    const blocked = await call('POST', '/auth/login', {}, { username: 'carl', password: 'carl-password-1' });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Other accounts are not locked out by it.
    await login('alice');
    const badToken = await call('POST', '/auth/login', {}, { admin_token: 'not-the-token' });
    expect(badToken.statusCode).toBe(401);
    expect((await call('POST', '/auth/login', {}, {})).statusCode).toBe(400);
  });

  it('logs out: the cookie is cleared and no longer accepted', async () => {
    const cookie = await login('alice');
    const out = await call('POST', '/auth/logout', { cookie, ...csrf });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^cb_session=; .*Max-Age=0/);
    expect((await call('GET', '/auth/me', { cookie })).statusCode).toBe(401);
  });
});

describe('audit log', () => {
  it('records every change, refused ones, sign-ins and sign-outs, with secrets redacted', async () => {
    await expect.poll(async () => (await auditRows('/auth/logout')).length).toBeGreaterThan(0);
    const logins = await auditRows('POST /api/v1/auth/login');
    const ok = logins.find((r) => r.actor === 'alice' && r.status === 200);
    expect(ok).toMatchObject({
      role: 'admin',
      target: '/api/v1/auth/login',
      details: { username: 'alice', password: '[redacted]' },
    });
    const failed = logins.find((r) => r.status === 429);
    expect(failed).toMatchObject({ actor: 'anonymous', role: null, details: { username: 'carl' } });
    const tokenLogin = logins.find((r) => r.actor === 'admin-token' && r.status === 200);
    expect(tokenLogin?.details).toEqual({ admin_token: '[redacted]' });
    const logout = (await auditRows('/auth/logout'))[0];
    expect(logout).toMatchObject({ actor: 'alice', status: 204 });
    const created = (await auditRows('POST /api/v1/users')).find(
      (r) => r.target === '/api/v1/users' && r.status === 201,
    );
    expect(created).toMatchObject({ actor: 'admin-token', role: 'admin', details: { password: '[redacted]' } });
    const forbidden = (await auditRows('POST /api/v1/users')).find((r) => r.status === 403 && r.actor === 'vera');
    expect(forbidden).toMatchObject({ role: 'viewer' });
    const call = (await auditRows('/stations/:identity/calls')).find((r) => r.actor === 'oscar');
    expect(call).toMatchObject({ target: '/api/v1/stations/CS-NONE/calls', status: 404, details: { action: 'Reset' } });
    const patch = (await auditRows('PATCH /api/v1/users/:id')).find((r) => r.target === `/api/v1/users/${ids.vera}`);
    expect(patch?.details).toEqual({ password: '[redacted]' });
    // No secret in any row.
    const all = JSON.stringify((await call2('/audit?limit=500')).items);
    for (const secret of [...Object.values(passwords), adminToken, 'vera-password-12', 'carl-password-1']) {
      expect(all).not.toContain(secret);
    }
    // Reads are not audited.
    expect(await auditRows('GET ')).toEqual([]);
  });

  it('skips routes that only compute (a tariff price preview), but still answers them', async () => {
    const preview = await call('POST', '/tariffs/preview', admin, {
      tariff: {
        country_code: 'NL',
        party_id: 'CBH',
        id: 'T1',
        currency: 'EUR',
        last_updated: '2026-01-01T00:00:00Z',
        elements: [{ price_components: [{ type: 'ENERGY', price: 0.3, step_size: 1 }] }],
      },
      start_date_time: '2026-11-26T10:00:00Z',
      duration_minutes: 60,
      energy_kwh: 10,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await auditRows('/tariffs/preview')).toEqual([]);
  });

  it('filters by actor and pages by before_id', async () => {
    const first = (await call('GET', '/audit?limit=2', admin)).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0].id).toBeGreaterThan(first.items[1].id);
    const second = (await call('GET', `/audit?limit=2&before_id=${first.next_before_id}`, admin)).json();
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
    const vera = (await call('GET', '/audit?actor=vera&limit=500', admin)).json().items;
    expect(vera.length).toBeGreaterThan(0);
    expect(vera.every((r: { actor: string }) => r.actor === 'vera')).toBe(true);
  });
});

async function call2(url: string) {
  return (await call('GET', url, admin)).json();
}
