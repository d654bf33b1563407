import { repositories, type StationRow } from '@chargebridge/store';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ApiDeps } from '../../deps.js';
import { AdminError } from '../../plugins/admin-errors.js';
import { Nullable } from '../shared/nullable.js';
import { Provisioning, provisioningView } from './provisioning.view.js';
import { stationView } from './station.view.js';
import { offlineGaps, telemetryPoints } from './station-timeline.js';
import { transactionView } from './transaction.view.js';

const DateTime = Type.String({ format: 'date-time' });
const Identity = Type.Object({ identity: Type.String({ minLength: 1, maxLength: 48 }) });
const Window = Type.Object({
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Default: 24 hours before `to`' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Default: now' })),
});
interface Window {
  from?: string;
  to?: string;
}

const DAY_MS = 24 * 3_600_000;
const MAX_WINDOW_MS = 31 * DAY_MS;
/** Most samples read for one telemetry answer (a day of 10 s samples on a few EVSEs). */
const MAX_SAMPLES = 50_000;

function window(q: Window): { from: Date; to: Date } {
  const to = q.to ? new Date(q.to) : new Date();
  const from = q.from ? new Date(q.from) : new Date(to.getTime() - DAY_MS);
  if (from >= to) throw new AdminError(400, 'invalid_request', 'from must be before to');
  if (to.getTime() - from.getTime() > MAX_WINDOW_MS)
    throw new AdminError(400, 'invalid_request', 'the window may span at most 31 days');
  return { from, to };
}

const Connector = Type.Object({
  connector_id: Type.String(),
  ocpp_connector_id: Type.Integer(),
  ocpp_status: Nullable(Type.String()),
  error_code: Nullable(Type.String()),
  status_updated_at: Nullable(DateTime),
  standard: Type.String(),
  format: Type.String(),
  power_type: Type.String(),
  max_voltage: Type.Integer(),
  max_amperage: Type.Integer(),
});
const Summary = Type.Object({
  identity: Type.String(),
  country_code: Type.String(),
  party_id: Type.String(),
  party_name: Nullable(Type.String()),
  location_id: Nullable(Type.String()),
  location_name: Nullable(Type.String()),
  time_zone: Nullable(Type.String({ description: "IANA zone of the station's location" })),
  protocol: Nullable(Type.String()),
  online: Type.Boolean(),
  connected_node: Nullable(Type.String()),
  last_seen: Nullable(DateTime),
  last_boot: Nullable(DateTime),
  vendor: Nullable(Type.String()),
  model: Nullable(Type.String()),
  serial_number: Nullable(Type.String()),
  firmware: Nullable(Type.String()),
  security_profile: Type.Integer(),
  registration_status: Type.String(),
  provisioning: Provisioning,
  lenient: Type.Boolean(),
  schema_violations: Type.Integer(),
  evses: Type.Array(
    Type.Object({
      uid: Type.String(),
      evse_id: Nullable(Type.String()),
      ocpp_evse_id: Type.Integer(),
      status: Type.String(),
      connectors: Type.Array(Connector),
    }),
  ),
});

const StatusHistory = Type.Object({
  identity: Type.String(),
  from: DateTime,
  to: DateTime,
  online: Type.Boolean(),
  last_seen: Nullable(DateTime),
  provisioned_at: Type.String({ format: 'date-time', description: 'Nothing is drawn before the station existed' }),
  connectors: Type.Array(
    Type.Object({ evse_id: Type.Integer(), connector_id: Type.Integer(), status: Nullable(Type.String()) }),
  ),
  changes: Type.Array(
    Type.Object({
      at: DateTime,
      evse_id: Type.Integer(),
      connector_id: Type.Integer(),
      status: Type.String(),
      error_code: Nullable(Type.String()),
      info: Nullable(Type.String()),
    }),
  ),
  offline: Type.Array(
    Type.Object({
      from: DateTime,
      to: Nullable(Type.String({ format: 'date-time', description: 'null: still offline' })),
    }),
  ),
  connectivity_source: Type.Union([Type.Literal('events'), Type.Literal('last_seen')]),
});

const Telemetry = Type.Object({
  identity: Type.String(),
  from: DateTime,
  to: DateTime,
  truncated: Type.Boolean({ description: 'More samples exist in the window than were read' }),
  samples: Type.Array(
    Type.Object({
      at: DateTime,
      evse_id: Type.Integer(),
      transaction_id: Nullable(Type.Integer()),
      power_kw: Nullable(Type.Number()),
      current_a: Nullable(Type.Number()),
      soc: Nullable(Type.Number()),
    }),
  ),
});

