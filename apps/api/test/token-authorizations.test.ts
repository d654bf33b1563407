import { type AuthorizationDecision, authorizationRow, explainAuthorization } from '@chargebridge/bridge';
import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { build } from '../src/index.js';

const adminToken = 'test-admin-token-0123456789';
const auth = { authorization: `Bearer ${adminToken}` };
let database: TestDatabase;
let app: FastifyInstance;

const decision = (d: Partial<AuthorizationDecision> & Pick<AuthorizationDecision, 'result' | 'source'>) => ({
  reason: null,
  allowed: null,
  tokenId: null,
  authorizationReference: null,
  authMethod: null,
  locationId: null,
  expiresAt: null,
  ...d,
});

beforeAll(async () => {
  database = await createTestDatabase();
  app = await build({
    config: loadConfig({ DATABASE_URL: database.url }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken,
    readinessChecks: { redis: async () => true },
  });
  const db = database.store.db;
  const repos = repositories(db);
  await db.insertInto('parties').values({ country_code: 'NL', party_id: 'CPO', name: 'CPO' }).execute();
  await db
    .insertInto('partners')
    .values({ id: 'emp', name: 'Energy Mobility', direction: 'inbound', status: 'registered' })
    .execute();
  const token = (uid: string, source: 'local' | 'roaming', extra: Record<string, unknown> = {}) => ({
    countryCode: source === 'local' ? 'NL' : 'DE',
    partyId: source === 'local' ? 'CPO' : 'EMP',
    uid,
    type: 'RFID',
    contractId: `C-${uid}`,
    source,
    partnerId: source === 'roaming' ? 'emp' : null,
    whitelist: 'ALLOWED' as const,
    valid: true,
    data: { uid, issuer: source === 'local' ? 'CPO' : 'EMP', ...extra },
    lastUpdated: new Date('2024-05-01T00:00:00Z'),
  });
  await repos.tokens.upsert(token('CARD01', 'local', { visual_number: 'VIS-777' }));
  const roaming = (await repos.tokens.upsert(token('APP42', 'roaming'))).row;
  const station = await db
    .insertInto('stations')
    .values({ identity: 'CP-1', country_code: 'NL', party_id: 'CPO' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const presented = { idToken: 'APP42', type: 'ISO14443' };
  const rows = [
    authorizationRow(
      station.id,
      presented,
      'Authorize',
      decision({
        result: 'accepted',
        source: 'realtime',
        allowed: 'ALLOWED',
        tokenId: roaming.id,
        authorizationReference: 'REF-1',
      }),
    ),
    authorizationRow(
      station.id,
      presented,
      'Authorize',
      decision({ result: 'invalid', source: 'realtime', reason: 'emsp unreachable: timeout', tokenId: roaming.id }),
    ),
    authorizationRow(
      station.id,
      presented,
      'StartTransaction',
      decision({ result: 'no_credit', source: 'realtime', allowed: 'NO_CREDIT', tokenId: roaming.id }),
    ),
  ];
  for (const [i, row] of rows.entries()) {
    await repos.authorizations.record([{ ...row, created_at: new Date(Date.UTC(2024, 4, 2, 10, i)) }]);
  }
  await repos.authorizations.record([
    authorizationRow(
      station.id,
      { idToken: 'NOBODY', type: 'ISO14443' },
      'Authorize',
      decision({ result: 'unknown', source: 'unknown', reason: 'token not known' }),
    ),
  ]);
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('GET /api/v1/tokens', () => {
  it('lists tokens with their owner partner and latest authorization, searchable and filtered by party', async () => {
    const all = await app.inject({ url: '/api/v1/tokens', headers: auth });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().total).toBe(2);
    const app42 = all.json().items.find((t: { uid: string }) => t.uid === 'APP42');
    expect(app42).toMatchObject({
      source: 'roaming',
      partner_id: 'emp',
      partner_name: 'Energy Mobility',
      whitelist: 'ALLOWED',
      valid: true,
      last_authorization: { result: 'no_credit', at: '2024-05-02T10:02:00.000Z' },
    });
    const card = all.json().items.find((t: { uid: string }) => t.uid === 'CARD01');
    expect(card).toMatchObject({
      source: 'local',
      partner_name: null,
      last_authorization: null,
      visual_number: 'VIS-777',
    });

    const byVisual = await app.inject({ url: '/api/v1/tokens?q=vis-7', headers: auth });
    expect(byVisual.json().items.map((t: { uid: string }) => t.uid)).toEqual(['CARD01']);
    const byParty = await app.inject({ url: '/api/v1/tokens?party=DE-EMP', headers: auth });
    expect(byParty.json()).toMatchObject({ total: 1, items: [{ uid: 'APP42' }] });
    const paged = await app.inject({ url: '/api/v1/tokens?limit=1&offset=1', headers: auth });
    expect(paged.json()).toMatchObject({ total: 2, offset: 1, limit: 1 });
    expect(paged.json().items).toHaveLength(1);
  });
});

describe('GET /api/v1/tokens/{uid}/authorizations', () => {
  it('returns the recent decisions newest first, each with why it was accepted or refused', async () => {
    const response = await app.inject({ url: '/api/v1/tokens/APP42/authorizations', headers: auth });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items;
    expect(items.map((a: { result: string }) => a.result)).toEqual(['no_credit', 'invalid', 'accepted']);
    expect(items[0]).toMatchObject({
      accepted: false,
      allowed: 'NO_CREDIT',
      source: 'realtime',
      source_label: 'eMSP real-time authorization',
      trigger: 'StartTransaction',
      station_identity: 'CP-1',
      partner_id: 'emp',
      partner_name: 'Energy Mobility',
      token_country_code: 'DE',
      token_party_id: 'EMP',
    });
    expect(items[0].why).toContain('NO_CREDIT (no credit left)');
    expect(items[1]).toMatchObject({ accepted: false, trigger: 'Authorize', reason: 'emsp unreachable: timeout' });
    expect(items[1].why).toContain('could not be reached (emsp unreachable: timeout)');
    expect(items[2]).toMatchObject({ accepted: true, authorization_reference: 'REF-1', reason: null });
    expect(items[2].why).toContain('allowed it in a real-time authorization');

    const limited = await app.inject({ url: '/api/v1/tokens/APP42/authorizations?limit=1', headers: auth });
    expect(limited.json().items).toHaveLength(1);
    const unknown = await app.inject({ url: '/api/v1/tokens/NOBODY/authorizations', headers: auth });
    expect(unknown.json().items[0]).toMatchObject({ result: 'unknown', partner_id: null, accepted: false });
    expect(unknown.json().items[0].why).toContain('Neither a local card nor an eMSP token');
  });
});

describe('explainAuthorization', () => {
  it('explains every source of the authorizer', () => {
    const why = (result: string, source: string, reason: string | null, allowed: string | null = null) =>
      explainAuthorization({ result, source, reason, allowed }).why;
    expect(why('accepted', 'local', 'Authorize')).toContain('local card list');
    expect(why('blocked', 'local', 'Authorize: local token not valid')).toContain('not valid');
    expect(why('accepted', 'whitelist', 'Authorize')).toContain('whitelist ALWAYS');
    expect(why('accepted', 'cache', 'Authorize', 'ALLOWED')).toContain('cached');
    expect(why('accepted', 'offline-fallback', 'Authorize: emsp unreachable: network')).toContain('ALLOWED_OFFLINE');
    expect(why('accepted', 'command', 'TransactionEvent: START_SESSION c-1')).toContain('START_SESSION (c-1)');
    expect(why('not_at_this_location', 'realtime', 'Authorize', 'NOT_ALLOWED')).toContain(
      'not allowed at this location',
    );
    expect(why('invalid', 'error', 'Authorize: store down')).toContain('could not decide (store down)');
  });
});
