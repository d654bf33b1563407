/** Paging query parsing and Link / X-Total-Count / X-Limit headers. */
import { describe, expect, it } from 'vitest';
import { nextPageUrl, OcpiError, pagingHeaders, parseNextLink, parsePagingQuery } from '../src/index.js';

describe('parsePagingQuery', () => {
  it('defaults offset 0 and limit to the maximum', () => {
    expect(parsePagingQuery({}, { maxLimit: 100 })).toEqual({ offset: 0, limit: 100 });
    expect(parsePagingQuery({}, { maxLimit: 100, defaultLimit: 20 })).toEqual({ offset: 0, limit: 20 });
  });

  it('reads all four parameters', () => {
    const query = { date_from: '2019-01-28T12:00:00', date_to: '2019-01-29T12:00:00Z', offset: '50', limit: '10' };
    expect(parsePagingQuery(query, { maxLimit: 100 })).toEqual({
      date_from: new Date('2019-01-28T12:00:00Z'),
      date_to: new Date('2019-01-29T12:00:00Z'),
      offset: 50,
      limit: 10,
    });
    expect(parsePagingQuery(new URLSearchParams('offset=5&limit=2'), { maxLimit: 100 })).toEqual({
      offset: 5,
      limit: 2,
    });
  });

  it('caps limit at the server maximum instead of failing', () => {
    expect(parsePagingQuery({ limit: '2000' }, { maxLimit: 100 }).limit).toBe(100);
  });

  it.each([
    [{ offset: '-1' }, 'offset'],
    [{ limit: 'ten' }, 'limit'],
    [{ offset: '1.5' }, 'offset'],
    [{ date_from: '2019-01-28' }, 'date_from'],
    [{ date_to: '2019-01-28T12:00:00+01:00' }, 'date_to'],
    [{ limit: ['1', '2'] }, 'limit'],
  ])('rejects %j with 2001', (query, name) => {
    let thrown: unknown;
    try {
      parsePagingQuery(query, { maxLimit: 100 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(OcpiError);
    expect(thrown).toMatchObject({ statusCode: 2001 });
    expect((thrown as Error).message).toContain(name);
  });
});

describe('paging headers', () => {
  const base = 'https://www.server.com';

  it('links the next page keeping filters, offset and limit first', () => {
    const headers = pagingHeaders({
      publicBaseUrl: base,
      requestUrl: '/ocpi/cpo/2.2.1/cdrs/?date_from=2016-01-01T00:00:00Z&date_to=2016-12-31T23:59:59Z',
      paging: { offset: 0, limit: 100 },
      total: 1000,
    });
    expect(headers).toEqual({
      'X-Total-Count': '1000',
      'X-Limit': '100',
      Link: '<https://www.server.com/ocpi/cpo/2.2.1/cdrs/?offset=100&limit=100&date_from=2016-01-01T00:00:00Z&date_to=2016-12-31T23:59:59Z>; rel="next"',
    });
  });

  it('replaces offset and limit of the request', () => {
    const headers = pagingHeaders({
      publicBaseUrl: `${base}/`,
      requestUrl: '/ocpi/cpo/2.2.1/cdrs/?offset=150&limit=50',
      paging: { offset: 150, limit: 50 },
      total: 300,
      maxLimit: 50,
    });
    expect(headers.Link).toBe('<https://www.server.com/ocpi/cpo/2.2.1/cdrs/?offset=200&limit=50>; rel="next"');
  });

  it('has no Link on the last page', () => {
    const headers = pagingHeaders({
      publicBaseUrl: base,
      requestUrl: '/x?offset=90&limit=10',
      paging: { offset: 90, limit: 10 },
      total: 100,
    });
    expect(headers).toEqual({ 'X-Total-Count': '100', 'X-Limit': '10' });
  });

  it('puts the path behind a public base with a prefix', () => {
    expect(nextPageUrl('https://example.com/hub', '/ocpi/2.2.1/tokens?type=RFID', 10, 10)).toBe(
      'https://example.com/hub/ocpi/2.2.1/tokens?offset=10&limit=10&type=RFID',
    );
  });

  it('parseNextLink finds rel="next" among links', () => {
    expect(parseNextLink('<https://a.example/x?offset=1>; rel="next"')).toBe('https://a.example/x?offset=1');
    expect(parseNextLink('<https://a.example/p>; rel="prev", <https://a.example/n>; rel=next')).toBe(
      'https://a.example/n',
    );
    expect(parseNextLink('<https://a.example/n>; title="x"; rel="NEXT"')).toBe('https://a.example/n');
    expect(parseNextLink('<https://a.example/p>; rel="prev"')).toBeUndefined();
    expect(parseNextLink(null)).toBeUndefined();
  });
});
