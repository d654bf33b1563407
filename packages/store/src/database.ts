import type {
  AlertsTable,
  ApiTokensTable,
  AuditLogTable,
  UserSessionsTable,
  UsersTable,
} from './schema/access.tables.js';
import type {
  CdrsTable,
  CommandsTable,
  MeterSamplesTable,
  ReservationsTable,
  SessionsTable,
  TransactionEventsTable,
  TransactionsTable,
} from './schema/charging.tables.js';
import type { OutboxTable, PushAttemptsTable, PushDeliveriesTable } from './schema/delivery.tables.js';
import type {
  AuthorizationsTable,
  HubSettingsTable,
  LocationsTable,
  PartiesTable,
  PartnersTable,
  TariffsTable,
  TokensTable,
} from './schema/network.tables.js';
import type {
  ConnectorStatusHistoryTable,
  ConnectorsTable,
  EvsesTable,
  OcppFramesTable,
  StationEventsTable,
  StationsTable,
  StationVariablesTable,
} from './schema/stations.tables.js';

export * from './schema/access.tables.js';
export * from './schema/charging.tables.js';
export * from './schema/columns.js';
export * from './schema/delivery.tables.js';
export * from './schema/network.tables.js';
export * from './schema/stations.tables.js';

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
