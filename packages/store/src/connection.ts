import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

/** A connected store: the Kysely handle plus what it runs on. */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: 'postgres' | 'pglite';
  /** Closes every connection (pool or PGlite instance). */
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL URL; without it the store is PGlite in `dataDir`. */
  databaseUrl?: string;
  /** Directory for PGlite's files (embedded mode). `memory://` keeps it in memory. */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

const INT8_OID = 20;

/** Opens PostgreSQL (server mode) or PGlite (embedded mode) behind the same Kysely types. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.maxConnections ?? 10);
  return openPglite(options.dataDir ?? './data');
}

function openPostgres(connectionString: string, max: number): Store {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    // Ids are bigserial; they stay well below 2^53, so read them as numbers as PGlite does.
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', close: () => db.destroy() };
}

async function openPglite(dataDir: string): Promise<Store> {
  const [{ PGlite }, { PGliteDialect }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('kysely-pglite-dialect'),
  ]);
  const location = dataDir === 'memory://' ? undefined : resolve(dataDir, 'pglite');
  if (location) mkdirSync(location, { recursive: true });
  const pglite = location ? new PGlite(location) : new PGlite();
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    dialect: 'pglite',
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
