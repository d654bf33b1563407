import { repositories, type UserRole, type UserRow } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { accountProblem, USERNAME_PATTERN } from '../../auth/account-rules.js';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../auth/password.js';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { Nullable } from '../shared/nullable.js';

const Role = Type.Union([Type.Literal('admin'), Type.Literal('operator'), Type.Literal('viewer')]);
const Password = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: MAX_PASSWORD_LENGTH });
const DisplayName = Nullable(Type.String({ maxLength: 100 }));

const UserView = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  display_name: Nullable(Type.String()),
  role: Role,
  disabled: Type.Boolean(),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
  last_login_at: Nullable(Type.String({ format: 'date-time' })),
});
const UserId = Type.Object({ id: Type.Integer({ minimum: 1 }) });

interface CreateBody {
  username: string;
  password: string;
  role: UserRole;
  display_name?: string | null;
}
interface PatchBody {
  role?: UserRole;
  disabled?: boolean;
  password?: string;
  display_name?: string | null;
}

/** An account as the API shows it: never its password hash. */
function userView(row: UserRow) {
  return {
    id: row.id,
    username: row.username,
    display_name: row.display_name,
    role: row.role,
    disabled: row.disabled,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
    last_login_at: row.last_login_at?.toISOString() ?? null,
  };
}

const lastAdmin = () =>
  new AdminError(409, 'last_admin', 'this is the last enabled admin account; make another admin first');

/** `/users`: accounts of the dashboard and the API (admin only). The last enabled admin stays. */
export async function usersRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const db = deps.store.db;
  const repos = repositories(db);

  app.get(
    '/users',
    {
      config: { minRole: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'Every account',
        response: { 200: Type.Object({ items: Type.Array(UserView) }) },
      },
    },
    async () => ({ items: (await repos.users.list()).map(userView) }),
  );

  app.post<{ Body: CreateBody }>(
    '/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create an account',
        body: Type.Object({
          username: Type.String({ pattern: USERNAME_PATTERN }),
          password: Password,
          role: Role,
          display_name: Type.Optional(DisplayName),
        }),
        response: { 201: UserView },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const problem = accountProblem({ username: b.username, role: b.role, password: b.password });
      if (problem) throw new AdminError(400, 'invalid_account', problem);
      const row = await repos.users.create({
        username: b.username,
        displayName: b.display_name?.trim() || null,
        passwordHash: await hashPassword(b.password),
        role: b.role,
      });
      if (!row) throw new AdminError(409, 'username_taken', `the username "${b.username}" is taken`);
      return reply.code(201).send(userView(row));
    },
  );

  app.patch<{ Params: { id: number }; Body: PatchBody }>(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change an account: role, disabled, password, display name',
        params: UserId,
        body: Type.Object({
          role: Type.Optional(Role),
          disabled: Type.Optional(Type.Boolean()),
          password: Type.Optional(Password),
          display_name: Type.Optional(DisplayName),
        }),
        response: { 200: UserView },
      },
    },
    async (request) => {
      const { id } = request.params;
      const b = request.body;
      const passwordHash = b.password === undefined ? undefined : await hashPassword(b.password);
      const row = await db.transaction().execute(async (trx) => {
        const tx = repositories(trx);
        const user = await tx.users.find(id);
        if (!user) throw new AdminError(404, 'unknown_user', `no account ${id}`);
        const losesAdmin =
          user.role === 'admin' && !user.disabled && ((b.role ?? 'admin') !== 'admin' || b.disabled === true);
        if (losesAdmin && !(await tx.users.lockEnabledAdmins()).some((admin) => admin !== id)) throw lastAdmin();
        return tx.users.update(id, {
          role: b.role,
          disabled: b.disabled,
          passwordHash,
          displayName: b.display_name === undefined ? undefined : b.display_name?.trim() || null,
        });
      });
      if (!row) throw new AdminError(404, 'unknown_user', `no account ${id}`);
      // A new password or a disabled account ends the account's other browser sessions.
      if (b.disabled === true || passwordHash !== undefined) {
        const own = request.principal?.userId === id ? request.principal.sessionHash : undefined;
        await repos.userSessions.deleteForUser(id, b.disabled === true ? undefined : own);
      }
      return userView(row);
    },
  );

  app.delete<{ Params: { id: number } }>(
    '/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Delete an account with its sessions and tokens',
        params: UserId,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await db.transaction().execute(async (trx) => {
        const tx = repositories(trx);
        const user = await tx.users.find(id);
        if (!user) throw new AdminError(404, 'unknown_user', `no account ${id}`);
        if (user.role === 'admin' && !user.disabled && !(await tx.users.lockEnabledAdmins()).some((a) => a !== id))
          throw lastAdmin();
        await tx.users.delete(id);
      });
      return reply.code(204).send();
    },
  );
}
