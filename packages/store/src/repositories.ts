import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { AlertConditionsRepository } from './repositories/alert-conditions.repository.js';
import { AlertsRepository } from './repositories/alerts.repository.js';
import { ApiTokensRepository } from './repositories/api-tokens.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { AuthorizationsRepository } from './repositories/authorizations.repository.js';
import { CdrExportRepository } from './repositories/cdr-export.repository.js';
import { CdrsRepository } from './repositories/cdrs.repository.js';
import { ChangeFeedRepository } from './repositories/change-feed.repository.js';
import { ChargingSessionsRepository } from './repositories/charging-sessions.repository.js';
import { CommandExecutionRepository } from './repositories/command-execution.repository.js';
import { CommandHistoryRepository } from './repositories/command-history.repository.js';
import { CommandsRepository } from './repositories/commands.repository.js';
import { FinanceRepository } from './repositories/finance.repository.js';
import { FramesRepository } from './repositories/frames.repository.js';
import { LocationViewsRepository } from './repositories/location-views.repository.js';
import { LocationsRepository } from './repositories/locations.repository.js';
import { MeterSamplesRepository } from './repositories/meter-samples.repository.js';
import { OcpiCommandsRepository } from './repositories/ocpi-commands.repository.js';
import { OutboxRepository } from './repositories/outbox.repository.js';
import { OverviewRepository } from './repositories/overview.repository.js';
import { PartiesRepository } from './repositories/parties.repository.js';
import { PartnersRepository } from './repositories/partners.repository.js';
import { PushAttemptsRepository } from './repositories/push-attempts.repository.js';
import { PushDeliveriesRepository } from './repositories/push-deliveries.repository.js';
import { RoamingAuthorizationRepository } from './repositories/roaming-authorization.repository.js';
import { SessionsRepository } from './repositories/sessions.repository.js';
import { SettingsRepository } from './repositories/settings.repository.js';
import { StationActivityRepository } from './repositories/station-activity.repository.js';
import { StationFramesRepository } from './repositories/station-frames.repository.js';
import { StationHistoryRepository } from './repositories/station-history.repository.js';
import { StationStateRepository } from './repositories/station-state.repository.js';
import { StationTableRepository } from './repositories/station-table.repository.js';
import { StationsRepository } from './repositories/stations.repository.js';
import { TariffsRepository } from './repositories/tariffs.repository.js';
import { TokensRepository } from './repositories/tokens.repository.js';
import { TransactionsRepository } from './repositories/transactions.repository.js';
import { UserSessionsRepository } from './repositories/user-sessions.repository.js';
import { UsersRepository } from './repositories/users.repository.js';

/** Every repository bound to one handle (the pool, or a transaction). */
export function repositories(db: Kysely<Database>) {
  return {
    alerts: new AlertsRepository(db),
    alertConditions: new AlertConditionsRepository(db),
    changeFeed: new ChangeFeedRepository(db),
    overview: new OverviewRepository(db),
    authorizations: new AuthorizationsRepository(db),
    commands: new CommandsRepository(db),
    meterSamples: new MeterSamplesRepository(db),
    stationActivity: new StationActivityRepository(db),
    stationState: new StationStateRepository(db),
    stationTable: new StationTableRepository(db),
    transactions: new TransactionsRepository(db),
    settings: new SettingsRepository(db),
    parties: new PartiesRepository(db),
    locations: new LocationsRepository(db),
    stations: new StationsRepository(db),
    tokens: new TokensRepository(db),
    outbox: new OutboxRepository(db),
    frames: new FramesRepository(db),
    partners: new PartnersRepository(db),
    tariffs: new TariffsRepository(db),
    sessions: new SessionsRepository(db),
    cdrs: new CdrsRepository(db),
    cdrExport: new CdrExportRepository(db),
    chargingSessions: new ChargingSessionsRepository(db),
    finance: new FinanceRepository(db),
    locationViews: new LocationViewsRepository(db),
    pushDeliveries: new PushDeliveriesRepository(db),
    pushAttempts: new PushAttemptsRepository(db),
    ocpiCommands: new OcpiCommandsRepository(db),
    commandExecution: new CommandExecutionRepository(db),
    roamingAuthorization: new RoamingAuthorizationRepository(db),
    commandHistory: new CommandHistoryRepository(db),
    stationFrames: new StationFramesRepository(db),
    stationHistory: new StationHistoryRepository(db),
    users: new UsersRepository(db),
    userSessions: new UserSessionsRepository(db),
    apiTokens: new ApiTokensRepository(db),
    audit: new AuditRepository(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;
