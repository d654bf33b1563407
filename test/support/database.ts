import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { inject } from 'vitest';
import { openStore, type Store } from '../../packages/store/src/index.js';

export interface TestDatabase {
  /** URL of this test file's own database, copied from the migrated template. */
  url: string;
  store: Store;
  /** Closes the store and drops the database. */
  drop(): Promise<void>;
}

/** A fresh, migrated PostgreSQL database for one test file (`CREATE DATABASE … TEMPLATE`). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('databaseAdminUrl');
  const template = inject('templateDatabase');
  const name = `${template.replace('cb_template_', 'cb_test_')}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  return {
    url: url.toString(),
    store,
    drop: async () => {
      await store.close();
      const cleanup = new Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** The test run's Redis URL and a prefix no other test uses (BullMQ keys). */
export function testRedis(): { url: string; prefix: string } {
  return { url: inject('redisUrl'), prefix: `cbtest-${randomBytes(4).toString('hex')}` };
}
