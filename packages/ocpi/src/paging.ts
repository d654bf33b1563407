/**
 * Pagination of GET list requests (transport_and_format §Pagination): the `date_from`,
 * `date_to`, `offset`, `limit` query parameters and the `Link`, `X-Total-Count` and `X-Limit`
 * response headers. Which order makes pages stable (e.g. by `last_updated`, then id) is the
 * caller's choice; these helpers only read and write the wire format.
 */
import { OcpiError } from './ocpi-error.js';
import { parseOcpiDateTime } from './schemas/types.schema.js';

/** Validated paging parameters of a GET list request. */
export interface PagingParams {
  /** Only objects with `last_updated` >= this (inclusive). */
  date_from?: Date;
  /** Only objects with `last_updated` < this (exclusive). */
  date_to?: Date;
  /** Offset of the first object, default 0. */
  offset: number;
  /** Objects to return: the requested limit capped at the server's maximum. */
  limit: number;
}

/** Server-side paging limits. */
export interface PagingOptions {
  /** The most objects the server returns per page; also sent as `X-Limit`. */
  maxLimit: number;
  /** Limit when the client gives none; defaults to `maxLimit`. */
  defaultLimit?: number;
}

/** A query as parsed by fastify or `URLSearchParams`. */
export type QueryInput = URLSearchParams | Record<string, unknown>;

function single(query: QueryInput, name: string): string | undefined {
  const value =
    query instanceof URLSearchParams ? (query.getAll(name) as unknown[]) : (query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  if (values.length === 0) return undefined;
  if (values.length > 1) throw OcpiError.invalidParameters(`Query parameter ${name} given more than once`);
  const only = values[0];
  if (typeof only === 'number') return String(only);
  if (typeof only !== 'string') throw OcpiError.invalidParameters(`Query parameter ${name} is not a string`);
  return only;
}

function nonNegativeInt(query: QueryInput, name: string): number | undefined {
  const raw = single(query, name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(Number(raw))) {
    throw OcpiError.invalidParameters(`Query parameter ${name} must be a non-negative integer`);
  }
  return Number(raw);
}

function dateTime(query: QueryInput, name: string): Date | undefined {
  const raw = single(query, name);
  if (raw === undefined || raw === '') return undefined;
  const date = parseOcpiDateTime(raw);
  if (date === undefined) {
    throw OcpiError.invalidParameters(`Query parameter ${name} must be an OCPI DateTime, got ${JSON.stringify(raw)}`);
  }
  return date;
}

/**
 * Reads the paging parameters of a GET list request. Malformed values throw {@link OcpiError}
 * 2001. A `limit` above `maxLimit` is not an error: the server returns fewer objects and says so
 * in `X-Limit` (transport_and_format §Paginated Request, `limit`).
 */
export function parsePagingQuery(query: QueryInput, options: PagingOptions): PagingParams {
  if (!Number.isSafeInteger(options.maxLimit) || options.maxLimit < 1) {
    throw new RangeError('maxLimit must be a positive integer');
  }
  const requested = nonNegativeInt(query, 'limit');
  const limit = Math.min(requested ?? options.defaultLimit ?? options.maxLimit, options.maxLimit);
  const params: PagingParams = { offset: nonNegativeInt(query, 'offset') ?? 0, limit };
  const from = dateTime(query, 'date_from');
  const to = dateTime(query, 'date_to');
  if (from) params.date_from = from;
  if (to) params.date_to = to;
  return params;
}

/** Input of {@link pagingHeaders}. */
export interface PagingHeadersInput {
  /**
   * Public base URL of the server as partners reach it, e.g. `https://hub.example.com` or
   * `https://example.com/hub` (behind a proxy the request's own host is not it).
   */
  publicBaseUrl: string;
  /** The request URL as received: path and query, e.g. fastify's `request.url`. */
  requestUrl: string;
  /** The paging used for this page (from {@link parsePagingQuery}). */
  paging: Pick<PagingParams, 'offset' | 'limit'>;
  /** Objects matching the query, ignoring offset and limit. */
  total: number;
  /** The server's maximum page size, for `X-Limit`. Defaults to `paging.limit`. */
  maxLimit?: number;
}

/**
 * URL of the next page: the request URL on the public base, with `offset` and `limit` set and
 * every other query parameter (filters) kept, as the spec's examples show.
 */
export function nextPageUrl(publicBaseUrl: string, requestUrl: string, offset: number, limit: number): string {
  const parsed = new URL(requestUrl, 'http://request.invalid');
  const query = new URLSearchParams();
  query.set('offset', String(offset));
  query.set('limit', String(limit));
  for (const [key, value] of parsed.searchParams) {
    if (key !== 'offset' && key !== 'limit') query.append(key, value);
  }
  // Colons are legal in a query (RFC 3986 §3.4); keeping them makes DateTimes readable.
  const search = query.toString().replace(/%3A/gi, ':');
  return `${publicBaseUrl.replace(/\/+$/, '')}${parsed.pathname}?${search}`;
}

/**
 * Response headers of a paginated GET: `X-Total-Count`, `X-Limit`, and a `Link` with
 * rel="next" unless this is the last page (transport_and_format §Paginated Response).
 */
export function pagingHeaders(input: PagingHeadersInput): Record<string, string> {
  const { offset, limit } = input.paging;
  const headers: Record<string, string> = {
    'X-Total-Count': String(input.total),
    'X-Limit': String(input.maxLimit ?? limit),
  };
  if (limit > 0 && offset + limit < input.total) {
    const next = nextPageUrl(input.publicBaseUrl, input.requestUrl, offset + limit, limit);
    headers.Link = `<${next}>; rel="next"`;
  }
  return headers;
}

/** Parses a `Link` header and returns the URL with rel="next", if any (RFC 8288). */
export function parseNextLink(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const pattern = /<([^>]*)>\s*((?:;\s*[^;,]+)*)/g;
  for (const match of header.matchAll(pattern)) {
    const params = match[2] ?? '';
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params);
    const rels = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (rels.includes('next')) return match[1];
  }
  return undefined;
}
