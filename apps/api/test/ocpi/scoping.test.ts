import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { build } from '../../src/index.js';
import { aLocation, seedPartner } from './seed.js';

const ADMIN = { authorization: 'Bearer test-admin-token-0123456789' };
const tok = (t: string) => ({ authorization: `Token ${Buffer.from(t).toString('base64')}` });
let database: TestDatabase;
let app: FastifyInstance;

const token = (cc: string, pid: string, uid: string) => ({
  country_code: cc,
  party_id: pid,
  uid,
  type: 'RFID',
  contract_id: `${cc}-${pid}-C${uid}`,
  issuer: 'Issuer',
  valid: true,
  whitelist: 'ALLOWED',
  last_updated: '2024-01-01T00:00:00Z',
});

beforeAll(async () => {
  database = await createTestDatabase();
  app = await build({
    config: loadConfig({ DATABASE_URL: database.url, PUBLIC_URL: 'https://hub.example.com' }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken: 'test-admin-token-0123456789',
  });
  await seedPartner(database.store, 'p1', 'token-one', 'DE', 'AAA');
  await seedPartner(database.store, 'p2', 'token-two', 'FR', 'BBB');
  expect(
    (await app.inject({ method: 'PUT', url: '/api/v1/parties/NL/CPO', headers: ADMIN, payload: { name: 'CPO' } }))
      .statusCode,
  ).toBe(201);
  expect(
    (await app.inject({ method: 'PUT', url: '/api/v1/parties/NL/CPO', headers: ADMIN, payload: { name: 'CPO 2' } }))
      .statusCode,
  ).toBe(200);
  const put = await app.inject({
    method: 'PUT',
    url: '/api/v1/locations/NL/CPO/LOC1',
    headers: ADMIN,
    payload: aLocation('LOC1'),
  });
  expect(put.statusCode).toBe(201);
  // A location of a party that is not hosted (as a remote party's would be) must never show.
  await database.store.db
    .insertInto('locations')
    .values({ country_code: 'BE', party_id: 'XXX', location_id: 'SECRET', data: JSON.stringify(aLocation('SECRET')) })
    .execute();
  const session = (id: string, cc: string, pid: string) => ({
    country_code: 'NL',
    party_id: 'CPO',
    session_id: id,
    token_country_code: cc,
    token_party_id: pid,
    status: 'ACTIVE',
    data: JSON.stringify({ id, country_code: 'NL', party_id: 'CPO' }),
  });
  await database.store.db
    .insertInto('sessions')
    .values([session('S1', 'DE', 'AAA'), session('S2', 'FR', 'BBB')])
    .execute();
  const cdr = (id: string, cc: string, pid: string) => ({
    country_code: 'NL',
    party_id: 'CPO',
    cdr_id: id,
    token_country_code: cc,
    token_party_id: pid,
    currency: 'EUR',
    total_cost_excl_vat: '1.00',
    total_energy_kwh: '2.000',
    start_date_time: new Date('2024-01-01T10:00:00Z'),
    end_date_time: new Date('2024-01-01T11:00:00Z'),
    data: JSON.stringify({ id, country_code: 'NL', party_id: 'CPO' }),
  });
  await database.store.db
    .insertInto('cdrs')
    .values([cdr('C1', 'DE', 'AAA'), cdr('C2', 'FR', 'BBB')])
    .execute();
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('authentication', () => {
  it('401 for a missing, malformed or unknown token', async () => {
    for (const headers of [{}, { authorization: 'Bearer x' }, tok('nope')]) {
      const response = await app.inject({ url: '/ocpi/2.2.1/locations', headers });
      expect(response.statusCode).toBe(401);
      expect(response.json().status_code).toBe(2000);
    }
  });
});

describe('scoping by credentials', () => {
  it('lists only hosted CPOs’ locations; a foreign id is 404', async () => {
    const list = await app.inject({ url: '/ocpi/2.2.1/locations', headers: tok('token-one') });
    expect(list.json().data.map((l: { id: string }) => l.id)).toEqual(['LOC1']);
    expect(list.headers['x-total-count']).toBe('1');
    expect((await app.inject({ url: '/ocpi/2.2.1/locations/LOC1', headers: tok('token-one') })).json().data.id).toBe(
      'LOC1',
    );
    const secret = await app.inject({ url: '/ocpi/2.2.1/locations/SECRET', headers: tok('token-one') });
    expect(secret.statusCode).toBe(404);
    expect(JSON.stringify(secret.json())).not.toContain('Utrecht');
  });

  it('tokens: a partner reads and changes only its own', async () => {
    const url = '/ocpi/2.2.1/tokens/DE/AAA/T1';
    expect(
      (await app.inject({ method: 'PUT', url, headers: tok('token-one'), payload: token('DE', 'AAA', 'T1') })).json()
        .status_code,
    ).toBe(1000);
    expect((await app.inject({ url, headers: tok('token-one') })).json().data.uid).toBe('T1');
    const stored = await database.store.db
      .selectFrom('tokens')
      .selectAll()
      .where('uid', '=', 'T1')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ source: 'roaming', partner_id: 'p1', whitelist: 'ALLOWED' });
    // p2 guesses the id: 404 for read, write and patch, and the token is unchanged.
    expect((await app.inject({ url, headers: tok('token-two') })).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'PUT', url, headers: tok('token-two'), payload: token('DE', 'AAA', 'T1') }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url,
          headers: tok('token-two'),
          payload: { valid: false, last_updated: '2024-02-01T00:00:00Z' },
        })
      ).statusCode,
    ).toBe(404);
    const patched = await app.inject({
      method: 'PATCH',
      url,
      headers: tok('token-one'),
      payload: { whitelist: 'NEVER', last_updated: '2024-02-01T00:00:00Z' },
    });
    expect(patched.json().status_code).toBe(1000);
    expect((await app.inject({ url, headers: tok('token-one') })).json().data.whitelist).toBe('NEVER');
  });

  it('sessions and CDRs: only those of the caller’s own tokens', async () => {
    for (const [module, mine, theirs] of [
      ['sessions', 'S1', 'S2'],
      ['cdrs', 'C1', 'C2'],
    ]) {
      const one = await app.inject({ url: `/ocpi/2.2.1/${module}`, headers: tok('token-one') });
      expect(one.json().data.map((o: { id: string }) => o.id)).toEqual([mine]);
      expect(one.headers['x-total-count']).toBe('1');
      const two = await app.inject({ url: `/ocpi/2.2.1/${module}`, headers: tok('token-two') });
      expect(two.json().data.map((o: { id: string }) => o.id)).toEqual([theirs]);
    }
  });

  it('routing headers must name the caller’s own party', async () => {
    const spoofed = await app.inject({
      url: '/ocpi/2.2.1/sessions',
      headers: { ...tok('token-one'), 'ocpi-from-country-code': 'FR', 'ocpi-from-party-id': 'BBB' },
    });
    expect(spoofed.json().status_code).toBe(2001);
    expect(spoofed.json().data).toBeUndefined();
    const unknownTo = await app.inject({
      url: '/ocpi/2.2.1/locations',
      headers: { ...tok('token-one'), 'ocpi-to-country-code': 'BE', 'ocpi-to-party-id': 'ZZZ' },
    });
    expect(unknownTo.json().status_code).toBe(4001);
  });
});

