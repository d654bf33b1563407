import createClient from 'openapi-fetch';
import type { paths } from './schema.js';

/**
 * The typed admin-API client. `schema.d.ts` is generated from the hub's OpenAPI document
 * (`npm run api:types`); a test fails when it is out of date. The browser authenticates with
 * its session cookie; mutating calls carry `x-chargebridge-csrf`, which a cross-site form cannot.
 */
export const api = createClient<paths>({
  // The generated paths already start with /api/v1.
  baseUrl: '',
  credentials: 'same-origin',
  headers: { 'x-chargebridge-csrf': '1' },
});

/** A non-2xx answer of the admin API: `{ error, message }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

/** Unwraps an openapi-fetch result: the data, or an ApiError carrying the API's message. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  const body = (result.error ?? {}) as { error?: string; message?: string };
  throw new ApiError(
    result.response.status,
    body.error ?? `http_${result.response.status}`,
    body.message ?? result.response.statusText,
    result.error,
  );
}

/** Plain JSON fetch for calls the generated schema does not type (kept rare). */
export async function apiJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    credentials: 'same-origin',
    ...init,
    headers: {
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      'x-chargebridge-csrf': '1',
      ...(init.headers ?? {}),
    },
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!response.ok)
    throw new ApiError(response.status, body?.error ?? `http_${response.status}`, body?.message ?? '', body);
  return body as T;
}
