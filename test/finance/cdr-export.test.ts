import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../apps/api/src/index.js';
import { runCli } from '../../apps/hub/test/run-cli.js';
import { repositories } from '../../packages/store/src/index.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { csvObjects, insertCdrs } from './cdr-fixtures.js';

const adminToken = 'test-admin-token-0123456789';
const FROM = '2026-03-01T10:00:00Z';
const TO = '2026-04-01T00:00:00Z';
const AWKWARD_LOCATION = 'LOC, "quoted"\r\nsecond line';
let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await createTestDatabase();
  await insertCdrs(database.store, [
    // end_date_time exactly `from`: included (from is inclusive).
    {
      cdrId: 'A1',
      start: '2026-03-01T09:00:00Z',
      end: FROM,
      kwh: 10,
      excl: 4,
      incl: 4.84,
      locationId: AWKWARD_LOCATION,
    },
    { cdrId: 'A2', start: '2026-03-15T08:00:00Z', end: '2026-03-15T09:30:00Z', kwh: 20, excl: 7.5, incl: 9.075 },
    // The credit CDR of A1: negated totals.
    {
      cdrId: 'A3',
      start: '2026-03-01T09:00:00Z',
      end: '2026-03-02T00:00:00Z',
      kwh: 10,
      excl: 4,
      incl: 4.84,
      credit: 'A1',
    },
    {
      cdrId: 'B1',
      cpo: ['BE', 'OTH'],
      owner: ['FR', 'XYZ'],
      currency: 'GBP',
      start: '2026-03-10T10:00:00Z',
      end: '2026-03-10T11:00:00Z',
      kwh: 5,
      excl: 2,
      incl: 2.4,
    },
    // end_date_time exactly `to`: excluded (to is exclusive); and one just before `from`.
    { cdrId: 'OUT1', start: '2026-03-31T23:00:00Z', end: TO, kwh: 1, excl: 1, incl: 1 },
    { cdrId: 'OUT2', start: '2026-03-01T08:00:00Z', end: '2026-03-01T09:59:59.999Z', kwh: 1, excl: 1, incl: 1 },
  ]);
  await database.store.db
    .insertInto('partners')
    .values({
      id: 'emsp-1',
      name: 'eMSP',
      direction: 'inbound',
      status: 'registered',
      roles: JSON.stringify([{ role: 'EMSP', country_code: 'DE', party_id: 'EMP' }]),
    })
    .execute();
  app = await build({
    config: loadConfig({ DATABASE_URL: database.url }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken,
  });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('CDR export store cursor', () => {
  it('pages by (last_updated, id) without losing or repeating rows that share last_updated', async () => {
    const repo = repositories(database.store.db).cdrExport;
    const filter = { from: new Date(FROM), to: new Date(TO) };
    const sizes: number[] = [];
    const ids: string[] = [];
    for await (const batch of repo.batches(filter, 2)) {
      sizes.push(batch.length);
      ids.push(...batch.map((r) => r.cdr_id));
    }
    expect(sizes).toEqual([2, 2]);
    expect(ids).toEqual(['A1', 'A2', 'A3', 'B1']);
    expect(await repo.count(filter)).toBe(4);
  });
});

describe('chargebridge cdr export', () => {
  it('writes RFC 4180 CSV to stdout (credits included) and totals per currency to stderr', async () => {
    const { code, stdout, stderr } = await runCli(['cdr', 'export', '--from', FROM, '--to', TO], {
      DATABASE_URL: database.url,
    });
    expect(stderr).toContain('exported 4 CDRs');
    expect(code).toBe(0);
    const rows = csvObjects(stdout);
    expect(rows.map((r) => r.cdr_id)).toEqual(['A1', 'A2', 'A3', 'B1']);
    const a1 = rows[0] as Record<string, string>;
    expect(a1).toMatchObject({
      party: 'NL-CPO',
      start_date_time: '2026-03-01T09:00:00.000Z',
      end_date_time: '2026-03-01T10:00:00.000Z',
      location_id: AWKWARD_LOCATION,
      evse_uid: 'EVSE-1',
      evse_id: 'NL*CPO*E1',
      token_uid: 'UID-A1',
      contract_id: 'DE-EMP-C1',
      token_owner: 'DE-EMP',
      total_energy_kwh: '10',
      total_time_h: '1.25',
      currency: 'EUR',
      total_cost_excl_vat: '4',
      total_cost_incl_vat: '4.84',
      total_fixed_cost_incl_vat: '0.605',
      total_reservation_cost_excl_vat: '',
      credit: 'false',
      tariff_ids: 'T1;T2',
    });
    expect(rows[2]).toMatchObject({ credit: 'true', credit_reference_id: 'A1', total_cost_incl_vat: '-4.84' });
    expect(stderr).toContain('EUR: 3 CDRs (1 credits), 20 kWh, total_cost excl. VAT 7.5, incl. VAT 9.075');
    expect(stderr).toContain('GBP: 1 CDRs (0 credits), 5 kWh, total_cost excl. VAT 2, incl. VAT 2.4');
    // Not a terminal: no progress bar.
    expect(stderr).not.toContain('[#');
  });

  it('filters by partner (CDRs of the tokens its parties own) into an NDJSON file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cb-export-')), 'cdrs.ndjson');
    const args = [
      'cdr',
      'export',
      '--from',
      FROM,
      '--to',
      TO,
      '--partner',
      'emsp-1',
      '--format',
      'ndjson',
      '--out',
      out,
    ];
    const { code, stdout, stderr } = await runCli(args, { DATABASE_URL: database.url });
    expect(stderr).toContain('exported 3 CDRs');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    const lines = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.cdr_id)).toEqual(['A1', 'A2', 'A3']);
    expect(lines[2]).toMatchObject({
      credit: true,
      total_cost_excl_vat: -4,
      total_energy_kwh: -10,
      token_owner: 'DE-EMP',
    });
  });

  it('refuses bad input with one line and exit 1', async () => {
    const bad = await runCli(['cdr', 'export', '--from', 'yesterday', '--to', TO], { DATABASE_URL: database.url });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/from "yesterday" is not an ISO 8601 date-time/);
    const unknown = await runCli(['cdr', 'export', '--from', FROM, '--to', TO, '--partner', 'nope'], {
      DATABASE_URL: database.url,
    });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no partner "nope"');
  });
});