describe('malformed bodies are 2001, never 500', () => {
  it('invalid JSON, wrong types and missing fields', async () => {
    const url = '/ocpi/2.2.1/tokens/DE/AAA/T9';
    const bad = await app.inject({
      method: 'PUT',
      url,
      headers: { ...tok('token-one'), 'content-type': 'application/json' },
      payload: '{"uid": ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().status_code).toBe(2001);
    const wrong = await app.inject({
      method: 'PUT',
      url,
      headers: tok('token-one'),
      payload: { ...token('DE', 'AAA', 'T9'), valid: 'yes' },
    });
    expect(wrong.statusCode).toBe(200);
    expect(wrong.json().status_code).toBe(2001);
    expect(wrong.json().status_message).toContain('$.valid');
    const { whitelist: _w, ...missing } = token('DE', 'AAA', 'T9');
    expect(
      (await app.inject({ method: 'PUT', url, headers: tok('token-one'), payload: missing })).json().status_message,
    ).toContain('whitelist');
    const cmd = await app.inject({
      method: 'POST',
      url: '/ocpi/2.2.1/commands/START_SESSION',
      headers: tok('token-one'),
      payload: [],
    });
    expect(cmd.json().status_code).toBe(2001);
    const paging = await app.inject({ url: '/ocpi/2.2.1/locations?limit=abc', headers: tok('token-one') });
    expect(paging.json().status_code).toBe(2001);
  });
});

describe('commands', () => {
  it('accepts START_SESSION for a known location and queues it; 2003 for an unknown one', async () => {
    const station = await database.store.db
      .insertInto('stations')
      .values({
        identity: 'ST1',
        country_code: 'NL',
        party_id: 'CPO',
        location_id: (
          await database.store.db
            .selectFrom('locations')
            .select('id')
            .where('location_id', '=', 'LOC1')
            .executeTakeFirstOrThrow()
        ).id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const body = {
      response_url: 'https://emsp.example.com/cmd/1',
      token: token('DE', 'AAA', 'T1'),
      location_id: 'LOC1',
    };
    const ok = await app.inject({
      method: 'POST',
      url: '/ocpi/2.2.1/commands/START_SESSION',
      headers: tok('token-one'),
      payload: body,
    });
    expect(ok.json()).toMatchObject({ status_code: 1000, data: { result: 'ACCEPTED', timeout: expect.any(Number) } });
    const command = await database.store.db.selectFrom('commands').selectAll().executeTakeFirstOrThrow();
    expect(command).toMatchObject({
      origin: 'ocpi',
      station_id: station.id,
      partner_id: 'p1',
      response_url: body.response_url,
      ocpi_command: 'START_SESSION',
    });
    const outbox = await database.store.db
      .selectFrom('outbox')
      .selectAll()
      .where('topic', '=', 'command.execute')
      .execute();
    expect(outbox.map((o) => o.payload)).toEqual([{ commandId: command.id }]);
    const unknown = await app.inject({
      method: 'POST',
      url: '/ocpi/2.2.1/commands/START_SESSION',
      headers: tok('token-one'),
      payload: { ...body, location_id: 'NOPE' },
    });
    expect(unknown.json().status_code).toBe(2003);
    const stop = await app.inject({
      method: 'POST',
      url: '/ocpi/2.2.1/commands/STOP_SESSION',
      headers: tok('token-one'),
      payload: { response_url: 'https://e/x', session_id: 'S2' },
    });
    expect(stop.json().data.result).toBe('UNKNOWN_SESSION');
  });
});