const Configuration = Type.Object({
  identity: Type.String(),
  protocol: Nullable(Type.String()),
  variables: Type.Array(
    Type.Object({
      component: Type.String(),
      component_instance: Type.String(),
      evse_id: Type.Integer(),
      connector_id: Type.Integer(),
      variable: Type.String(),
      variable_instance: Type.String(),
      attribute_type: Type.String(),
      value: Nullable(Type.String()),
      readonly: Nullable(Type.Boolean()),
      updated_at: DateTime,
    }),
  ),
});

const Sessions = Type.Object({
  identity: Type.String(),
  total: Type.Integer(),
  offset: Type.Integer(),
  limit: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.Integer({ description: 'The transaction row id: the dashboard links /sessions/{id}' }),
      transaction_id: Type.String(),
      status: Type.String(),
      evse_id: Nullable(Type.Integer()),
      connector_id: Nullable(Type.Integer()),
      id_token: Nullable(Type.String()),
      token_type: Nullable(Type.String()),
      started_at: Nullable(DateTime),
      stopped_at: Nullable(DateTime),
      energy_wh: Type.Number(),
      stop_reason: Nullable(Type.String()),
      charging_state: Nullable(Type.String()),
      session_id: Nullable(Type.String({ description: 'OCPI session id' })),
      session_status: Nullable(Type.String()),
      cdr_id: Nullable(Type.String()),
      currency: Nullable(Type.String()),
      total_cost_incl_vat: Nullable(Type.String()),
      total_cost_excl_vat: Nullable(Type.String()),
    }),
  ),
});

/** The charging station's identity fields from its last BootNotification (1.6 or 2.x shape). */
function bootFields(boot: Record<string, unknown> | null) {
  const b = boot ?? {};
  const cs = (b.chargingStation ?? {}) as Record<string, unknown>;
  const s = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  return {
    vendor: s(b.chargePointVendor) ?? s(cs.vendorName),
    model: s(b.chargePointModel) ?? s(cs.model),
    serial_number: s(b.chargePointSerialNumber) ?? s(b.chargeBoxSerialNumber) ?? s(cs.serialNumber),
    firmware: s(b.firmwareVersion) ?? s(cs.firmwareVersion),
  };
}

/**
 * The station detail's reads: `GET /stations/{identity}/summary` (header), `…/status-history`
 * (connector statuses and offline gaps), `…/telemetry` (power, current, SoC), `…/configuration`
 * (1.6 keys or 2.x device model) and `…/sessions` (its transactions, newest first).
 */
