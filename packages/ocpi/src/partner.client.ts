/**
 * HTTP client for calling a partner's OCPI endpoints, on the global `fetch`.
 *
 * Every request carries the Authorization header (transport_and_format §Authorization header),
 * a new X-Request-ID and a kept-or-new X-Correlation-ID (§Unique message IDs), and by default
 * the routing headers (§Message Routing Headers). A request succeeds only with HTTP 2xx and an
 * OCPI 1xxx status; everything else is an {@link OcpiClientError}.
 */
import type { Static, TSchema, TUnknown } from 'typebox';
import { encodeAuthorizationHeader, type TokenEncoding } from './authorization-header.js';
import { OcpiClientError, type OcpiClientErrorKind } from './client-error.js';
import { interpretResponse, type OcpiClientResponse } from './client-response.js';
import {
  newRequestId,
  type OcpiPartyRef,
  type RoutingHeaders,
  routingHeaders,
  X_CORRELATION_ID,
  X_REQUEST_ID,
} from './headers.js';
import { parseNextLink } from './paging.js';
import { parseOcpi } from './parse.js';

/** Default request timeout: 10 seconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;

export type { OcpiClientResponse };

/** Configuration of an {@link OcpiPartnerClient}. */
export interface OcpiPartnerClientOptions {
  /** The credentials token the partner gave us (CREDENTIALS_TOKEN_A during registration). */
  token: string;
  /** How to send the token: Base64 per 2.2.1 (default) or plain for older implementations. */
  tokenEncoding?: TokenEncoding;
  /** Our party, sent as OCPI-from-* headers. */
  from?: OcpiPartyRef;
  /** The default receiving party, sent as OCPI-to-* headers. */
  to?: OcpiPartyRef;
  /** Per-request timeout in milliseconds, covering headers and body; default 10 s. */
  timeoutMs?: number;
  /** Extra headers for every request, e.g. User-Agent. */
  headers?: Record<string, string>;
  /** The fetch implementation; defaults to the global one. */
  fetch?: typeof fetch;
}

/** Options of one request. */
export interface OcpiRequestOptions<T extends TSchema = TUnknown> {
  /** Query parameters appended to the URL; `undefined` values are skipped. */
  query?: Record<string, string | number | undefined> | URLSearchParams;
  /** X-Correlation-ID to keep (e.g. when forwarding); a new one otherwise. */
  correlationId?: string;
  /**
   * Routing headers: the client's `from`/`to` by default, others to override, or `false` for
   * Configuration Modules (credentials, versions, hubclientinfo), which SHALL NOT be routed.
   */
  routing?: RoutingHeaders | false;
  /** Schema the envelope's `data` must match, else a `protocol` error. */
  schema?: T;
  /** Extra headers for this request. */
  headers?: Record<string, string>;
  /** Caller's cancellation, reported as kind `aborted`. */
  signal?: AbortSignal;
  /** Overrides the client's timeout. */
  timeoutMs?: number;
}

/** Options of {@link OcpiPartnerClient.getAll}. */
export interface GetAllOptions<T extends TSchema> extends OcpiRequestOptions<T> {
  /**
   * Called for a list item that fails `schema`; the item is skipped. The spec asks clients to
   * process the valid objects of a list that has some bad ones (transport_and_format §GET).
   */
  onInvalid?: (item: unknown, message: string, url: string) => void;
  /** Stop after this many pages; default 100000. */
  maxPages?: number;
}

/** One page of a paginated GET. */
export interface OcpiPage<T> {
  items: T[];
  response: OcpiClientResponse<unknown[]>;
  /** `X-Total-Count`, when present. */
  totalCount: number | undefined;
  /** `X-Limit`, when present. */
  limit: number | undefined;
  /** The next page's URL from the `Link` header, resolved against this page's URL. */
  next: string | undefined;
}

function withQuery(url: string, query: OcpiRequestOptions['query']): string {
  if (query === undefined) return url;
  const target = new URL(url);
  const entries = query instanceof URLSearchParams ? [...query] : Object.entries(query);
  for (const [key, value] of entries) {
    if (value !== undefined) target.searchParams.append(key, String(value));
  }
  return target.toString();
}

function intHeader(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name);
  return raw !== null && /^\s*[0-9]+\s*$/.test(raw) ? Number(raw) : undefined;
}

/** A client for one partner connection. */
export class OcpiPartnerClient {
  readonly #options: OcpiPartnerClientOptions;

  constructor(options: OcpiPartnerClientOptions) {
    this.#options = options;
  }

  /** GET an object or a single page. */
  get<T extends TSchema = TUnknown>(url: string, options?: OcpiRequestOptions<T>) {
    return this.request('GET', url, undefined, options);
  }

