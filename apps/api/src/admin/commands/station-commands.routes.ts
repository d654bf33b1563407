import { randomUUID } from 'node:crypto';
import type { OcppVersion } from '@chargebridge/ocpp';
import { type CommandState, repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { Nullable } from '../shared/nullable.js';
import { runAdminCommand } from './admin-command.runner.js';
import { COMMAND_STATES, CommandSchema, commandView } from './command.view.js';
import { commandCatalog, commandProblem } from './command-catalog.js';

const Identity = Type.Object({ identity: Type.String({ minLength: 1, maxLength: 48 }) });

const CommandBody = Type.Object({
  action: Type.String({ minLength: 1, maxLength: 64 }),
  payload: Type.Record(Type.String(), Type.Unknown()),
  timeout_ms: Type.Optional(Type.Integer({ minimum: 100, maximum: 600_000 })),
});
interface CommandBody {
  action: string;
  payload: Record<string, unknown>;
  timeout_ms?: number;
}

const ListQuery = Type.Object({
  station: Type.Optional(Type.String({ maxLength: 48 })),
  state: Type.Optional(Type.Union(COMMAND_STATES.map((s) => Type.Literal(s)))),
  before: Type.Optional(Type.String({ maxLength: 120, description: 'The next_before of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});
interface ListQuery {
  station?: string;
  state?: CommandState;
  before?: string;
  limit?: number;
}

const CatalogField = Type.Object({
  name: Type.String(),
  type: Type.Union(['string', 'integer', 'number', 'boolean', 'object', 'array'].map((t) => Type.Literal(t))),
  required: Type.Boolean(),
  enum: Nullable(Type.Array(Type.String())),
  format: Nullable(Type.String()),
  description: Nullable(Type.String()),
});
const Catalog = Type.Object({
  identity: Type.String(),
  protocol: Nullable(
    Type.String({ description: 'Null until the station first connects: then every version is offered' }),
  ),
  actions: Type.Array(
    Type.Object({
      action: Type.String(),
      common: Type.Boolean(),
      versions: Type.Array(Type.String()),
      fields: Type.Array(CatalogField),
      example: Type.Record(Type.String(), Type.Unknown()),
      schema: Nullable(
        Type.Object(
          {},
          { additionalProperties: true, description: 'The official OCA request schema (with schemas=true)' },
        ),
      ),
    }),
  ),
});

/** `next_before` cursor: the creation time (ms) and id of the last row of a page. */
const cursorOf = (row: { created_at: Date; id: string }) => `${row.created_at.toISOString()}_${row.id}`;
function parseCursor(text: string): { createdAt: Date; id?: string } {
  const [time, ...rest] = text.split('_');
  const createdAt = new Date(time ?? '');
  if (Number.isNaN(createdAt.getTime()))
    throw new AdminError(400, 'invalid_request', 'before is not a cursor or a date-time');
  return { createdAt, id: rest.length > 0 ? rest.join('_') : undefined };
}

/** How long a routed call may take on top of its own timeout before the overdue sweep ends it. */
const deadlineMs = (timeoutMs: number) => timeoutMs * 2 + 2_000;

/**
 * Station commands for the dashboard: `POST /stations/{identity}/commands` queues an OCPP CALL
 * and answers 202 at once (the outcome lands in the command row); `GET /commands[/{id}]` is the
 * history of every command (admin, OCPI, system); `GET /stations/{identity}/command-catalog`
 * lists what the station's version can be sent, with the official schemas.
 */
export async function stationCommandsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  const inflight = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    // Let commands in flight record their outcome, but never hold a shutdown for long.
    await Promise.race([Promise.allSettled([...inflight]), new Promise((r) => setTimeout(r, 2_000).unref())]);
  });

  app.post<{ Params: { identity: string }; Body: CommandBody }>(
    '/stations/:identity/commands',
    {
      config: { minRole: 'operator' },
      schema: {
        tags: ['commands'],
        summary: 'Queue an OCPP command; its outcome is recorded in the command history',
        params: Identity,
        body: CommandBody,
        response: {
          202: Type.Object({ id: Type.String(), state: Type.Union(COMMAND_STATES.map((s) => Type.Literal(s))) }),
        },
      },
    },
    async (request, reply) => {
      const { identity } = request.params;
      const { action, payload } = request.body;
      const station = await repos.stations.findByIdentity(identity);
      if (!station) throw new AdminError(404, 'unknown_station', `station ${identity} is not known`);
      const calls = deps.stationCalls;
      if (!calls) throw new AdminError(503, 'calls_unavailable', 'this process cannot reach stations');
      const problem = commandProblem(station.protocol as OcppVersion | null, action, payload);
      if (problem) throw new AdminError(400, 'call_invalid', problem);
      const timeoutMs = request.body.timeout_ms ?? deps.config.ocppCallTimeoutMs;
      const id = randomUUID();
      const now = new Date();
      await repos.commands.create({
        id,
        station_id: station.id,
        action,
        payload,
        origin: 'admin',
        state: 'queued',
        created_at: now,
        updated_at: now,
        deadline_at: new Date(now.getTime() + deadlineMs(timeoutMs)),
      });
      const run = runAdminCommand(repos, calls, deps.logger, {
        id,
        stationId: station.id,
        identity,
        action,
        payload,
        timeoutMs,
      });
      inflight.add(run);
      void run.finally(() => inflight.delete(run));
      return reply.code(202).send({ id, state: 'queued' as const });
    },
  );

  app.get<{ Querystring: ListQuery }>(
    '/commands',
    {
      schema: {
        tags: ['commands'],
        summary: 'Command history, newest first',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(CommandSchema), next_before: Nullable(Type.String()) }) },
      },
    },
    async (request) => {
      const q = request.query;
      const limit = q.limit ?? 50;
      let stationId: number | undefined;
      if (q.station) {
        const station = await repos.stations.findByIdentity(q.station);
        if (!station) return { items: [], next_before: null };
        stationId = station.id;
      }
      const rows = await repos.commandHistory.list({
        stationId,
        state: q.state,
        before: q.before ? parseCursor(q.before) : undefined,
        limit,
      });
      return { items: rows.map(commandView), next_before: rows.length === limit ? cursorOf(rows.at(-1)!) : null };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/commands/:id',
    {
      schema: {
        tags: ['commands'],
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: CommandSchema },
      },
    },
    async (request) => {
      const row = await repos.commandHistory.find(request.params.id);
      if (!row) throw new AdminError(404, 'unknown_command', `no command ${request.params.id}`);
      return commandView(row);
    },
  );

  app.get<{ Params: { identity: string }; Querystring: { schemas?: boolean } }>(
    '/stations/:identity/command-catalog',
    {
      schema: {
        tags: ['commands'],
        summary: "The commands the station's OCPP version can be sent",
        params: Identity,
        querystring: Type.Object({
          schemas: Type.Optional(Type.Boolean({ description: 'Include the official request schemas (large)' })),
        }),
        response: { 200: Catalog },
      },
    },
    async (request) => {
      const { identity } = request.params;
      const station = await repos.stations.findByIdentity(identity);
      if (!station) throw new AdminError(404, 'unknown_station', `station ${identity} is not known`);
      const protocol = station.protocol as OcppVersion | null;
      const actions = commandCatalog(protocol).map((entry) => ({
        ...entry,
        schema: request.query.schemas ? entry.schema : null,
      }));
      return { identity, protocol, actions };
    },
  );
}
