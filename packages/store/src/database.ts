import type { ColumnType, Generated } from 'kysely';

/** A `timestamptz` column: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `timestamptz` column with a database default. */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `jsonb` column holding T, written as its JSON text or value. */
export type Json<T> = ColumnType<T, T | string, T | string>;
/** A `jsonb` column with a database default. */
export type DefaultJson<T> = ColumnType<T, T | string | undefined, T | string>;
/** A `numeric` column: decimals travel as strings, never floats. */
export type Decimal = ColumnType<string, string | number, string | number>;

export interface HubSettingsTable {
  key: string;
  value: string;
  updated_at: DefaultTimestamp;
}

export interface PartnersTable {
  id: string;
  name: string;
  status: ColumnType<PartnerStatus, PartnerStatus | undefined, PartnerStatus>;
  direction: 'inbound' | 'outbound';
  versions_url: string | null;
  version: string | null;
  endpoints: DefaultJson<PartnerEndpoint[]>;
  roles: DefaultJson<PartnerRole[]>;
  registration_token_hash: string | null;
  incoming_token_hash: string | null;
  outgoing_token: string | null;
  outgoing_token_encoding: ColumnType<'base64' | 'plain', 'base64' | 'plain' | undefined, 'base64' | 'plain'>;
  last_push_error: ColumnType<unknown, unknown, unknown> | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export type PartnerStatus = 'pending' | 'registered' | 'unregistered';
export interface PartnerEndpoint {
  identifier: string;
  role: 'SENDER' | 'RECEIVER';
  url: string;
}
export interface PartnerRole {
  role: string;
  country_code: string;
  party_id: string;
  business_details?: { name: string; website?: string };
}

export interface PartiesTable {
  id: Generated<number>;
  country_code: string;
  party_id: string;
  name: string;
  roles: DefaultJson<string[]>;
  partner_id: string | null;
  business_details: ColumnType<unknown, unknown, unknown> | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface LocationsTable {
  id: Generated<number>;
  country_code: string;
  party_id: string;
  location_id: string;
  data: Json<Record<string, unknown>>;
  time_zone: ColumnType<string, string | undefined, string>;
  publish: ColumnType<boolean, boolean | undefined, boolean>;
  last_updated: DefaultTimestamp;
}

export type OcppProtocol = '1.6' | '2.0.1' | '2.1';

export interface StationsTable {
  id: Generated<number>;
  identity: string;
  country_code: string;
  party_id: string;
  location_id: number | null;
  protocol: OcppProtocol | null;
  password_hash: string | null;
  security_profile: ColumnType<number, number | undefined, number>;
  registration_status: ColumnType<string, string | undefined, string>;
  lenient: ColumnType<boolean, boolean | undefined, boolean>;
  boot_info: ColumnType<Record<string, unknown> | null, unknown, unknown>;
  online: ColumnType<boolean, boolean | undefined, boolean>;
  connected_node: string | null;
  last_seen_at: Timestamp | null;
  last_boot_at: Timestamp | null;
  schema_violations: ColumnType<number, number | undefined, number>;
  tariff_ids: DefaultJson<string[]>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** When the latest connect or disconnect happened (migration 0005); orders late commits. */
  connection_changed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Created by OCPP_AUTO_REGISTER and not yet registered by an operator (migration 0007). */
  auto_registered: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface EvsesTable {
  id: Generated<number>;
  station_id: number;
  ocpp_evse_id: number;
  evse_uid: string;
  evse_id: string | null;
  status: ColumnType<string, string | undefined, string>;
  data: DefaultJson<Record<string, unknown>>;
  last_updated: DefaultTimestamp;
}

export interface ConnectorsTable {
  id: Generated<number>;
  evse_id: number;
  ocpp_connector_id: number;
  ocpi_connector_id: string;
  standard: ColumnType<string, string | undefined, string>;
  format: ColumnType<string, string | undefined, string>;
  power_type: ColumnType<string, string | undefined, string>;
  max_voltage: ColumnType<number, number | undefined, number>;
  max_amperage: ColumnType<number, number | undefined, number>;
  max_electric_power: number | null;
  ocpp_status: string | null;
  ocpp_error_code: string | null;
  status_updated_at: Timestamp | null;
  tariff_ids: DefaultJson<string[]>;
  last_updated: DefaultTimestamp;
}

export interface ConnectorStatusHistoryTable {
  id: Generated<number>;
  station_id: number;
  ocpp_evse_id: number;
  ocpp_connector_id: number;
  status: string;
  error_code: string | null;
  info: string | null;
  occurred_at: Timestamp;
  recorded_at: DefaultTimestamp;
}

export interface StationVariablesTable {
  id: Generated<number>;
  station_id: number;
  component: string;
  component_instance: ColumnType<string, string | undefined, string>;
  evse_id: ColumnType<number, number | undefined, number>;
  connector_id: ColumnType<number, number | undefined, number>;
  variable: string;
  variable_instance: ColumnType<string, string | undefined, string>;
  attribute_type: ColumnType<string, string | undefined, string>;
  value: string | null;
  readonly: boolean | null;
  data: ColumnType<unknown, unknown, unknown> | null;
  updated_at: DefaultTimestamp;
}

export interface StationEventsTable {
  id: Generated<number>;
  station_id: number;
  kind: string;
  payload: Json<unknown>;
  occurred_at: Timestamp;
  recorded_at: DefaultTimestamp;
}

export type TokenSource = 'local' | 'roaming';
export type WhitelistType = 'ALWAYS' | 'ALLOWED' | 'ALLOWED_OFFLINE' | 'NEVER';

export interface TokensTable {
  id: Generated<number>;
  country_code: string;
  party_id: string;
  uid: string;
  type: ColumnType<string, string | undefined, string>;
  contract_id: string;
  source: TokenSource;
  partner_id: string | null;
  whitelist: ColumnType<WhitelistType, WhitelistType | undefined, WhitelistType>;
  valid: ColumnType<boolean, boolean | undefined, boolean>;
  data: Json<Record<string, unknown>>;
  last_updated: DefaultTimestamp;
}

export interface AuthorizationsTable {
  id: Generated<number>;
  station_id: number | null;
  id_token: string;
  token_type: string;
  token_id: number | null;
  result: string;
  allowed: string | null;
  source: string;
  reason: string | null;
  authorization_reference: string | null;
  location_id: number | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp | null;
}

export type TransactionStatus = 'active' | 'completed';

export interface TransactionsTable {
  id: Generated<number>;
  station_id: number;
  transaction_uid: string;
  protocol: OcppProtocol;
  start_key: string | null;
  ocpp_evse_id: number | null;
  ocpp_connector_id: number | null;
  id_token: string | null;
  token_type: string | null;
  status: ColumnType<TransactionStatus, TransactionStatus | undefined, TransactionStatus>;
  charging_state: string | null;
  started_at: Timestamp | null;
  stopped_at: Timestamp | null;
  meter_start_wh: number | null;
  meter_stop_wh: number | null;
  energy_wh: ColumnType<number, number | undefined, number>;
  stop_reason: string | null;
  last_seq_no: number | null;
  seq_gaps: DefaultJson<number[]>;
  offline: ColumnType<boolean, boolean | undefined, boolean>;
  remote_start_id: number | null;
  authorization_reference: string | null;
  auth_method: string | null;
  reservation_id: number | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface TransactionEventsTable {
  id: Generated<number>;
  transaction_id: number;
  seq_no: number | null;
  event_type: string;
  trigger_reason: string | null;
  occurred_at: Timestamp;
  offline: ColumnType<boolean, boolean | undefined, boolean>;
  payload: Json<unknown>;
  recorded_at: DefaultTimestamp;
}

export interface MeterSamplesTable {
  id: Generated<number>;
  station_id: number;
  transaction_id: number | null;
  ocpp_evse_id: ColumnType<number, number | undefined, number>;
  sampled_at: Timestamp;
  measurand: string;
  phase: string | null;
  context: string | null;
  location: string | null;
  /** Normalized unit: Wh, varh, W, var, VA, A, V, Hz, Percent, Celsius, … */
  unit: string;
  value: number;
  recorded_at: DefaultTimestamp;
}

export interface TariffsTable {
  id: Generated<number>;
  country_code: string;
  party_id: string;
  tariff_id: string;
  currency: string;
  data: Json<Record<string, unknown>>;
  last_updated: DefaultTimestamp;
}

export interface SessionsTable {
  id: Generated<number>;
  country_code: string;
  party_id: string;
  session_id: string;
  transaction_id: number | null;
  token_country_code: string | null;
  token_party_id: string | null;
  token_uid: string | null;
  status: string;
  kwh: ColumnType<number, number | undefined, number>;
  currency: string | null;
  tariff_snapshot: ColumnType<unknown, unknown, unknown> | null;
  data: Json<Record<string, unknown>>;
  last_updated: DefaultTimestamp;
  /** The reservation this session was opened for (status RESERVATION until its transaction). */
  reservation_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface CdrsTable {
  id: Generated<number>;
  country_code: string;
  party_id: string;
  cdr_id: string;
  session_id: string | null;
  transaction_id: number | null;
  token_country_code: string | null;
  token_party_id: string | null;
  currency: string;
  total_cost_excl_vat: Decimal;
  total_cost_incl_vat: Decimal | null;
  total_energy_kwh: Decimal;
  start_date_time: Timestamp;
  end_date_time: Timestamp;
  credit: ColumnType<boolean, boolean | undefined, never>;
  credit_reference_id: string | null;
  data: Json<Record<string, unknown>>;
  last_updated: DefaultTimestamp;
}

export interface PushDeliveriesTable {
  id: Generated<number>;
  partner_id: string;
  module: string;
  object_key: string;
  method: string;
  status: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  http_status: number | null;
  last_error: string | null;
  response_location: string | null;
  created_at: DefaultTimestamp;
  last_attempt_at: Timestamp | null;
  delivered_at: Timestamp | null;
  last_latency_ms: number | null;
  last_response_body: string | null;
}

export type CommandState = 'queued' | 'sent' | 'accepted' | 'rejected' | 'failed' | 'timeout' | 'offline';

export interface CommandsTable {
  id: string;
  station_id: number | null;
  action: string;
  payload: Json<unknown>;
  origin: 'admin' | 'ocpi' | 'system';
  partner_id: string | null;
  ocpi_command: string | null;
  response_url: string | null;
  state: ColumnType<CommandState, CommandState | undefined, CommandState>;
  response: ColumnType<unknown, unknown, unknown> | null;
  error: string | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  deadline_at: Timestamp | null;
}

export interface ReservationsTable {
  id: Generated<number>;
  station_id: number;
  ocpi_reservation_id: string | null;
  partner_id: string | null;
  ocpp_evse_id: number | null;
  id_token: string | null;
  expires_at: Timestamp;
  status: ColumnType<string, string | undefined, string>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** When the station accepted it: the start of its billed reservation time (migration 0008). */
  accepted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface OcppFramesTable {
  id: Generated<number>;
  station_identity: string;
  direction: 'in' | 'out';
  message_type: number | null;
  message_id: string | null;
  action: string | null;
  raw: string;
  violation: string | null;
  node: string | null;
  at: DefaultTimestamp;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  job_key: string;
  payload: Json<unknown>;
  available_at: DefaultTimestamp;
  created_at: DefaultTimestamp;
  relayed_at: Timestamp | null;
}

/** The whole hub's schema as Kysely sees it. */
export interface Database {
  hub_settings: HubSettingsTable;
  partners: PartnersTable;
  parties: PartiesTable;
  locations: LocationsTable;
  stations: StationsTable;
  evses: EvsesTable;
  connectors: ConnectorsTable;
  connector_status_history: ConnectorStatusHistoryTable;
  station_variables: StationVariablesTable;
  station_events: StationEventsTable;
  tokens: TokensTable;
  authorizations: AuthorizationsTable;
  transactions: TransactionsTable;
  transaction_events: TransactionEventsTable;
  meter_samples: MeterSamplesTable;
  tariffs: TariffsTable;
  sessions: SessionsTable;
  cdrs: CdrsTable;
  push_deliveries: PushDeliveriesTable;
  commands: CommandsTable;
  reservations: ReservationsTable;
  ocpp_frames: OcppFramesTable;
  outbox: OutboxTable;
  users: UsersTable;
  user_sessions: UserSessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  alerts: AlertsTable;
  push_attempts: PushAttemptsTable;
}

// --- the operator dashboard (migration 0004) ---------------------------------------------

export type UserRole = 'admin' | 'operator' | 'viewer';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string | null;
  /** scrypt, `scrypt$N$r$p$salt$hash` (see the api's password module). */
  password_hash: string;
  role: UserRole;
  disabled: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  last_login_at: Timestamp | null;
}

export interface UserSessionsTable {
  /** SHA-256 (hex) of the cookie value; the value itself is never stored. */
  id_hash: string;
  /** Null for a session opened with the admin token. */
  user_id: number | null;
  actor: string;
  role: UserRole;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  /** The first characters of the token, shown in lists so people can tell tokens apart. */
  prefix: string;
  created_at: DefaultTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: DefaultTimestamp;
  actor: string;
  role: string | null;
  action: string;
  target: string | null;
  status: number | null;
  details: ColumnType<unknown, unknown, unknown> | null;
}

export type AlertStatus = 'pending' | 'open' | 'acknowledged' | 'resolved';

export interface AlertsTable {
  id: Generated<number>;
  rule: string;
  subject: string;
  severity: ColumnType<string, string | undefined, string>;
  status: AlertStatus;
  message: string;
  details: DefaultJson<Record<string, unknown>>;
  first_seen_at: DefaultTimestamp;
  opened_at: Timestamp | null;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  resolved_at: Timestamp | null;
  updated_at: DefaultTimestamp;
}

export interface PushAttemptsTable {
  id: Generated<number>;
  partner_id: string;
  module: string;
  object_key: string;
  method: string;
  ok: boolean;
  http_status: number | null;
  latency_ms: number | null;
  error: string | null;
  at: DefaultTimestamp;
}