  /** PUT an object. */
  put<T extends TSchema = TUnknown>(url: string, body: unknown, options?: OcpiRequestOptions<T>) {
    return this.request('PUT', url, body, options);
  }

  /** PATCH an object. */
  patch<T extends TSchema = TUnknown>(url: string, body: unknown, options?: OcpiRequestOptions<T>) {
    return this.request('PATCH', url, body, options);
  }

  /** POST; `body` may be `undefined` (e.g. a real-time authorization without LocationReferences). */
  post<T extends TSchema = TUnknown>(url: string, body: unknown, options?: OcpiRequestOptions<T>) {
    return this.request('POST', url, body, options);
  }

  /** DELETE an object. */
  delete<T extends TSchema = TUnknown>(url: string, options?: OcpiRequestOptions<T>) {
    return this.request('DELETE', url, undefined, options);
  }

  /** Sends one request and checks the response envelope. */
  async request<T extends TSchema = TUnknown>(
    method: string,
    url: string,
    body: unknown,
    options: OcpiRequestOptions<T> = {},
  ): Promise<OcpiClientResponse<Static<T>>> {
    const target = withQuery(url, options.query);
    const requestId = newRequestId();
    const correlationId = options.correlationId ?? newRequestId();
    const routing =
      options.routing === false
        ? {}
        : routingHeaders(options.routing ?? { from: this.#options.from, to: this.#options.to });
    const headers: Record<string, string> = {
      Accept: 'application/json',
      ...this.#options.headers,
      ...options.headers,
      Authorization: encodeAuthorizationHeader(this.#options.token, this.#options.tokenEncoding),
      [X_REQUEST_ID]: requestId,
      [X_CORRELATION_ID]: correlationId,
      ...routing,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const base = { method, url: target, requestId, correlationId };
    const fail = (kind: OcpiClientErrorKind, message: string, extra: object = {}) =>
      new OcpiClientError(`${method} ${target}: ${message}`, { kind, ...base, ...extra });
    const transportFailure = (cause: unknown) => {
      if (timeout.aborted) return fail('timeout', `timed out after ${timeoutMs} ms`, { cause });
      if (options.signal?.aborted) return fail('aborted', 'aborted', { cause });
      const reason = cause instanceof Error ? (cause.cause ?? cause) : cause;
      return fail('network', `network error: ${reason instanceof Error ? reason.message : String(reason)}`, { cause });
    };

    const fetchImpl = this.#options.fetch ?? fetch;
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(target, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
      text = await response.text();
    } catch (cause) {
      throw transportFailure(cause);
    }

    return interpretResponse(response, text, options.schema, { ...base, fail });
  }

  /**
   * GETs a paginated list page by page, following `Link: <...>; rel="next"`
   * (transport_and_format §Pagination). `schema` applies to each item.
   */
  async *getPages<T extends TSchema = TUnknown>(
    url: string,
    options: GetAllOptions<T> = {},
  ): AsyncGenerator<OcpiPage<Static<T>>> {
    const { schema, onInvalid, maxPages = 100_000, ...requestOptions } = options;
    const correlationId = requestOptions.correlationId ?? newRequestId();
    const visited = new Set<string>();
    let next: string | undefined = withQuery(url, requestOptions.query);
    for (let page = 0; next !== undefined && page < maxPages; page++) {
      const current: string = next;
      visited.add(current);
      const response = await this.get(current, {
        ...requestOptions,
        query: undefined,
        correlationId,
      });
      const data = response.data ?? [];
      if (!Array.isArray(data)) {
        throw new OcpiClientError(`GET ${current}: data of a list response is not an array`, {
          kind: 'protocol',
          method: 'GET',
          url: current,
          httpStatus: response.httpStatus,
          envelope: response.envelope,
          headers: response.headers,
          requestId: response.requestId,
          correlationId,
        });
      }
      const items: Static<T>[] = [];
      for (const item of data) {
        if (!schema) {
          items.push(item as Static<T>);
          continue;
        }
        const parsed = parseOcpi(schema, item);
        if (parsed.ok) items.push(parsed.value);
        else onInvalid?.(item, parsed.message, current);
      }
      const link = parseNextLink(response.headers.get('Link'));
      next = link === undefined ? undefined : new URL(link, current).toString();
      if (next !== undefined && visited.has(next)) next = undefined;
      yield {
        items,
        response: response as OcpiClientResponse<unknown[]>,
        totalCount: intHeader(response.headers, 'X-Total-Count'),
        limit: intHeader(response.headers, 'X-Limit'),
        next,
      };
    }
  }

  /** GETs every object of a paginated list, following `Link` headers; yields items one by one. */
  async *getAll<T extends TSchema = TUnknown>(url: string, options: GetAllOptions<T> = {}): AsyncGenerator<Static<T>> {
    for await (const page of this.getPages(url, options)) yield* page.items;
  }
}
