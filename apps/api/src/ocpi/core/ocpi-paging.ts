import { nextPageUrl, OcpiError, parsePagingQuery, X_LIMIT, X_TOTAL_COUNT } from '@chargebridge/ocpi';
import type { OcpiCursor, OcpiPageResult, OcpiWindow } from '@chargebridge/store';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Largest page the hub serves (sent as `X-Limit`). */
export const MAX_PAGE_LIMIT = 1000;

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_(\d{1,15})$/;

/**
 * Paging that returns every object exactly once (transport_and_format §Pagination).
 *
 * The problem: objects are ordered by (`last_updated`, id), and a concurrent update moves an
 * object's `last_updated` forward. With plain offsets, an object updated after being read moves
 * behind the cursor and is read twice; one updated before being read shifts everything after it
 * and another object is skipped.
 *
 * What the hub does:
 * 1. Snapshot upper bound: the first page fixes `date_to` (default: the request time, in
 *    milliseconds) and every `Link` carries it. An object updated during the walk gets a
 *    `last_updated` ≥ `date_to` and leaves the window: it is not sent twice in this walk.
 * 2. Keyset position: every `Link` also carries `cursor` = the (`last_updated`, id) of the last
 *    object sent; the next page is the objects after it, so leaving objects shift nothing.
 *    `offset` still moves in the Link (clients may show progress), but the cursor decides.
 *
 * "Exactly once", then: every object whose `last_updated` is in [date_from, date_to) and that
 * is not changed during the walk is returned exactly once; an object changed during the walk is
 * returned at most once in it, and is returned by the next walk with `date_from` = this walk's
 * `date_to` (the usual incremental sync), in its new version. No object is lost, none repeats
 * within a walk. (Limit: a writer whose transaction commits after the page read with a
 * `last_updated` earlier than `date_to` is not seen — keep write transactions short.)
 */
export interface PageRequest {
  window: OcpiWindow;
  /** The page size asked for (≤ MAX_PAGE_LIMIT); fetch one more to learn whether more follow. */
  limit: number;
}

/** Reads `date_from`, `date_to`, `offset`, `limit` and our `cursor`; 2001 on bad values. */
export function readPageRequest(request: FastifyRequest, now = new Date()): PageRequest {
  const query = request.query as Record<string, unknown>;
  const paging = parsePagingQuery(query, { maxLimit: MAX_PAGE_LIMIT });
  const window: OcpiWindow = {
    offset: paging.offset,
    limit: paging.limit + 1,
    dateTo: paging.date_to ?? now,
  };
  if (paging.date_from) window.dateFrom = paging.date_from;
  const rawCursor = query.cursor;
  if (rawCursor !== undefined) {
    const match = typeof rawCursor === 'string' ? CURSOR.exec(rawCursor) : null;
    if (!match) throw OcpiError.invalidParameters('Query parameter cursor is malformed; follow the Link header');
    window.after = { lastUpdated: match[1] as string, id: Number(match[2]) };
  }
  return { window, limit: paging.limit };
}

/**
 * Sends a page: trims the look-ahead row, sets `X-Total-Count`, `X-Limit` and, when more
 * objects follow, a `Link` built from PUBLIC_URL with every filter kept plus `date_to` and
 * `cursor` (see {@link PageRequest}). Returns the page's rows.
 */
export function pageHeaders<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  publicUrl: string,
  page: PageRequest,
  result: OcpiPageResult<T & { cursor_ts: string; id: number }>,
): T[] {
  const more = result.items.length > page.limit;
  const items = more ? result.items.slice(0, page.limit) : result.items;
  reply.header(X_TOTAL_COUNT, String(result.total));
  reply.header(X_LIMIT, String(MAX_PAGE_LIMIT));
  const last = items.at(-1);
  if (more && last) {
    const cursor: OcpiCursor = { lastUpdated: last.cursor_ts, id: last.id };
    const url = new URL(request.url, 'http://request.invalid');
    url.searchParams.set('date_to', (page.window.dateTo as Date).toISOString());
    url.searchParams.set('cursor', `${cursor.lastUpdated}_${cursor.id}`);
    const next = nextPageUrl(publicUrl, `${url.pathname}${url.search}`, page.window.offset + items.length, page.limit);
    reply.header('Link', `<${next}>; rel="next"`);
  }
  return items;
}
