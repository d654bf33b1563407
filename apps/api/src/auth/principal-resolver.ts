import type { Repositories } from '@chargebridge/store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { adminTokenPrincipal, type Principal } from './principal.js';
import { API_TOKEN_PREFIX, sameSecret, sha256Hex } from './secret-token.js';
import { readSessionCookie, SESSION_TOUCH_INTERVAL_MS, SESSION_TTL_MS, sessionCookie } from './session-cookie.js';

/** What a request's credentials amount to. */
export type Credentials =
  | { kind: 'none' }
  | { kind: 'invalid'; message: string }
  | { kind: 'valid'; principal: Principal };

/** How often a personal token's `last_used_at` is written at most. */
const TOKEN_TOUCH_INTERVAL_MS = 60 * 1000;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Turns a request's credentials into a principal: `Authorization: Bearer` with the admin
 * token or a personal `cbt_` token, else the `cb_session` cookie. Bearer wins over the cookie.
 */
export class PrincipalResolver {
  constructor(
    private readonly repos: Repositories,
    private readonly adminToken: string,
    private readonly secureCookie: boolean,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** `touch: false` leaves the session's expiry alone (logout). */
  async resolve(request: FastifyRequest, reply: FastifyReply, options = { touch: true }): Promise<Credentials> {
    const header = request.headers.authorization;
    if (header !== undefined) return this.fromBearer(header);
    const cookie = readSessionCookie(request);
    if (cookie !== undefined) return this.fromSession(cookie, reply, options.touch);
    return { kind: 'none' };
  }

  private async fromBearer(header: string): Promise<Credentials> {
    const token = BEARER.exec(header)?.[1];
    if (token !== undefined && sameSecret(token, this.adminToken)) {
      return { kind: 'valid', principal: adminTokenPrincipal('admin_token') };
    }
    if (token?.startsWith(API_TOKEN_PREFIX)) {
      const found = await this.repos.apiTokens.findActive(sha256Hex(token));
      if (found) {
        const now = this.now();
        if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= TOKEN_TOUCH_INTERVAL_MS) {
          await this.repos.apiTokens.touch(found.id, now);
        }
        return {
          kind: 'valid',
          principal: {
            actor: found.username,
            username: found.username,
            role: found.role,
            via: 'api_token',
            userId: found.userId,
          },
        };
      }
    }
    return { kind: 'invalid', message: 'a valid bearer token (the admin token or a personal API token) is required' };
  }

  private async fromSession(cookie: string, reply: FastifyReply, touch: boolean): Promise<Credentials> {
    const hash = sha256Hex(cookie);
    const now = this.now();
    const session = await this.repos.userSessions.findActive(hash, now);
    if (!session) return { kind: 'invalid', message: 'the session has expired or ended; sign in again' };
    if (touch && now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS) {
      await this.repos.userSessions.touch(hash, now, new Date(now.getTime() + SESSION_TTL_MS));
      reply.header('set-cookie', sessionCookie(cookie, this.secureCookie));
    }
    const principal: Principal =
      session.userId === null
        ? { ...adminTokenPrincipal('session'), sessionHash: hash }
        : {
            actor: session.username ?? session.actor,
            username: session.username,
            role: session.role,
            via: 'session',
            userId: session.userId,
            sessionHash: hash,
          };
    return { kind: 'valid', principal };
  }
}
