import { Readable } from 'node:stream';
import { type FrameLogFilter, type Repositories, repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { Nullable } from '../shared/nullable.js';
import { pairFrames } from './frame-log.pairing.js';

const Identity = Type.Object({ identity: Type.String({ minLength: 1, maxLength: 48 }) });

const FramesQuery = Type.Object({
  before_id: Type.Optional(Type.Integer({ minimum: 1, description: 'Only entries older than this frame id' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  direction: Type.Optional(Type.Union([Type.Literal('in'), Type.Literal('out')])),
  violations: Type.Optional(Type.Boolean({ description: 'Only messages with a schema violation' })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('ndjson')])),
});
interface FramesQuery {
  before_id?: number;
  limit?: number;
  action?: string;
  direction?: 'in' | 'out';
  violations?: boolean;
  from?: string;
  to?: string;
  format?: 'json' | 'ndjson';
}

const FrameFields = {
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  message_type: Nullable(Type.Integer({ description: '2 CALL, 3 CALLRESULT, 4 CALLERROR, 5 CALLRESULTERROR, 6 SEND' })),
  message_type_name: Nullable(Type.String()),
  payload: Type.Unknown({ description: 'The parsed payload element; null when the frame is unreadable' }),
  raw: Type.String(),
  violation: Nullable(Type.String()),
};
const PairedFrame = Type.Object({ ...FrameFields, latency_ms: Type.Integer() });
const FrameItem = Type.Object({
  ...FrameFields,
  direction: Type.Union([Type.Literal('in'), Type.Literal('out')]),
  message_id: Nullable(Type.String()),
  action: Nullable(Type.String({ description: 'For an answer: the action of its request' })),
  node: Nullable(Type.String()),
  paired: Nullable(PairedFrame),
});
const FramePage = Type.Object({ items: Type.Array(FrameItem), next_before_id: Nullable(Type.Integer()) });

/** One page of the log: head rows, the rows about the same messages, paired. */
async function framePage(repos: Repositories, filter: FrameLogFilter, limit: number) {
  const heads = await repos.stationFrames.page(filter, limit);
  const items = pairFrames(heads, await repos.stationFrames.related(filter.identity, heads));
  return { items, next_before_id: heads.length === limit ? heads[heads.length - 1]!.id : null };
}

/** The whole filtered log as NDJSON lines, newest first, batch by batch. */
async function* ndjsonLines(repos: Repositories, filter: FrameLogFilter): AsyncGenerator<string> {
  for await (const heads of repos.stationFrames.batches(filter, 500)) {
    const items = pairFrames(heads, await repos.stationFrames.related(filter.identity, heads));
    yield items.map((item) => `${JSON.stringify(item)}\n`).join('');
  }
}

/**
 * `GET /api/v1/stations/{identity}/frames`: the station's OCPP frame log, both directions, newest
 * first, each request with its answer, violations folded in; `format=ndjson` streams every
 * filtered entry as a download.
 */
export async function stationFramesRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  app.get<{ Params: { identity: string }; Querystring: FramesQuery }>(
    '/stations/:identity/frames',
    {
      schema: {
        tags: ['stations'],
        summary: 'The OCPP frame log of a station (requests paired with answers)',
        params: Identity,
        querystring: FramesQuery,
        response: { 200: FramePage },
      },
    },
    async (request, reply) => {
      const { identity } = request.params;
      const q = request.query;
      if (!(await repos.stations.findByIdentity(identity)))
        throw new AdminError(404, 'unknown_station', `station ${identity} is not known`);
      const filter: FrameLogFilter = {
        identity,
        beforeId: q.before_id,
        action: q.action || undefined,
        direction: q.direction,
        violations: q.violations,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      };
      if (q.format === 'ndjson') {
        const stamp = new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15);
        const safe = identity.replace(/[^A-Za-z0-9_-]/g, '_');
        reply
          .header('content-type', 'application/x-ndjson; charset=utf-8')
          .header('content-disposition', `attachment; filename="frames-${safe}-${stamp}Z.ndjson"`)
          .header('cache-control', 'no-store');
        return reply.send(Readable.from(ndjsonLines(repos, filter)));
      }
      return framePage(repos, filter, q.limit ?? 100);
    },
  );
}
