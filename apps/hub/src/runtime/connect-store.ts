import type { Config } from '@chargebridge/config';
import { MigrationError, migrateToLatest, openStore, type Store } from '@chargebridge/store';
import { sql } from 'kysely';
import { CliError } from '../cli/cli-error.js';

/** A URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Opens the configured store, proves it answers, and optionally migrates; failures become one line. */
export async function connectStore(config: Config, options: { migrate: boolean }): Promise<Store> {
  let store: Store;
  try {
    store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    await sql`select 1`.execute(store.db);
  } catch (error) {
    const where = config.databaseUrl ? `DATABASE_URL ${redactUrl(config.databaseUrl)}` : `DATA_DIR ${config.dataDir}`;
    throw new CliError(
      `cannot open the database at ${where}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (options.migrate) {
    try {
      await migrateToLatest(store.db);
    } catch (error) {
      await store.close().catch(() => undefined);
      throw new CliError(error instanceof MigrationError ? error.message : `migration failed: ${String(error)}`);
    }
  }
  return store;
}
