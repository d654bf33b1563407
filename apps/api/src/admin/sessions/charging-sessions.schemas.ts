import { Type } from 'typebox';
import { CostBreakdownSchema, PriceSchema } from '../finance/cost-breakdown.schema.js';
import { Nullable } from '../shared/nullable.js';
import { Paged } from '../shared/paged.js';

/** Query of `GET /charging-sessions`. */
export const ChargingSessionsQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('completed')])),
  station: Type.Optional(Type.String({ description: 'Station identity' })),
  party: Type.Optional(Type.String({ description: "The station's CPO, CC-PID" })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Started at or after' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Started before' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});
export type ChargingSessionsQuery = {
  status?: 'active' | 'completed';
  station?: string;
  party?: string;
  from?: string;
  to?: string;
  offset?: number;
  limit?: number;
};

/** One charging session (an OCPP transaction, live or past). */
export const ChargingSessionSchema = Type.Object({
  id: Type.Integer({ description: 'The transaction row id (what /sessions/{id} takes)' }),
  transaction_id: Type.String({ description: 'The OCPP transaction id' }),
  protocol: Type.String(),
  identity: Type.String(),
  party: Type.String({ description: 'CPO of the station, CC-PID' }),
  location_id: Nullable(Type.String()),
  evse_uid: Nullable(Type.String()),
  evse_id: Nullable(Type.String()),
  ocpp_evse_id: Nullable(Type.Integer()),
  ocpp_connector_id: Nullable(Type.Integer()),
  connector_id: Nullable(Type.String({ description: 'OCPI connector id' })),
  token: Nullable(
    Type.Object({
      uid: Type.String({ description: 'The id token; all but its last 4 characters hidden when masked' }),
      masked: Type.Boolean(),
      type: Nullable(Type.String()),
      owner: Nullable(Type.String({ description: 'The token owner (eMSP), CC-PID' })),
      source: Nullable(Type.String({ description: 'local or roaming' })),
    }),
  ),
  partner_id: Nullable(Type.String({ description: 'The partner owning a roaming token' })),
  status: Type.Union([Type.Literal('active'), Type.Literal('completed')]),
  charging_state: Nullable(Type.String()),
  session_status: Nullable(Type.String({ description: 'OCPI Session status' })),
  started_at: Nullable(Type.String()),
  stopped_at: Nullable(Type.String()),
  stop_reason: Nullable(Type.String()),
  energy_kwh: Type.Number(),
  power_kw: Nullable(Type.Number({ description: 'Latest active power while active' })),
  soc: Nullable(Type.Number()),
  cost_so_far: Nullable(PriceSchema),
  cost_source: Nullable(
    Type.Union([Type.Literal('cdr'), Type.Literal('estimate'), Type.Literal('final')], {
      description:
        'cdr: the CDR total; estimate: running cost by the tariff engine; final: engine price without a CDR yet',
    }),
  ),
  currency: Nullable(Type.String()),
  session_id: Nullable(Type.String({ description: 'OCPI Session id' })),
  cdr_id: Nullable(Type.String()),
  cdr_row_id: Nullable(Type.Integer()),
  time_zone: Nullable(Type.String({ description: "The location's IANA time zone" })),
  updated_at: Type.String(),
});

export const ChargingSessionPage = Paged(ChargingSessionSchema);

/** Which partner, module, object and HTTP method a push (or one attempt of it) was. */
const pushTarget = {
  partner_id: Type.String(),
  partner_name: Nullable(Type.String()),
  module: Type.String(),
  object_key: Type.String(),
  method: Type.String(),
};

const PushDeliverySchema = Type.Object({
  id: Type.Integer(),
  ...pushTarget,
  status: Type.String(),
  attempts: Type.Integer(),
  http_status: Nullable(Type.Integer()),
  last_error: Nullable(Type.String()),
  last_response_body: Nullable(Type.String()),
  last_latency_ms: Nullable(Type.Integer()),
  response_location: Nullable(Type.String()),
  created_at: Type.String(),
  last_attempt_at: Nullable(Type.String()),
  delivered_at: Nullable(Type.String()),
});

const PushAttemptSchema = Type.Object({
  id: Type.Integer(),
  ...pushTarget,
  ok: Type.Boolean(),
  http_status: Nullable(Type.Integer()),
  latency_ms: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  at: Type.String(),
});

/** `GET /charging-sessions/{id}`. */
export const ChargingSessionDetail = Type.Object({
  session: ChargingSessionSchema,
  token_detail: Nullable(
    Type.Object({
      contract_id: Nullable(Type.String()),
      auth_method: Nullable(Type.String()),
      authorization_reference: Nullable(Type.String()),
    }),
  ),
  meter: Type.Object({
    points: Type.Array(
      Type.Object({
        at: Type.String(),
        energy_kwh: Nullable(Type.Number()),
        power_kw: Nullable(Type.Number()),
        soc: Nullable(Type.Number()),
      }),
    ),
    total_points: Type.Integer(),
    power_derived: Type.Boolean({ description: 'No power readings: kW derived from the energy register' }),
  }),
  timeline: Type.Array(
    Type.Object({
      at: Type.String(),
      kind: Type.String({ description: 'transaction, authorization, status, command or cdr' }),
      label: Type.String(),
      detail: Nullable(Type.String()),
    }),
  ),
  cost: CostBreakdownSchema,
  charging_periods: Type.Array(Type.Object({}, { additionalProperties: true })),
  ocpi_session: Nullable(Type.Object({}, { additionalProperties: true })),
  cdr: Nullable(Type.Object({}, { additionalProperties: true })),
  credits: Type.Array(
    Type.Object({
      id: Type.Integer(),
      cdr_id: Type.String(),
      total_cost: PriceSchema,
      last_updated: Type.String(),
    }),
  ),
  push_trail: Type.Object({
    deliveries: Type.Array(PushDeliverySchema),
    attempts: Type.Array(PushAttemptSchema),
  }),
});

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
