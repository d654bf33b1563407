import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { pushToOwner } from '@chargebridge/bridge';
import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { freePort } from '../../../test/support/free-port.js';
import { pushToPartners } from '../../worker/src/processors/ocpi-push.client.js';
import { build } from '../src/index.js';

const adminToken = 'test-admin-token-0123456789';
const auth = { authorization: `Bearer ${adminToken}` };
const logger = pino({ level: 'silent' });
const b64 = (token: string) => `Token ${Buffer.from(token).toString('base64')}`;

/**
 * A partner over real HTTP: an OCPI 2.2.1 receiver for sessions and locations answering
 * `status` (200 with a success envelope, else that status with an error envelope), and a
 * credentials endpoint that accepts a PUT — first reading the caller's versions with the new
 * token, as a real partner would — and hands out `nextToken`.
 */
class TestPartner {
  status = 200;
  url = '';
  token = 'partner-token-c-0123456789';
  nextToken = 'partner-token-c2-0123456789';
  /** What our versions endpoint answered the partner during the PUT. */
  versionsCheck: number | undefined;
  private server: Server | undefined;

  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    this.server = createServer(async (req, res) => {
      let raw = '';
      for await (const chunk of req) raw += chunk;
      const send = (status: number, data?: unknown, message?: string) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            ...(data !== undefined ? { data } : {}),
            status_code: status < 300 ? 1000 : 3000,
            ...(message ? { status_message: message } : {}),
            timestamp: new Date().toISOString(),
          }),
        );
      if (![b64(this.token), b64(this.nextToken)].includes(req.headers.authorization ?? '')) return send(401);
      const url = req.url ?? '';
      if (url === '/versions') return send(200, [{ version: '2.2.1', url: `${this.url}/2.2.1` }]);
      if (url === '/2.2.1') return send(200, { version: '2.2.1', endpoints: this.endpoints() });
      if (url === '/2.2.1/credentials' && req.method === 'PUT') {
        const ours = JSON.parse(raw) as { token: string; url: string };
        const check = await fetch(ours.url, { headers: { authorization: b64(ours.token) } });
        this.versionsCheck = check.status;
        if (!check.ok) return send(400, undefined, 'cannot read your versions with the new token');
        return send(200, {
          token: this.nextToken,
          url: `${this.url}/versions`,
          roles: [{ role: 'EMSP', country_code: 'DE', party_id: 'EMP', business_details: { name: 'EMP' } }],
        });
      }
      if (this.status === 200) return send(200);
      return send(this.status, undefined, 'partner is broken today');
    });
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
  }

  endpoints() {
    const e = (identifier: string, role: string) => ({ identifier, role, url: `${this.url}/2.2.1/${identifier}` });
    return [
      e('credentials', 'SENDER'),
      e('sessions', 'RECEIVER'),
      e('locations', 'RECEIVER'),
      e('tariffs', 'RECEIVER'),
    ];
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

let database: TestDatabase;
let app: FastifyInstance;
let hubUrl: string;
const partner = new TestPartner();
const incomingToken = 'hub-token-for-partner-0123456789';

beforeAll(async () => {
  database = await createTestDatabase();
  await partner.start();
  const port = await freePort();
  hubUrl = `http://127.0.0.1:${port}`;
  app = await build({
    config: loadConfig({ DATABASE_URL: database.url, PUBLIC_URL: hubUrl }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger,
    adminToken,
    readinessChecks: { redis: async () => true },
  });
  await app.listen({ port, host: '127.0.0.1' });
  const db = database.store.db;
  await db.insertInto('parties').values({ country_code: 'NL', party_id: 'CPO', name: 'CPO' }).execute();
  await db
    .insertInto('partners')
    .values({
      id: 'emp',
      name: 'EMP over HTTP',
      direction: 'outbound',
      status: 'registered',
      versions_url: `${partner.url}/versions`,
      version: '2.2.1',
      endpoints: JSON.stringify(partner.endpoints()),
      roles: JSON.stringify([{ role: 'EMSP', country_code: 'DE', party_id: 'EMP' }]),
      incoming_token_hash: createHash('sha256').update(incomingToken).digest('hex'),
      outgoing_token: partner.token,
    })
    .execute();
});

afterAll(async () => {
  await app.close();
  await partner.stop();
  await database.drop();
});

async function emp() {
  const partnerRow = await repositories(database.store.db).partners.find('emp');
  if (!partnerRow) throw new Error('partner emp missing');
  return partnerRow;
}

async function pushSession(sessionId: string, lastAttempt: boolean) {
  return pushToOwner(database.store.db, logger, {
    partner: await emp(),
    module: 'sessions',
    objectKey: `NL/CPO/${sessionId}`,
    from: { country_code: 'NL', party_id: 'CPO' },
    method: 'PUT',
    path: `/NL/CPO/${sessionId}`,
    body: { id: sessionId },
    at: new Date(),
    lastAttempt,
  });
}

async function stats() {
  const response = await app.inject({ url: '/api/v1/partners/stats', headers: auth });
  expect(response.statusCode).toBe(200);
  const all = response.json() as Array<{
    id: string;
    health: string;
    modules: Array<Record<string, unknown> & { module: string }>;
  }>;
  const one = all.find((p) => p.id === 'emp');
  if (!one) throw new Error('no stats for emp');
  return { ...one, module: (name: string) => one.modules.find((m) => m.module === name) };
}

describe('partner push statistics over real HTTP', () => {
  it('starts idle, listing the receiver modules with zero counts', async () => {
    const s = await stats();
    expect(s.health).toBe('idle');
    expect(s.modules.map((m) => m.module)).toEqual(['locations', 'sessions', 'tariffs']);
    expect(s.module('sessions')).toMatchObject({ success: 0, failure: 0, queue_depth: 0, last_success_at: null });
  });

  it('records a successful push: attempt row, latency and answer on the delivery, health ok', async () => {
    expect((await pushSession('S1', false)).ok).toBe(true);
    const attempts = await database.store.db.selectFrom('push_attempts').selectAll().execute();
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      partner_id: 'emp',
      module: 'sessions',
      object_key: 'NL/CPO/S1',
      method: 'PUT',
    });
    expect(attempts[0]).toMatchObject({ ok: true, http_status: 200, error: null });
    expect(attempts[0].latency_ms).toBeGreaterThanOrEqual(0);
    const delivery = await repositories(database.store.db).pushDeliveries.find('emp', 'sessions', 'NL/CPO/S1');
    expect(delivery?.status).toBe('delivered');
    expect(delivery?.last_latency_ms).toBeTypeOf('number');
    expect(JSON.parse(delivery?.last_response_body ?? '{}')).toMatchObject({ status_code: 1000 });

    const s = await stats();
    expect(s.health).toBe('ok');
    expect(s.module('sessions')).toMatchObject({ success: 1, failure: 0, queue_depth: 0, last_failure_at: null });
    expect(s.module('sessions')?.last_success_at).toBeTypeOf('string');
    expect(s.module('sessions')?.latency_ms_last).toBeTypeOf('number');
    expect(s.module('sessions')?.latency_ms_p50).toBeTypeOf('number');
  });

  it('a partner answering 500 turns health failing, with the error and its body per module', async () => {
    partner.status = 500;
    const result = await pushSession('S2', false);
    expect(result.ok).toBe(false);
    const failed = await database.store.db.selectFrom('push_attempts').selectAll().where('ok', '=', false).execute();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ module: 'sessions', object_key: 'NL/CPO/S2', http_status: 500 });
    expect(failed[0].error).toContain('HTTP 500');
    const delivery = await repositories(database.store.db).pushDeliveries.find('emp', 'sessions', 'NL/CPO/S2');
    expect(delivery).toMatchObject({ status: 'retrying', http_status: 500 });
    expect(delivery?.last_response_body).toContain('partner is broken today');

    const s = await stats();
    expect(s.health).toBe('failing');
    const sessions = s.module('sessions');
    expect(sessions).toMatchObject({ success: 1, failure: 1, queue_depth: 1 });
    expect(sessions?.last_error).toContain('HTTP 500');
    expect(sessions?.last_error_body).toContain('partner is broken today');
    expect(sessions?.last_failure_at).toBeTypeOf('string');
  });

  it('records the worker pushes (locations, tariffs) too, and a success after failures is degraded', async () => {
    const push = {
      module: 'locations' as const,
      objectKey: 'NL/CPO/LOC1',
      lastUpdated: new Date(),
      from: { country_code: 'NL', party_id: 'CPO' },
      path: '/NL/CPO/LOC1',
      method: 'PUT' as const,
      body: { id: 'LOC1' },
    };
    await expect(pushToPartners(database.store, logger, push)).rejects.toThrow(/failed for partners emp/);
    let s = await stats();
    expect(s.module('locations')).toMatchObject({ success: 0, failure: 1, queue_depth: 1 });
    expect(s.module('locations')?.last_error_body).toContain('partner is broken today');

    partner.status = 200;
    await pushToPartners(database.store, logger, push);
    s = await stats();
    expect(s.module('locations')).toMatchObject({ success: 1, failure: 1, queue_depth: 0 });
    expect(s.health).toBe('degraded');
    const delivery = await repositories(database.store.db).pushDeliveries.find('emp', 'locations', 'NL/CPO/LOC1');
    expect(delivery?.last_latency_ms).toBeTypeOf('number');
  });
});

