/** Authorization, routing and message-id headers. */
import { describe, expect, it } from 'vitest';
import {
  decodeBase64Token,
  encodeAuthorizationHeader,
  getHeader,
  newRequestId,
  OcpiError,
  parseAuthorizationHeader,
  parseRequestIds,
  parseRoutingHeaders,
  requestIdHeaders,
  responseIdHeaders,
  responseRoutingHeaders,
  routingHeaders,
} from '../src/index.js';

describe('Authorization header', () => {
  it('encodes Base64 by default and plain on request', () => {
    expect(encodeAuthorizationHeader('example-token')).toBe('Token ZXhhbXBsZS10b2tlbg==');
    expect(encodeAuthorizationHeader('example-token', 'plain')).toBe('Token example-token');
  });

  it('parses a 2.2.1 Base64 token', () => {
    expect(parseAuthorizationHeader('Token ZXhhbXBsZS10b2tlbg==')).toEqual({
      token: 'example-token',
      encoding: 'base64',
      raw: 'ZXhhbXBsZS10b2tlbg==',
    });
  });

  it('parses the spec examples, which encode a trailing newline', () => {
    // transport_and_format §Authorization header: both examples were made with `echo`.
    expect(parseAuthorizationHeader('Token ZXhhbXBsZS10b2tlbgo=')?.token).toBe('example-token');
    expect(parseAuthorizationHeader('Token ZWJmM2IzOTktNzc5Zi00NDk3LTliOWQtYWM2YWQzY2M0NGQyCg==')?.token).toBe(
      'ebf3b399-779f-4497-9b9d-ac6ad3cc44d2',
    );
  });

  it('parses a 2.1.1-style plain token', () => {
    expect(parseAuthorizationHeader('Token ebf3b399-779f-4497-9b9d-ac6ad3cc44d2')).toEqual({
      token: 'ebf3b399-779f-4497-9b9d-ac6ad3cc44d2',
      encoding: 'plain',
      raw: 'ebf3b399-779f-4497-9b9d-ac6ad3cc44d2',
    });
    // Valid Base64 characters, but decodes to binary: plain.
    expect(parseAuthorizationHeader('Token abcd1234')?.encoding).toBe('plain');
  });

  it('round-trips both encodings', () => {
    for (const token of ['a', 'ab', 'abc', '9e80a9c4-28be-11e9-b210-d663bd873d93', 'T0k3n!~']) {
      expect(parseAuthorizationHeader(encodeAuthorizationHeader(token))).toMatchObject({ token, encoding: 'base64' });
      expect(parseAuthorizationHeader(encodeAuthorizationHeader(token, 'plain'))?.token).toBe(token);
    }
  });

  it('is lenient on case and surrounding space, strict on the scheme', () => {
    expect(parseAuthorizationHeader('token  ZXhhbXBsZS10b2tlbg== ')?.token).toBe('example-token');
    expect(parseAuthorizationHeader(undefined)).toBeUndefined();
    expect(parseAuthorizationHeader('')).toBeUndefined();
    expect(parseAuthorizationHeader('Bearer abc')).toBeUndefined();
    expect(parseAuthorizationHeader('Token')).toBeUndefined();
    expect(parseAuthorizationHeader('Token a b')).toBeUndefined();
  });

  it('decodeBase64Token rejects non-canonical or unprintable input', () => {
    expect(decodeBase64Token('ZXhhbXBsZS10b2tlbg')).toBeUndefined();
    expect(decodeBase64Token('AAAA')).toBeUndefined();
    expect(decodeBase64Token('dG9rZW4gd2l0aCBzcGFjZQ==')).toBeUndefined();
  });
});

describe('routing headers', () => {
  it('builds and parses OCPI-from/to headers', () => {
    const headers = routingHeaders({
      from: { country_code: 'NL', party_id: 'CBR' },
      to: { country_code: 'DE', party_id: 'MSP' },
    });
    expect(headers).toEqual({
      'OCPI-from-country-code': 'NL',
      'OCPI-from-party-id': 'CBR',
      'OCPI-to-country-code': 'DE',
      'OCPI-to-party-id': 'MSP',
    });
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(parseRoutingHeaders(lower)).toEqual({
      from: { country_code: 'NL', party_id: 'CBR' },
      to: { country_code: 'DE', party_id: 'MSP' },
    });
    expect(parseRoutingHeaders(new Headers(headers)).to).toEqual({ country_code: 'DE', party_id: 'MSP' });
  });

  it('allows an open routing request without OCPI-to headers', () => {
    expect(parseRoutingHeaders({ 'ocpi-from-country-code': 'NL', 'ocpi-from-party-id': 'CBR' })).toEqual({
      from: { country_code: 'NL', party_id: 'CBR' },
    });
    expect(parseRoutingHeaders({})).toEqual({});
  });

  it('rejects half or malformed pairs with 2001', () => {
    expect(() => parseRoutingHeaders({ 'ocpi-to-country-code': 'NL' })).toThrowError(/OCPI-to-party-id/);
    expect(() => parseRoutingHeaders({ 'ocpi-to-country-code': 'NLD', 'ocpi-to-party-id': 'CBR' })).toThrowError(
      OcpiError,
    );
    expect(() => parseRoutingHeaders({ 'ocpi-to-country-code': 'NL', 'ocpi-to-party-id': 'CB' })).toThrowError(
      /party id/,
    );
  });

  it('swaps from and to for a response', () => {
    expect(
      responseRoutingHeaders({
        from: { country_code: 'NL', party_id: 'CBR' },
        to: { country_code: 'DE', party_id: 'MSP' },
      }),
    ).toEqual({
      'OCPI-from-country-code': 'DE',
      'OCPI-from-party-id': 'MSP',
      'OCPI-to-country-code': 'NL',
      'OCPI-to-party-id': 'CBR',
    });
  });
});

describe('message ids', () => {
  it('new X-Request-ID per hop, X-Correlation-ID kept', () => {
    const first = requestIdHeaders();
    const forwarded = requestIdHeaders(first['X-Correlation-ID']);
    expect(forwarded['X-Correlation-ID']).toBe(first['X-Correlation-ID']);
    expect(forwarded['X-Request-ID']).not.toBe(first['X-Request-ID']);
    expect(newRequestId()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reads incoming ids and echoes them on the response', () => {
    const ids = parseRequestIds({ 'x-request-id': 'r1', 'x-correlation-id': 'c1' });
    expect(ids).toEqual({ requestId: 'r1', correlationId: 'c1' });
    expect(responseIdHeaders(ids)).toEqual({ 'X-Request-ID': 'r1', 'X-Correlation-ID': 'c1' });
    expect(responseIdHeaders({ requestId: undefined, correlationId: 'c1' })).toEqual({ 'X-Correlation-ID': 'c1' });
  });

  it('getHeader is case-insensitive and takes the first of repeated values', () => {
    expect(getHeader({ 'X-Request-Id': 'a' }, 'x-request-id')).toBe('a');
    expect(getHeader({ 'x-request-id': ['a', 'b'] }, 'X-Request-ID')).toBe('a');
    expect(getHeader({}, 'x')).toBeUndefined();
  });
});
