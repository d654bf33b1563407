import { jobNames } from '@chargebridge/jobs';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { readiness } from '../../health/readiness.js';
import { mergeGatewayNodes } from './gateway-nodes.js';

const QueueCounts = Type.Object({
  name: Type.String(),
  waiting: Type.Integer(),
  active: Type.Integer(),
  delayed: Type.Integer(),
  failed: Type.Integer(),
});

const NullableTime = (description: string) =>
  Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description });

const NodesResponse = Type.Object({
  this_node: Type.Union([Type.String(), Type.Null()], { description: 'The node id of the process that answered' }),
  total_connections: Type.Integer(),
  nodes: Type.Array(
    Type.Object({
      node: Type.String(),
      connections: Type.Integer({ description: 'Online stations whose socket this node holds' }),
      last_seen: NullableTime('Newest last-seen time of those stations'),
      alive: Type.Boolean({
        description:
          'The node heartbeats now; false: it stopped (crash, network split) while stations are still marked online on it',
      }),
      roles: Type.Array(Type.String(), { description: 'Roles of the node process (empty when not alive)' }),
      started_at: NullableTime('When the node started heartbeating'),
      last_heartbeat: NullableTime('When the node last heartbeated'),
      live_connections: Type.Union([Type.Integer(), Type.Null()], {
        description: 'Station sockets the node reported in its latest heartbeat',
      }),
      version: Type.Union([Type.String(), Type.Null()], { description: 'Hub version the node runs' }),
    }),
  ),
});

const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  checks: Type.Record(Type.String(), Type.Boolean()),
  mode: Type.String(),
  database: Type.String(),
  jobs: Type.String(),
  hub: Type.Object({ country_code: Type.String(), party_id: Type.String() }),
  uptime_s: Type.Integer({ description: 'Uptime of the process that answered' }),
});

/**
 * `GET /api/v1/system`: mode, identity and job queue depths; `/system/nodes` (gateway nodes: their
 * heartbeats and station connections), `/system/queues` (every job queue) and `/system/health`.
 */
export async function systemRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);

  app.get(
    '/system',
    { schema: { tags: ['system'], summary: 'Hub mode, identity and job queue depths' } },
    async () => ({
      mode: deps.config.mode,
      database: deps.store.dialect,
      jobs: deps.runner.kind,
      hub: { country_code: deps.config.hubCountryCode, party_id: deps.config.hubPartyId },
      queues: await deps.runner.counts(),
    }),
  );

  app.get(
    '/system/nodes',
    {
      schema: {
        tags: ['system'],
        summary: 'Gateway nodes: heartbeating ones, and ones that only stale station rows still name',
        response: { 200: NodesResponse },
      },
    },
    async () => {
      const [heartbeats, inDatabase] = await Promise.all([
        deps.nodeRegistry?.list() ?? [],
        repos.overview.gatewayNodes(),
      ]);
      const nodes = mergeGatewayNodes(heartbeats, inDatabase);
      return {
        this_node: deps.stationCalls?.nodeId ?? null,
        total_connections: nodes.reduce((sum, n) => sum + n.connections, 0),
        nodes,
      };
    },
  );

  app.get(
    '/system/queues',
    {
      schema: {
        tags: ['system'],
        summary: 'Depth of every job queue',
        response: { 200: Type.Object({ runner: Type.String(), queues: Type.Array(QueueCounts) }) },
      },
    },
    async () => {
      const counts = await deps.runner.counts();
      const names = [...new Set([...jobNames, ...Object.keys(counts)])].sort();
      return {
        runner: deps.runner.kind,
        queues: names.map((name) => ({
          name,
          waiting: counts[name]?.waiting ?? 0,
          active: counts[name]?.active ?? 0,
          delayed: counts[name]?.delayed ?? 0,
          failed: counts[name]?.failed ?? 0,
        })),
      };
    },
  );

  app.get(
    '/system/health',
    {
      schema: {
        tags: ['system'],
        summary: 'The readiness checks (as /health/ready) with the hub mode',
        response: { 200: HealthResponse },
      },
    },
    async () => {
      const { ready, checks } = await readiness(deps);
      return {
        status: ready ? ('ready' as const) : ('unavailable' as const),
        checks,
        mode: deps.config.mode,
        database: deps.store.dialect,
        jobs: deps.runner.kind,
        hub: { country_code: deps.config.hubCountryCode, party_id: deps.config.hubPartyId },
        uptime_s: Math.floor(process.uptime()),
      };
    },
  );
}
