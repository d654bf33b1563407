/** OcpiPartnerClient against a real HTTP server. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  OcpiClientError,
  OcpiPartnerClient,
  type OcpiPartnerClientOptions,
  ocpiError,
  ocpiSuccess,
  pagingHeaders,
  Token,
} from '../src/index.js';
import { token } from './builders.js';
import { sendJson, startServer, type TestServer } from './http-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
});

function client(options: Partial<OcpiPartnerClientOptions> = {}): OcpiPartnerClient {
  return new OcpiPartnerClient({
    token: 'token-c',
    from: { country_code: 'NL', party_id: 'CBR' },
    to: { country_code: 'DE', party_id: 'MSP' },
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<OcpiClientError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OcpiClientError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('request headers', () => {
  it('sends auth, ids, routing and content type', async () => {
    server.handler = (_request, response) => sendJson(response, 200, ocpiSuccess());
    const response = await client().put(`${server.url}/ocpi/2.2.1/tokens/DE/MSP/1`, token(), {
      correlationId: 'corr-1',
    });
    const [seen] = server.requests;
    expect(seen?.method).toBe('PUT');
    expect(seen?.headers.authorization).toBe(`Token ${Buffer.from('token-c').toString('base64')}`);
    expect(seen?.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen?.headers['x-correlation-id']).toBe('corr-1');
    expect(seen?.headers['ocpi-from-country-code']).toBe('NL');
    expect(seen?.headers['ocpi-from-party-id']).toBe('CBR');
    expect(seen?.headers['ocpi-to-country-code']).toBe('DE');
    expect(seen?.headers['ocpi-to-party-id']).toBe('MSP');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen?.body ?? '')).toEqual(token());
    expect(response).toMatchObject({
      httpStatus: 200,
      requestId: seen?.headers['x-request-id'],
      correlationId: 'corr-1',
    });
  });

  it('uses a new X-Request-ID per request and a new correlation id when none is given', async () => {
    server.handler = (_request, response) => sendJson(response, 200, ocpiSuccess([]));
    const c = client();
    await c.get(`${server.url}/a`);
    await c.get(`${server.url}/a`);
    const [a, b] = server.requests;
    expect(a?.headers['x-request-id']).not.toBe(b?.headers['x-request-id']);
    expect(a?.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a?.headers['x-correlation-id']).not.toBe(b?.headers['x-correlation-id']);
    expect(a?.headers['content-type']).toBeUndefined();
  });

  it('sends a plain token when configured', async () => {
    server.handler = (_request, response) => sendJson(response, 200, ocpiSuccess());
    await client({ tokenEncoding: 'plain' }).get(`${server.url}/a`);
    expect(server.requests[0]?.headers.authorization).toBe('Token token-c');
  });

  it('omits routing headers for configuration modules, and overrides them per request', async () => {
    server.handler = (_request, response) => sendJson(response, 200, ocpiSuccess());
    await client().get(`${server.url}/versions`, { routing: false });
    expect(server.requests[0]?.headers['ocpi-to-party-id']).toBeUndefined();
    await client().get(`${server.url}/x`, { routing: { to: { country_code: 'FR', party_id: 'ABC' } } });
    expect(server.requests[1]?.headers['ocpi-to-party-id']).toBe('ABC');
    expect(server.requests[1]?.headers['ocpi-from-party-id']).toBeUndefined();
  });

  it('appends query parameters and returns the Location header', async () => {
    server.handler = (_request, response) =>
      sendJson(response, 201, ocpiSuccess(), { Location: 'https://msp.example/cdrs/1' });
    const response = await client().post(
      `${server.url}/cdrs`,
      { id: '1' },
      { query: { type: 'RFID', skip: undefined } },
    );
    expect(server.requests[0]?.url).toBe('/cdrs?type=RFID');
    expect(response.httpStatus).toBe(201);
    expect(response.location).toBe('https://msp.example/cdrs/1');
  });

  it('validates data against a schema', async () => {
    server.handler = (_request, response) => sendJson(response, 200, ocpiSuccess(token()));
    const response = await client().get(`${server.url}/t`, { schema: Token });
    expect(response.data?.uid).toBe(token().uid);
  });
});

describe('getAll', () => {
  const all = Array.from({ length: 7 }, (_, i) => token({ uid: `UID-${i}` }));

  beforeEach(() => {
    server.handler = (request, response) => {
      const url = new URL(request.url, server.url);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = 3;
      const headers = pagingHeaders({
        publicBaseUrl: server.url,
        requestUrl: request.url,
        paging: { offset, limit },
        total: all.length,
      });
      // The second page answers with a relative link, which the client must resolve.
      if (offset === 3 && headers.Link) headers.Link = headers.Link.replace(server.url, '');
      const page: unknown[] = all.slice(offset, offset + limit);
      if (offset === 0) page[1] = { ...all[1], whitelist: 'SOMETIMES' };
      sendJson(response, 200, ocpiSuccess(page), headers);
    };
  });

  it('follows Link pages, keeps filters and skips invalid items', async () => {
    const invalid: string[] = [];
    const uids: string[] = [];
    for await (const item of client().getAll(`${server.url}/ocpi/2.2.1/tokens`, {
      query: { date_from: '2024-01-01T00:00:00Z' },
      schema: Token,
      onInvalid: (_item, message) => invalid.push(message),
    })) {
      uids.push(item.uid);
    }
    expect(uids).toEqual(['UID-0', 'UID-2', 'UID-3', 'UID-4', 'UID-5', 'UID-6']);
    expect(invalid).toEqual([expect.stringContaining('$.whitelist: must be one of')]);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/ocpi/2.2.1/tokens?date_from=2024-01-01T00%3A00%3A00Z',
      '/ocpi/2.2.1/tokens?offset=3&limit=3&date_from=2024-01-01T00:00:00Z',
      '/ocpi/2.2.1/tokens?offset=6&limit=3&date_from=2024-01-01T00:00:00Z',
    ]);
    const correlation = new Set(server.requests.map((r) => r.headers['x-correlation-id']));
    expect(correlation.size).toBe(1);
  });

  it('exposes pages with X-Total-Count and X-Limit', async () => {
    const pages = [];
    for await (const page of client().getPages(`${server.url}/tokens`)) pages.push(page);
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages[0]).toMatchObject({ totalCount: 7, limit: 3 });
    expect(pages[2]?.next).toBeUndefined();
  });
});

describe('errors', () => {
  it('times out with kind timeout', async () => {
    server.handler = () => {};
    const error = await failure(client({ timeoutMs: 100 }).get(`${server.url}/slow`));
    expect(error.kind).toBe('timeout');
    expect(error.httpStatus).toBeUndefined();
  });

  it('times out while the body is still streaming', async () => {
    server.handler = (_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"status_code":');
    };
    const error = await failure(client({ timeoutMs: 150 }).get(`${server.url}/stall`));
    expect(error.kind).toBe('timeout');
  });

  it('reports an aborted request', async () => {
    server.handler = () => {};
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(client().get(`${server.url}/x`, { signal: controller.signal }));
    expect(error.kind).toBe('aborted');
  });

  it('classifies a refused connection as network', async () => {
    const closed = await startServer();
    const url = closed.url;
    await closed.close();
    const error = await failure(client().get(`${url}/x`));
    expect(error.kind).toBe('network');
    expect(error.message).toContain('network error');
  });

  it('classifies HTTP errors and keeps the envelope', async () => {
    server.handler = (_request, response) => sendJson(response, 404, ocpiError(2004, 'Unknown Token'));
    const error = await failure(client().post(`${server.url}/tokens/x/authorize`, undefined));
    expect(error).toMatchObject({ kind: 'http', httpStatus: 404, statusCode: 2004, statusMessage: 'Unknown Token' });
    expect(error.envelope?.status_code).toBe(2004);
    expect(error.requestId).toBe(server.requests[0]?.headers['x-request-id']);
  });

  it('keeps an excerpt of a non-JSON error body', async () => {
    server.handler = (_request, response) => {
      response.writeHead(502, { 'Content-Type': 'text/html' });
      response.end(`<html>${'x'.repeat(2000)}</html>`);
    };
    const error = await failure(client().get(`${server.url}/x`));
    expect(error).toMatchObject({ kind: 'http', httpStatus: 502, statusCode: undefined });
    expect(error.bodyExcerpt?.startsWith('<html>')).toBe(true);
    expect(error.bodyExcerpt?.length).toBeLessThan(600);
  });

  it('classifies malformed 2xx bodies as protocol errors', async () => {
    server.handler = (_request, response) => {
      response.writeHead(200);
      response.end('OK');
    };
    expect((await failure(client().get(`${server.url}/x`))).kind).toBe('protocol');
    server.handler = (_request, response) => sendJson(response, 200, { data: [] });
    const noStatus = await failure(client().get(`${server.url}/x`));
    expect(noStatus.kind).toBe('protocol');
    expect(noStatus.message).toContain('not an OCPI envelope');
    server.handler = (_request, response) => sendJson(response, 200, ocpiSuccess({ ...token(), valid: 'yes' }));
    const badData = await failure(client().get(`${server.url}/x`, { schema: Token }));
    expect(badData.kind).toBe('protocol');
    expect(badData.message).toContain('$.data.valid: must be boolean, got string');
  });

  it('classifies a non-success OCPI status as ocpi', async () => {
    server.handler = (_request, response) => sendJson(response, 200, ocpiError(2001, 'Missing field: type'));
    const error = await failure(client().put(`${server.url}/x`, {}));
    expect(error).toMatchObject({ kind: 'ocpi', httpStatus: 200, statusCode: 2001 });
    expect(error.message).toContain('2001: Missing field: type');
  });
});
