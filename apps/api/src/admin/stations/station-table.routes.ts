import { STATION_STATUS_SEVERITY } from '@chargebridge/domain';
import { repositories, STATION_TABLE_SORTS, type StationFilters, type StationTableSort } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { Nullable } from '../shared/nullable.js';
import { Paged } from '../shared/paged.js';

/** Filters shared by the table and the map; `status` takes a comma-separated list. */
const FilterQuery = {
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Substring of identity, location id or name' })),
  party: Type.Optional(Type.String({ pattern: '^[A-Z]{2}-[A-Z0-9]{3}$', description: 'CC-PID' })),
  location: Type.Optional(Type.String({ maxLength: 36, description: 'OCPI location id' })),
  protocol: Type.Optional(Type.String({ maxLength: 8, description: '1.6, 2.0.1, 2.1 or none' })),
  status: Type.Optional(
    Type.String({ maxLength: 200, description: `Worst status(es), comma-separated: ${STATION_STATUS_SEVERITY}` }),
  ),
  online: Type.Optional(Type.Boolean()),
};
interface FilterQuery {
  q?: string;
  party?: string;
  location?: string;
  protocol?: string;
  status?: string;
  online?: boolean;
}

const TableQuery = Type.Object({
  ...FilterQuery,
  sort: Type.Optional(Type.Union(STATION_TABLE_SORTS.map((s) => Type.Literal(s)))),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })),
});
type TableQuery = FilterQuery & { sort?: StationTableSort; offset?: number; limit?: number };

const TableRow = Type.Object({
  identity: Type.String(),
  country_code: Type.String(),
  party_id: Type.String(),
  location_id: Nullable(Type.String()),
  location_name: Nullable(Type.String()),
  time_zone: Type.String(),
  protocol: Nullable(Type.String()),
  online: Type.Boolean(),
  last_seen: Nullable(Type.String({ format: 'date-time' })),
  connectors: Type.Array(
    Type.Object({
      evse_uid: Type.String(),
      connector_id: Type.String(),
      status: Nullable(Type.String({ description: 'OCPP connector status' })),
      evse_status: Type.String({ description: 'Published OCPI EVSE status (UNKNOWN while offline)' }),
    }),
  ),
  worst_status: Type.String({ description: 'Worst EVSE status, OFFLINE when the station is offline' }),
  firmware: Nullable(Type.String()),
  schema_violations: Type.Integer(),
  power_kw: Nullable(Type.Number({ description: 'Active power of its active transactions now, kW' })),
});

const MapPoint = Type.Object({
  identity: Type.String(),
  lon: Type.Number(),
  lat: Type.Number(),
  worst_status: Type.String(),
  online: Type.Boolean(),
  party: Type.String({ description: 'CC-PID' }),
  protocol: Nullable(Type.String()),
  location_id: Type.String(),
});

const FilterOptions = Type.Object({
  parties: Type.Array(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  locations: Type.Array(Type.Object({ id: Type.String(), name: Nullable(Type.String()), party: Type.String() })),
  protocols: Type.Array(Type.String()),
  statuses: Type.Array(Type.String()),
});

/** The repository filters of a query; 400 on an unknown status. */
function stationFilters(q: FilterQuery): StationFilters {
  const statuses = q.status
    ?.split(',')
    .map((s) => s.trim().toUpperCase())
    .filter((s) => s !== '');
  for (const s of statuses ?? []) {
    if (!(STATION_STATUS_SEVERITY as readonly string[]).includes(s)) {
      throw new AdminError(400, 'invalid_status', `unknown status ${s}; one of ${STATION_STATUS_SEVERITY.join(', ')}`);
    }
  }
  const [countryCode, partyId] = q.party?.split('-') ?? [];
  return {
    q: q.q?.trim() || undefined,
    party: countryCode && partyId ? { countryCode, partyId } : undefined,
    location: q.location,
    protocol: q.protocol,
    statuses,
    online: q.online,
  };
}

/**
 * The dashboard's fleet views: `GET /api/v1/stations/table` (filtered, sorted, server-paged rows),
 * `GET /api/v1/stations/map` (every matching station with coordinates) and
 * `GET /api/v1/stations/filters` (values for the filter dropdowns).
 */
export async function stationTableRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);

  app.get<{ Querystring: TableQuery }>(
    '/stations/table',
    {
      schema: {
        tags: ['stations'],
        summary: 'Filtered, sorted, paged station rows for the dashboard table',
        querystring: TableQuery,
        response: {
          200: Paged(TableRow),
        },
      },
    },
    async (request) => {
      const offset = request.query.offset ?? 0;
      const limit = request.query.limit ?? 200;
      const filters = stationFilters(request.query);
      const { total, items } = await repos.stationTable.page(filters, request.query.sort ?? 'identity', offset, limit);
      return { total, offset, limit, items };
    },
  );

  app.get<{ Querystring: FilterQuery }>(
    '/stations/map',
    {
      schema: {
        tags: ['stations'],
        summary: 'Every matching station with its coordinates and worst status, for the fleet map',
        querystring: Type.Object(FilterQuery),
        response: {
          200: Type.Object({
            items: Type.Array(MapPoint),
            unplaced: Type.Integer({ description: 'Matching stations without a location or coordinates' }),
          }),
        },
      },
    },
    async (request) => repos.stationTable.mapPoints(stationFilters(request.query)),
  );

  app.get(
    '/stations/filters',
    {
      schema: {
        tags: ['stations'],
        summary: 'Parties, locations, protocols and statuses present, for filter dropdowns',
        response: { 200: FilterOptions },
      },
    },
    async () => repos.stationTable.filterOptions(),
  );
}
