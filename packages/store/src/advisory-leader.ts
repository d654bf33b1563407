import { type Kysely, sql } from 'kysely';
import type { Store } from './connection.js';
import type { Database } from './database.js';

/**
 * "Only one process does this" across the processes sharing one database. On PostgreSQL a
 * session-level advisory lock (`pg_try_advisory_lock`) held on one pooled connection for as
 * long as this process leads: if the process dies its session ends and the lock frees itself,
 * and another process takes over at its next `acquire()`. PGlite is one process, so it always
 * leads.
 */
export interface AdvisoryLeader {
  /** The handle to work with while this process leads (the lock's connection), else undefined. */
  acquire(): Promise<Kysely<Database> | undefined>;
  /** Whether this process held the lock at the last `acquire()`. */
  readonly leading: boolean;
  /** Gives the lock (and its connection) back; the next `acquire()` competes again. */
  release(): Promise<void>;
}

/** A leader for the lock `key` (a 64-bit integer every process of the role agrees on). */
export function advisoryLeader(store: Store, key: bigint): AdvisoryLeader {
  return store.dialect === 'pglite' ? new SoleLeader(store.db) : new PostgresAdvisoryLeader(store.db, key);
}

class SoleLeader implements AdvisoryLeader {
  leading = false;
  constructor(private readonly db: Kysely<Database>) {}
  async acquire(): Promise<Kysely<Database>> {
    this.leading = true;
    return this.db;
  }
  async release(): Promise<void> {
    this.leading = false;
  }
}

interface HeldLock {
  db: Kysely<Database>;
  /** Ends the connection scope: unlocks and returns the connection to the pool. */
  letGo(): void;
  /** Settles once the connection is back in the pool. */
  finished: Promise<void>;
}

class PostgresAdvisoryLeader implements AdvisoryLeader {
  private held: HeldLock | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly key: bigint,
  ) {}

  get leading(): boolean {
    return this.held !== undefined;
  }

  acquire(): Promise<Kysely<Database> | undefined> {
    if (this.held) return Promise.resolve(this.held.db);
    return new Promise((resolve, reject) => {
      let letGo!: () => void;
      const released = new Promise<void>((r) => {
        letGo = r;
      });
      let settled = false;
      const finished = this.db
        .connection()
        .execute(async (conn) => {
          const { rows } = await sql<{ locked: boolean }>`
            select pg_try_advisory_lock(${this.key.toString()}::bigint) as locked`.execute(conn);
          settled = true;
          if (!rows[0]?.locked) {
            resolve(undefined);
            return;
          }
          this.held = { db: conn, letGo, finished };
          resolve(conn);
          await released;
          await sql`select pg_advisory_unlock(${this.key.toString()}::bigint)`.execute(conn).catch(() => undefined);
        })
        .catch((error: unknown) => {
          if (!settled) reject(error);
        })
        .finally(() => {
          if (this.held?.finished === finished) this.held = undefined;
        });
    });
  }

  async release(): Promise<void> {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    held.letGo();
    await held.finished;
  }
}
