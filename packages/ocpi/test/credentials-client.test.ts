/** Credentials handshake helpers against a real HTTP server. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  deleteCredentials,
  detectTokenEncoding,
  fetchVersionDetails,
  fetchVersions,
  findEndpoint,
  OcpiClientError,
  OcpiError,
  ocpiError,
  ocpiSuccess,
  parseAuthorizationHeader,
  postCredentials,
  putCredentials,
  selectVersion,
} from '../src/index.js';
import { credentials } from './builders.js';
import { sendJson, startServer, type TestServer } from './http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

function details(version: string) {
  return {
    version,
    endpoints: [
      { identifier: 'credentials', role: 'RECEIVER', url: `${server.url}/ocpi/${version}/credentials` },
      { identifier: 'locations', role: 'SENDER', url: `${server.url}/ocpi/cpo/${version}/locations` },
      { identifier: 'tokens', role: 'RECEIVER', url: `${server.url}/ocpi/cpo/${version}/tokens` },
    ],
  };
}

beforeEach(() => {
  server.requests.length = 0;
  server.handler = (request, response) => {
    const auth = parseAuthorizationHeader(request.headers.authorization);
    if (auth?.token !== 'token-a') return sendJson(response, 401, ocpiError(2000, 'Unauthorized'));
    const path = request.url;
    if (path === '/ocpi/versions') {
      return sendJson(
        response,
        200,
        ocpiSuccess([
          { version: '2.1.1', url: `${server.url}/ocpi/2.1.1` },
          { version: '2.2.1', url: `${server.url}/ocpi/2.2.1` },
          { version: '3.0', url: `${server.url}/ocpi/3.0` },
        ]),
      );
    }
    if (path === '/ocpi/old-versions') {
      return sendJson(response, 200, ocpiSuccess([{ version: '2.1.1', url: `${server.url}/ocpi/2.1.1` }]));
    }
    if (path === '/ocpi/2.2.1') return sendJson(response, 200, ocpiSuccess(details('2.2.1')));
    if (path === '/ocpi/2.2') return sendJson(response, 200, ocpiSuccess(details('2.2')));
    if (path === '/ocpi/2.2.1/credentials') {
      if (request.method === 'DELETE') return sendJson(response, 200, ocpiSuccess());
      const theirs = credentials({ token: 'token-c', url: `${server.url}/ocpi/versions` });
      return sendJson(response, 200, ocpiSuccess(theirs));
    }
    return sendJson(response, 404, ocpiError(2000, 'Not found'));
  };
});

describe('versions', () => {
  it('fetchVersions returns the list, accepting versions newer than 2.2.1', async () => {
    const versions = await fetchVersions(`${server.url}/ocpi/versions`, 'token-a');
    expect(versions.map((v) => v.version)).toEqual(['2.1.1', '2.2.1', '3.0']);
    expect(server.requests[0]?.headers['ocpi-to-party-id']).toBeUndefined();
    expect(server.requests[0]?.headers['x-request-id']).toBeDefined();
  });

  it('fetchVersionDetails picks 2.2.1 from the versions endpoint', async () => {
    const result = await fetchVersionDetails(`${server.url}/ocpi/versions`, 'token-a');
    expect(result.version).toBe('2.2.1');
    expect(server.requests.map((r) => r.url)).toEqual(['/ocpi/versions', '/ocpi/2.2.1']);
    expect(findEndpoint(result, 'locations', 'SENDER')).toBe(`${server.url}/ocpi/cpo/2.2.1/locations`);
    expect(findEndpoint(result, 'credentials', 'SENDER')).toBe(`${server.url}/ocpi/2.2.1/credentials`);
    expect(findEndpoint(result, 'locations', 'RECEIVER')).toBeUndefined();
  });

  it('fetchVersionDetails also takes a details URL', async () => {
    const result = await fetchVersionDetails(`${server.url}/ocpi/2.2.1`, 'token-a');
    expect(result.endpoints).toHaveLength(3);
  });

  it('throws 3002 when 2.2.1 is not offered', async () => {
    await expect(fetchVersionDetails(`${server.url}/ocpi/old-versions`, 'token-a')).rejects.toMatchObject({
      statusCode: 3002,
      message: expect.stringContaining('offers: 2.1.1'),
    });
    await expect(fetchVersionDetails(`${server.url}/ocpi/2.2`, 'token-a')).rejects.toBeInstanceOf(OcpiError);
    expect(() => selectVersion([], '2.2.1')).toThrowError(/offers: none/);
  });

  it('surfaces an unknown token as an HTTP 401 client error', async () => {
    const error = await fetchVersions(`${server.url}/ocpi/versions`, 'wrong').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OcpiClientError);
    expect(error).toMatchObject({ kind: 'http', httpStatus: 401 });
  });
});

describe('credentials', () => {
  const url = () => `${server.url}/ocpi/2.2.1/credentials`;

  it('postCredentials sends ours and returns theirs', async () => {
    const ours = credentials({ token: 'token-b' });
    const theirs = await postCredentials(url(), 'token-a', ours);
    expect(theirs.token).toBe('token-c');
    const [seen] = server.requests;
    expect(seen?.method).toBe('POST');
    expect(JSON.parse(seen?.body ?? '')).toEqual(ours);
    expect(seen?.headers['ocpi-from-party-id']).toBeUndefined();
  });

  it('putCredentials and deleteCredentials use PUT and DELETE', async () => {
    await putCredentials(url(), 'token-a', credentials({ token: 'token-b2' }), { correlationId: 'c-9' });
    await deleteCredentials(url(), 'token-a');
    expect(server.requests.map((r) => r.method)).toEqual(['PUT', 'DELETE']);
    expect(server.requests[0]?.headers['x-correlation-id']).toBe('c-9');
  });

  it('detectTokenEncoding falls back to a plain token on 401', async () => {
    server.handler = (request, response) => {
      // A 2.1.1-style server that compares the raw header value.
      if (request.headers.authorization !== 'Token token-a') return sendJson(response, 401, ocpiError(2000));
      sendJson(response, 200, ocpiSuccess([{ version: '2.2.1', url: `${server.url}/ocpi/2.2.1` }]));
    };
    const result = await detectTokenEncoding(`${server.url}/ocpi/versions`, 'token-a');
    expect(result.encoding).toBe('plain');
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      `Token ${Buffer.from('token-a').toString('base64')}`,
      'Token token-a',
    ]);
  });
});
