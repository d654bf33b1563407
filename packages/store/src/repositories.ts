import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { FramesRepository } from './repositories/frames.repository.js';
import { LocationsRepository } from './repositories/locations.repository.js';
import { OutboxRepository } from './repositories/outbox.repository.js';
import { PartiesRepository } from './repositories/parties.repository.js';
import { SettingsRepository } from './repositories/settings.repository.js';
import { StationsRepository } from './repositories/stations.repository.js';
import { TokensRepository } from './repositories/tokens.repository.js';

/** Every repository bound to one handle (the pool, or a transaction). */
export function repositories(db: Kysely<Database>) {
  return {
    settings: new SettingsRepository(db),
    parties: new PartiesRepository(db),
    locations: new LocationsRepository(db),
    stations: new StationsRepository(db),
    tokens: new TokensRepository(db),
    outbox: new OutboxRepository(db),
    frames: new FramesRepository(db),
  };
}

export type Repositories = ReturnType<typeof repositories>;
