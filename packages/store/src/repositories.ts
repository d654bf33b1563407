import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { AuthorizationsRepository } from './repositories/authorizations.repository.js';
import { CdrExportRepository } from './repositories/cdr-export.repository.js';
import { CdrsRepository } from './repositories/cdrs.repository.js';
import { CommandExecutionRepository } from './repositories/command-execution.repository.js';
import { CommandsRepository } from './repositories/commands.repository.js';
import { FramesRepository } from './repositories/frames.repository.js';
import { LocationViewsRepository } from './repositories/location-views.repository.js';
import { LocationsRepository } from './repositories/locations.repository.js';
import { MeterSamplesRepository } from './repositories/meter-samples.repository.js';
import { OcpiCommandsRepository } from './repositories/ocpi-commands.repository.js';
import { OutboxRepository } from './repositories/outbox.repository.js';
import { PartiesRepository } from './repositories/parties.repository.js';
import { PartnersRepository } from './repositories/partners.repository.js';
import { PushDeliveriesRepository } from './repositories/push-deliveries.repository.js';
import { RoamingAuthorizationRepository } from './repositories/roaming-authorization.repository.js';
import { SessionsRepository } from './repositories/sessions.repository.js';
import { SettingsRepository } from './repositories/settings.repository.js';
import { StationActivityRepository } from './repositories/station-activity.repository.js';
import { StationStateRepository } from './repositories/station-state.repository.js';
import { StationsRepository } from './repositories/stations.repository.js';
import { TariffsRepository } from './repositories/tariffs.repository.js';
import { TokensRepository } from './repositories/tokens.repository.js';
import { TransactionsRepository } from './repositories/transactions.repository.js';

/** Every repository bound to one handle (the pool, or a transaction). */
export function repositories(db: Kysely<Database>) {
  return {
    authorizations: new AuthorizationsRepository(db),
    commands: new CommandsRepository(db),
    meterSamples: new MeterSamplesRepository(db),
    stationActivity: new StationActivityRepository(db),
    stationState: new StationStateRepository(db),
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
    locationViews: new LocationViewsRepository(db),
    pushDeliveries: new PushDeliveriesRepository(db),
    ocpiCommands: new OcpiCommandsRepository(db),
    commandExecution: new CommandExecutionRepository(db),
    roamingAuthorization: new RoamingAuthorizationRepository(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;
