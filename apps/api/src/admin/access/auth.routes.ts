import { repositories } from '@chargebridge/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { securePublicUrl } from '../../auth/access-control.hook.js';
import { LoginThrottle } from '../../auth/login-throttle.js';
import { decoyPasswordHash, MAX_PASSWORD_LENGTH, verifyPassword } from '../../auth/password.js';
import { adminTokenPrincipal, type Principal } from '../../auth/principal.js';
import { PrincipalResolver } from '../../auth/principal-resolver.js';
import { newSecret, sameSecret, sha256Hex } from '../../auth/secret-token.js';
import { clearedSessionCookie, readSessionCookie, SESSION_TTL_MS, sessionCookie } from '../../auth/session-cookie.js';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';

/** Who is signed in (`GET /auth/me`, and the answer of a sign-in). */
export const MeView = Type.Object({
  actor: Type.String({ description: 'The username, or admin-token' }),
  username: Type.Union([Type.String(), Type.Null()]),
  role: Type.Union([Type.Literal('admin'), Type.Literal('operator'), Type.Literal('viewer')]),
  via: Type.Union([Type.Literal('session'), Type.Literal('admin_token'), Type.Literal('api_token')]),
});

const LoginBody = Type.Object({
  username: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  password: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH })),
  admin_token: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
});
interface LoginBody {
  username?: string;
  password?: string;
  admin_token?: string;
}

/** The public view of a principal. */
export function meView(p: Principal) {
  return { actor: p.actor, username: p.username, role: p.role, via: p.via };
}

/**
 * Browser sign-in: `POST /auth/login` (account password or the admin token) opens a cookie
 * session, `POST /auth/logout` ends it, `GET /auth/me` tells who is calling.
 */
export async function authRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  const secure = securePublicUrl(deps);
  const resolver = new PrincipalResolver(repos, deps.adminToken, secure);
  const throttle = new LoginThrottle();

  /** Refuses with 429 while `key` has too many recent failures. */
  function checkThrottle(key: string, reply: FastifyReply): void {
    const waitMs = throttle.retryAfterMs(key);
    if (waitMs <= 0) return;
    const seconds = Math.ceil(waitMs / 1000);
    reply.header('retry-after', String(seconds));
    throw new AdminError(429, 'too_many_attempts', `too many failed sign-ins; try again in ${seconds} s`);
  }

  async function passwordPrincipal(request: FastifyRequest, reply: FastifyReply, body: LoginBody) {
    const username = body.username ?? '';
    const key = `user:${username.toLowerCase()}|${request.ip}`;
    checkThrottle(key, reply);
    const user = await repos.users.findByUsername(username);
    const matches = await verifyPassword(body.password ?? '', user?.password_hash ?? (await decoyPasswordHash()));
    if (!user || !matches) {
      throttle.fail(key);
      throw new AdminError(401, 'invalid_credentials', 'wrong username or password');
    }
    throttle.succeed(key);
    if (user.disabled) throw new AdminError(403, 'account_disabled', 'this account is disabled');
    await repos.users.markLogin(user.id, new Date());
    const principal: Principal = {
      actor: user.username,
      username: user.username,
      role: user.role,
      via: 'session',
      userId: user.id,
    };
    return principal;
  }

  function tokenPrincipal(request: FastifyRequest, reply: FastifyReply, adminToken: string): Principal {
    const key = `admin-token|${request.ip}`;
    checkThrottle(key, reply);
    if (!sameSecret(adminToken, deps.adminToken)) {
      throttle.fail(key);
      throw new AdminError(401, 'invalid_credentials', 'wrong admin token');
    }
    throttle.succeed(key);
    return adminTokenPrincipal('session');
  }

  app.post<{ Body: LoginBody }>(
    '/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in (username and password, or the admin token); sets the cb_session cookie',
        security: [],
        body: LoginBody,
        response: { 200: MeView },
      },
    },
    async (request, reply) => {
      const body = request.body;
      let principal: Principal;
      if (body.admin_token !== undefined) principal = tokenPrincipal(request, reply, body.admin_token);
      else if (body.username !== undefined && body.password !== undefined)
        principal = await passwordPrincipal(request, reply, body);
      else throw new AdminError(400, 'invalid_request', 'send username and password, or admin_token');
      const now = new Date();
      const value = newSecret();
      await repos.userSessions.pruneExpired(now);
      await repos.userSessions.create({
        idHash: sha256Hex(value),
        userId: principal.userId,
        actor: principal.actor,
        role: principal.role,
        expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      });
      request.principal = principal;
      reply.header('set-cookie', sessionCookie(value, secure));
      return meView(principal);
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'End the browser session and clear its cookie',
        security: [],
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const credentials = await resolver.resolve(request, reply, { touch: false });
      if (credentials.kind === 'valid') request.principal = credentials.principal;
      const cookie = readSessionCookie(request);
      if (cookie !== undefined) await repos.userSessions.delete(sha256Hex(cookie));
      reply.header('set-cookie', clearedSessionCookie(secure));
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'Who is calling, with which role', response: { 200: MeView } } },
    async (request) => {
      if (!request.principal) throw new AdminError(401, 'unauthorized', 'not signed in');
      return meView(request.principal);
    },
  );
}
