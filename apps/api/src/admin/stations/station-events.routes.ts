import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { Nullable } from '../shared/nullable.js';
import { stationEventView } from './station-event.view.js';

const Identity = Type.Object({ identity: Type.String({ minLength: 1, maxLength: 48 }) });
const EventsQuery = Type.Object({
  kind: Type.Optional(Type.String({ maxLength: 64, description: 'Only events of this kind' })),
  before_id: Type.Optional(Type.Integer({ minimum: 1, description: 'Only events older than this event id' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
interface EventsQuery {
  kind?: string;
  before_id?: number;
  limit?: number;
}
const EventPage = Type.Object({
  identity: Type.String(),
  kinds: Type.Array(Type.Object({ kind: Type.String(), count: Type.Integer() }), {
    description: 'Every kind the station has events of, with how many',
  }),
  items: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.String({
        description:
          'The OCPP message (FirmwareStatusNotification, SecurityEventNotification, …) or the hub’s own (Connected, Provisioned, CertificateSigned, …)',
      }),
      at: Type.String({ format: 'date-time' }),
      summary: Type.String(),
      payload: Type.Unknown({ description: 'As recorded' }),
    }),
  ),
  next_before_id: Nullable(Type.Integer()),
});

/**
 * `GET /api/v1/stations/{identity}/events`: what the station reported besides transactions and
 * statuses (firmware, diagnostics and log uploads, security events, NotifyEvent, data transfers, …)
 * and what the hub did with it (connections, provisioning, certificates), newest first.
 */
export async function stationEventsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  app.get<{ Params: { identity: string }; Querystring: EventsQuery }>(
    '/stations/:identity/events',
    {
      schema: {
        tags: ['stations'],
        summary: 'The event log of a station',
        params: Identity,
        querystring: EventsQuery,
        response: { 200: EventPage },
      },
    },
    async (request) => {
      const { identity } = request.params;
      const station = await repos.stations.findByIdentity(identity);
      if (!station) throw new AdminError(404, 'unknown_station', `station ${identity} is not known`);
      const limit = request.query.limit ?? 100;
      const [rows, kinds] = await Promise.all([
        repos.stationHistory.events(station.id, {
          limit,
          ...(request.query.kind ? { kind: request.query.kind } : {}),
          ...(request.query.before_id ? { beforeId: request.query.before_id } : {}),
        }),
        repos.stationHistory.eventKinds(station.id),
      ]);
      return {
        identity,
        kinds,
        items: rows.map((r) => stationEventView({ ...r, id: Number(r.id) })),
        next_before_id: rows.length === limit ? Number(rows[rows.length - 1]!.id) : null,
      };
    },
  );
}
