import { execFileSync } from 'node:child_process';
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest, openStore } from '../../packages/store/src/index.js';
import { startThrowawayPostgres, type ThrowawayService } from './throwaway-postgres.js';
import { startThrowawayRedis } from './throwaway-redis.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string;
    templateDatabase: string;
    redisUrl: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Owns the test services: TEST_DATABASE_URL / TEST_REDIS_URL when given, otherwise a throwaway
 * PostgreSQL and redis-server. Migrates once into a template database that each test file copies.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The API serves the built dashboard; build it once here when its sources changed.
  execFileSync(process.execPath, ['scripts/build-dashboard.mjs'], { stdio: 'inherit' });
  const owned: ThrowawayService[] = [];
  const own = async (start: () => Promise<ThrowawayService>): Promise<string> => {
    const service = await start();
    owned.push(service);
    return service.url;
  };
  const adminUrl: string = process.env.TEST_DATABASE_URL || (await own(startThrowawayPostgres));
  const redisUrl: string = process.env.TEST_REDIS_URL || (await own(startThrowawayRedis));

  const template = `cb_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const store = await openStore({ databaseUrl: withDatabase(adminUrl, template) });
  await migrateToLatest(store.db);
  await store.close();
  await admin.end();

  project.provide('databaseAdminUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('redisUrl', redisUrl);

  return async () => {
    if (process.env.TEST_DATABASE_URL) {
      const cleanup = new Client({ connectionString: adminUrl });
      await cleanup.connect();
      const { rows } = await cleanup.query<{ datname: string }>(
        `select datname from pg_database where datname like $1`,
        [`cb_%_${process.pid}%`],
      );
      for (const { datname } of rows) await cleanup.query(`drop database if exists ${datname} with (force)`);
      await cleanup.end();
    }
    for (const service of owned.reverse()) await service.stop();
  };
}