describe('re-push', () => {
  it('re-queues the undelivered deliveries of a partner (or every one with all) through the outbox', async () => {
    const repos = repositories(database.store.db);
    const { row } = await repos.tariffs.upsert({
      countryCode: 'NL',
      partyId: 'CPO',
      tariffId: 'T1',
      currency: 'EUR',
      data: { id: 'T1' },
      lastUpdated: new Date(),
    });
    await repos.pushDeliveries.record({
      partnerId: 'emp',
      module: 'tariffs',
      objectKey: 'NL/CPO/T1',
      method: 'PUT',
      httpStatus: 500,
      error: 'HTTP 500',
    });
    await repos.pushDeliveries.record({
      partnerId: 'emp',
      module: 'tariffs',
      objectKey: 'NL/CPO/GONE',
      method: 'PUT',
      error: 'HTTP 500',
    });
    const outboxBefore = await database.store.db.selectFrom('outbox').selectAll().execute();

    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/partners/emp/repush',
      headers: auth,
      payload: { module: 'tariffs' },
    });
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ queued: 1, skipped: 1, remaining: 0 });
    const delivery = await repos.pushDeliveries.find('emp', 'tariffs', 'NL/CPO/T1');
    expect(delivery?.status).toBe('pending');
    const outbox = await database.store.db.selectFrom('outbox').selectAll().execute();
    const added = outbox.filter((o) => !outboxBefore.some((b) => b.id === o.id));
    expect(added.map((o) => [o.topic, o.payload])).toContainEqual(['tariff.push', { tariffId: row.id }]);

    // Delivered sessions are only re-sent with all; the sessions here have no stored object.
    const all = await app.inject({
      method: 'POST',
      url: '/api/v1/partners/emp/repush',
      headers: auth,
      payload: { module: 'sessions', all: true },
    });
    expect(all.json()).toMatchObject({ queued: 0, skipped: 2 });

    // A command result that did not reach the partner goes back to its own job.
    await database.store.db
      .insertInto('commands')
      .values({
        id: 'cmd-1',
        station_id: null,
        action: 'RemoteStartTransaction',
        payload: JSON.stringify({}),
        origin: 'ocpi',
        partner_id: 'emp',
        ocpi_command: 'START_SESSION',
        response_url: `${partner.url}/2.2.1/commands/START_SESSION/1`,
        response: null,
        error: null,
        deadline_at: null,
      })
      .execute();
    await repos.pushDeliveries.record({
      partnerId: 'emp',
      module: 'commands',
      objectKey: 'cmd-1',
      method: 'POST',
      error: 'HTTP 500',
    });
    const commands = await app.inject({
      method: 'POST',
      url: '/api/v1/partners/emp/repush',
      headers: auth,
      payload: { module: 'commands' },
    });
    expect(commands.json()).toEqual({ queued: 1, skipped: 0, remaining: 0 });
    const latest = await database.store.db.selectFrom('outbox').selectAll().orderBy('id', 'desc').executeTakeFirst();
    expect(latest).toMatchObject({ topic: 'command.result', payload: { commandId: 'cmd-1' } });

    const missing = await app.inject({ method: 'POST', url: '/api/v1/partners/nobody/repush', headers: auth });
    expect(missing.statusCode).toBe(404);
  });
});