describe('GET /api/v1/cdrs/export', () => {
  const get = (query: string) =>
    app.inject({ url: `/api/v1/cdrs/export?${query}`, headers: { authorization: `Bearer ${adminToken}` } });

  it('streams CSV with its content type and a filename', async () => {
    const res = await get(`from=${FROM}&to=${TO}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="cdrs-20260301T100000Z-20260401T000000Z.csv"',
    );
    expect(csvObjects(res.body).map((r) => r.cdr_id)).toEqual(['A1', 'A2', 'A3', 'B1']);
  });

  it('serves one JSON array, filtered by party', async () => {
    const res = await get(`from=${FROM}&to=${TO}&format=json&party=BE-OTH`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(res.body);
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ cdr_id: 'B1', party: 'BE-OTH', currency: 'GBP', total_cost_incl_vat: 2.4 });
  });

  it('serves NDJSON filtered by partner, and an empty JSON array when nothing matches', async () => {
    const res = await get(`from=${FROM}&to=${TO}&format=ndjson&partner=emsp-1`);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(
      res.body
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).cdr_id),
    ).toEqual(['A1', 'A2', 'A3']);
    const empty = await get('from=2020-01-01&to=2020-02-01&format=json');
    expect(JSON.parse(empty.body)).toEqual([]);
  });

  it('answers 400 / 404 in the admin error shape', async () => {
    expect((await get(`from=${TO}&to=${FROM}`)).json()).toMatchObject({ error: 'invalid_request' });
    expect((await get(`from=${FROM}&to=${TO}&format=xml`)).statusCode).toBe(400);
    const unknown = await get(`from=${FROM}&to=${TO}&partner=nope`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'not_found' });
  });
});
