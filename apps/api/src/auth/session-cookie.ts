import type { FastifyRequest } from 'fastify';

/** The browser session cookie's name. */
export const SESSION_COOKIE = 'cb_session';
/** Idle lifetime of a browser session; each request (at most once a minute) extends it. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** How stale `last_seen_at` may get before a request slides the expiry again. */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 1000;

/** The session cookie's value, if the request carries one. */
export function readSessionCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return value && /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : undefined;
  }
  return undefined;
}

/** `Set-Cookie` value carrying a session (HttpOnly, SameSite=Strict, Secure behind https). */
export function sessionCookie(value: string, secure: boolean): string {
  const maxAge = Math.floor(SESSION_TTL_MS / 1000);
  return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** `Set-Cookie` value that deletes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}
