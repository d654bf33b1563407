import { randomUUID } from 'node:crypto';
import { evseUid, hashStationPassword } from '@chargebridge/domain';
import { StationCallError, type StationCallErrorCode } from '@chargebridge/routing';
import { repositories } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { answeredOutcome } from '../commands/command-outcome.js';
import { stationView } from './station.view.js';

const Connector = Type.Object({
  connector_id: Type.Union([Type.String({ minLength: 1, maxLength: 36 }), Type.Integer({ minimum: 1 })]),
  standard: Type.String(),
  format: Type.String(),
  power_type: Type.String(),
  max_voltage: Type.Integer({ minimum: 0 }),
  max_amperage: Type.Integer({ minimum: 0 }),
});

const StationBody = Type.Object({
  country_code: Type.String({ pattern: '^[A-Z]{2}$' }),
  party_id: Type.String({ pattern: '^[A-Z0-9]{3}$' }),
  location_id: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 36 }), Type.Null()])),
  password: Type.Optional(Type.String({ minLength: 8, maxLength: 64 })),
  security_profile: Type.Integer({ minimum: 0, maximum: 3 }),
  registration_status: Type.Optional(
    Type.Union([Type.Literal('Accepted'), Type.Literal('Pending'), Type.Literal('Rejected')]),
  ),
  /** Extension: keep data from payloads that break the strict schemas (recorded as violations). */
  lenient: Type.Optional(Type.Boolean()),
  evses: Type.Optional(
    Type.Array(Type.Object({ evse_id: Type.String({ maxLength: 48 }), connectors: Type.Array(Connector) })),
  ),
  tariff_ids: Type.Optional(Type.Array(Type.String())),
});
type StationBody = {
  country_code: string;
  party_id: string;
  location_id?: string | null;
  password?: string;
  security_profile: number;
  registration_status?: 'Accepted' | 'Pending' | 'Rejected';
  lenient?: boolean;
  evses?: Array<{
    evse_id: string;
    connectors: Array<{
      connector_id: string | number;
      standard: string;
      format: string;
      power_type: string;
      max_voltage: number;
      max_amperage: number;
    }>;
  }>;
  tariff_ids?: string[];
};

const Identity = Type.Object({ identity: Type.String({ minLength: 1, maxLength: 48 }) });
const CallBody = Type.Object({
  action: Type.String({ minLength: 1, maxLength: 64 }),
  payload: Type.Record(Type.String(), Type.Unknown()),
  timeout_ms: Type.Optional(Type.Integer({ minimum: 100, maximum: 600_000 })),
});

/** HTTP status of each station-call failure (interfaces.md: 409 offline, 504 timeout, 400 invalid). */
const CALL_STATUS: Record<StationCallErrorCode, number> = {
  station_unknown: 404,
  station_offline: 409,
  call_timeout: 504,
  call_invalid: 400,
  station_error: 502,
};
const COMMAND_STATE = {
  station_unknown: 'failed',
  station_offline: 'offline',
  call_timeout: 'timeout',
  call_invalid: 'rejected',
  station_error: 'failed',
} as const;

