import type { ColumnType, Generated } from 'kysely';
import type { Decimal, DefaultJson, DefaultTimestamp, Json, Timestamp } from './columns.js';
import type { OcppProtocol } from './stations.tables.js';

/** Charging: transactions, their events and meter samples, OCPI sessions and CDRs, commands and reservations. */

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
