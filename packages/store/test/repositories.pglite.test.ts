import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrateToLatest, openStore, type Store } from '../src/index.js';
import { describeRepositoryContract } from './repositories.contract.js';

let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await migrateToLatest(store.db);
});
afterAll(async () => {
  await store.close();
});

it('runs the same migrations on PGlite, and a second run applies nothing', async () => {
  expect(store.dialect).toBe('pglite');
  expect(await migrateToLatest(store.db)).toEqual([]);
});

describeRepositoryContract('PGlite', () => store);