export async function stationHistoryRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const repos = repositories(deps.store.db);
  const station = async (identity: string): Promise<StationRow> => {
    const row = await repos.stations.findByIdentity(identity);
    if (!row) throw new AdminError(404, 'unknown_station', `station ${identity} is not known`);
    return row;
  };

  app.get<{ Params: { identity: string } }>(
    '/stations/:identity/summary',
    { schema: { tags: ['stations'], summary: 'Station header', params: Identity, response: { 200: Summary } } },
    async (request) => {
      const row = await station(request.params.identity);
      const [view, party, location, provisioning] = await Promise.all([
        stationView(repos, row),
        repos.parties.find(row.country_code, row.party_id),
        row.location_id ? repos.locations.findById(row.location_id) : undefined,
        repos.stationHistory.lastProvisioning(row.id),
      ]);
      const name = location?.data?.name;
      return {
        ...view,
        ...bootFields(row.boot_info),
        party_name: party?.name ?? null,
        location_name: typeof name === 'string' ? name : null,
        time_zone: location?.time_zone ?? null,
        provisioning: provisioningView(provisioning),
      };
    },
  );

  app.get<{ Params: { identity: string }; Querystring: Window }>(
    '/stations/:identity/status-history',
    {
      schema: {
        tags: ['stations'],
        summary: 'Connector status changes and offline gaps',
        params: Identity,
        querystring: Window,
        response: { 200: StatusHistory },
      },
    },
    async (request) => {
      const row = await station(request.params.identity);
      const { from, to } = window(request.query);
      const [changes, connectivity, evses] = await Promise.all([
        repos.stationHistory.statusChanges(row.id, from, to),
        repos.stationHistory.connectivity(row.id, from, to),
        repos.stations.listEvses(row.id),
      ]);
      const connectors = await repos.stations.listConnectors(evses.map((e) => e.id));
      const evseNumber = new Map(evses.map((e) => [e.id, e.ocpp_evse_id]));
      const known = new Map<string, { evse_id: number; connector_id: number; status: string | null }>();
      for (const c of connectors) {
        const evse_id = evseNumber.get(c.evse_id) ?? 0;
        known.set(`${evse_id}/${c.ocpp_connector_id}`, {
          evse_id,
          connector_id: c.ocpp_connector_id,
          status: c.ocpp_status,
        });
      }
      for (const c of changes) {
        const key = `${c.ocpp_evse_id}/${c.ocpp_connector_id}`;
        if (!known.has(key))
          known.set(key, { evse_id: c.ocpp_evse_id, connector_id: c.ocpp_connector_id, status: null });
      }
      const { gaps, source } = offlineGaps({ from, to, ...connectivity, station: row });
      return {
        identity: row.identity,
        from: from.toISOString(),
        to: to.toISOString(),
        online: row.online,
        last_seen: row.last_seen_at?.toISOString() ?? null,
        provisioned_at: row.created_at.toISOString(),
        connectors: [...known.values()].sort((a, b) => a.evse_id - b.evse_id || a.connector_id - b.connector_id),
        changes: changes.map((c) => ({
          at: c.occurred_at.toISOString(),
          evse_id: c.ocpp_evse_id,
          connector_id: c.ocpp_connector_id,
          status: c.status,
          error_code: c.error_code,
          info: c.info,
        })),
        offline: gaps.map((g) => ({ from: g.from.toISOString(), to: g.to?.toISOString() ?? null })),
        connectivity_source: source,
      };
    },
  );

  app.get<{ Params: { identity: string }; Querystring: Window }>(
    '/stations/:identity/telemetry',
    {
      schema: {
        tags: ['stations'],
        summary: 'Power (kW), current (A) and state of charge (%) samples',
        params: Identity,
        querystring: Window,
        response: { 200: Telemetry },
      },
    },
    async (request) => {
      const row = await station(request.params.identity);
      const { from, to } = window(request.query);
      const samples = await repos.stationHistory.telemetry(row.id, from, to, MAX_SAMPLES + 1);
      const truncated = samples.length > MAX_SAMPLES;
      return {
        identity: row.identity,
        from: from.toISOString(),
        to: to.toISOString(),
        truncated,
        samples: telemetryPoints(truncated ? samples.slice(0, MAX_SAMPLES) : samples),
      };
    },
  );

  app.get<{ Params: { identity: string } }>(
    '/stations/:identity/configuration',
    {
      schema: {
        tags: ['stations'],
        summary: 'Configuration keys (1.6) or device-model variables (2.x)',
        params: Identity,
        response: { 200: Configuration },
      },
    },
    async (request) => {
      const row = await station(request.params.identity);
      const variables = await repos.stationHistory.variables(row.id);
      return {
        identity: row.identity,
        protocol: row.protocol,
        variables: variables.map((v) => ({
          component: v.component,
          component_instance: v.component_instance,
          evse_id: v.evse_id,
          connector_id: v.connector_id,
          variable: v.variable,
          variable_instance: v.variable_instance,
          attribute_type: v.attribute_type,
          value: v.value,
          readonly: v.readonly,
          updated_at: v.updated_at.toISOString(),
        })),
      };
    },
  );

  app.get<{ Params: { identity: string }; Querystring: { offset?: number; limit?: number } }>(
    '/stations/:identity/sessions',
    {
      schema: {
        tags: ['stations'],
        summary: 'Transactions of the station with their OCPI session and CDR, newest first',
        params: Identity,
        querystring: Type.Object({
          offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
        }),
        response: { 200: Sessions },
      },
    },
    async (request) => {
      const row = await station(request.params.identity);
      const offset = request.query.offset ?? 0;
      const limit = request.query.limit ?? 50;
      const { rows, total } = await repos.stationHistory.transactions(row.id, offset, limit);
      return {
        identity: row.identity,
        total,
        offset,
        limit,
        items: rows.map((t) => ({
          ...transactionView(t),
          session_id: t.session_id,
          session_status: t.session_status,
          cdr_id: t.cdr_id,
          currency: t.currency,
          total_cost_incl_vat: t.total_cost_incl_vat,
          total_cost_excl_vat: t.total_cost_excl_vat,
        })),
      };
    },
  );
}