describe('credentials rotation', () => {
  it('PUTs new credentials to the partner, which reads our versions with the new token, and swaps both tokens', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/partners/emp/rotate-credentials',
      headers: auth,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(partner.versionsCheck).toBe(200);
    const body = response.json();
    expect(body.changed).toEqual({
      token_for_partner: true,
      token_from_partner: true,
      versions_url: false,
      roles: true,
      endpoints: false,
    });
    expect(body.warnings).toEqual([]);
    const row = await emp();
    expect(row.outgoing_token).toBe(partner.nextToken);
    expect(row.registration_token_hash).toBeNull();

    // The old token no longer opens the hub; the credentials attempt is counted.
    const old = await fetch(`${hubUrl}/ocpi/2.2.1/credentials`, { headers: { authorization: b64(incomingToken) } });
    expect(old.status).toBe(401);
    const s = await stats();
    expect(s.module('credentials')).toMatchObject({ success: 1, failure: 0 });
  });

  it('refuses an unregistered partner and changes nothing when the partner refuses', async () => {
    const repos = repositories(database.store.db);
    const before = await emp();
    partner.token = 'not-what-the-hub-has-0123456789';
    partner.nextToken = 'also-not-0123456789';
    const refused = await app.inject({ method: 'POST', url: '/api/v1/partners/emp/rotate-credentials', headers: auth });
    expect(refused.statusCode).toBe(502);
    expect(refused.json().error).toBe('partner_refused');
    const after = await emp();
    expect(after.outgoing_token).toBe(before.outgoing_token);
    expect(after.incoming_token_hash).toBe(before.incoming_token_hash);
    expect(after.registration_token_hash).toBeNull();

    await repos.partners.update('emp', { status: 'unregistered' });
    const conflict = await app.inject({
      method: 'POST',
      url: '/api/v1/partners/emp/rotate-credentials',
      headers: auth,
    });
    expect(conflict.statusCode).toBe(409);
  });
});