/** `PUT/GET /api/v1/stations[/{identity}]`, `POST /api/v1/stations/{identity}/calls`. */
export async function stationsRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);

  app.put<{ Params: { identity: string }; Body: StationBody }>(
    '/stations/:identity',
    { schema: { tags: ['stations'], summary: 'Provision a station', params: Identity, body: StationBody } },
    async (request, reply) => {
      const { identity } = request.params;
      const b = request.body;
      if (identity.includes(':'))
        throw new AdminError(400, 'invalid_identity', 'a station identity cannot contain ":"');
      if (!(await repos.parties.find(b.country_code, b.party_id))) {
        throw new AdminError(404, 'unknown_party', `party ${b.country_code}-${b.party_id} is not hosted on the hub`);
      }
      let locationRowId: number | null = null;
      if (b.location_id) {
        const location = await repos.locations.find(b.country_code, b.party_id, b.location_id);
        if (!location) throw new AdminError(404, 'unknown_location', `location ${b.location_id} does not exist`);
        locationRowId = location.id;
      }
      const existing = await repos.stations.findByIdentity(identity);
      if ((b.security_profile === 1 || b.security_profile === 2) && !b.password && !existing?.password_hash) {
        throw new AdminError(400, 'password_required', `security profile ${b.security_profile} needs a password`);
      }
      const { row, created } = await repos.stations.upsert({
        identity,
        country_code: b.country_code,
        party_id: b.party_id,
        location_id: locationRowId,
        security_profile: b.security_profile,
        registration_status: b.registration_status ?? 'Accepted',
        auto_registered: false,
        ...(b.lenient === undefined ? {} : { lenient: b.lenient }),
        ...(b.password ? { password_hash: await hashStationPassword(b.password) } : {}),
        tariff_ids: JSON.stringify(b.tariff_ids ?? []),
      });
      for (const [i, evse] of (b.evses ?? []).entries()) {
        await repos.stationState.provisionEvse({
          stationId: row.id,
          ocppEvseId: i + 1,
          evseUid: evseUid(row.id, i + 1),
          evseId: evse.evse_id,
          connectors: evse.connectors.map((c, j) => ({
            ocppConnectorId: typeof c.connector_id === 'number' ? c.connector_id : Number(c.connector_id) || j + 1,
            ocpiConnectorId: String(c.connector_id),
            standard: c.standard,
            format: c.format,
            powerType: c.power_type,
            maxVoltage: c.max_voltage,
            maxAmperage: c.max_amperage,
          })),
        });
      }
      return reply.code(created ? 201 : 200).send(await stationView(repos, row));
    },
  );

  app.get<{ Querystring: { offset?: number; limit?: number } }>(
    '/stations',
    {
      schema: {
        tags: ['stations'],
        querystring: Type.Object({
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
        }),
      },
    },
    async (request) => {
      const offset = request.query.offset ?? 0;
      const limit = request.query.limit ?? 100;
      const { rows, total } = await repos.stationState.list(offset, limit);
      const items = [];
      for (const row of rows) items.push(await stationView(repos, row));
      return { total, offset, limit, items };
    },
  );

  app.get<{ Params: { identity: string } }>(
    '/stations/:identity',
    { schema: { tags: ['stations'], params: Identity } },
    async (request) => {
      const row = await repos.stations.findByIdentity(request.params.identity);
      if (!row) throw new AdminError(404, 'unknown_station', `station ${request.params.identity} is not known`);
      return stationView(repos, row);
    },
  );

  app.post<{
    Params: { identity: string };
    Body: { action: string; payload: Record<string, unknown>; timeout_ms?: number };
  }>(
    '/stations/:identity/calls',
    {
      config: { minRole: 'operator' },
      schema: {
        tags: ['stations'],
        summary: 'Send an OCPP CALL and wait for the answer',
        params: Identity,
        body: CallBody,
      },
    },
    async (request) => {
      const { identity } = request.params;
      const { action, payload, timeout_ms } = request.body;
      const station = await repos.stations.findByIdentity(identity);
      if (!station) throw new AdminError(404, 'unknown_station', `station ${identity} is not known`);
      if (!deps.stationCalls) throw new AdminError(503, 'calls_unavailable', 'this process cannot reach stations');
      const id = randomUUID();
      await repos.commands.create({ id, station_id: station.id, action, payload, origin: 'admin', state: 'sent' });
      try {
        const response = await deps.stationCalls.call(identity, action, payload, { timeoutMs: timeout_ms });
        // An answer whose status is a refusal (e.g. { status: 'Rejected' }) is recorded as rejected.
        const outcome = answeredOutcome(response);
        await repos.commands.finish(id, outcome.state, { response, error: outcome.reason ?? undefined });
        return { response };
      } catch (error) {
        if (!(error instanceof StationCallError)) throw error;
        await repos.commands.finish(id, COMMAND_STATE[error.code], { error: error.message });
        throw new AdminError(CALL_STATUS[error.code], error.code, error.message);
      }
    },
  );
}
