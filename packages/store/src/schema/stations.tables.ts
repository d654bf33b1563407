import type { ColumnType, Generated } from 'kysely';
import type { DefaultJson, DefaultTimestamp, Json, Timestamp } from './columns.js';

/** Stations as the gateway keeps them: EVSEs, connectors, their status history, device model, events and the raw frame log. */

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
