import { migrateToLatest, openStore, type Store } from '@chargebridge/store';
import { pino } from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AlertEngine } from '../src/alerts/alert-engine.js';

/** Embedded mode: one process, so the engine always evaluates (no advisory lock needed). */
let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await migrateToLatest(store.db);
});
afterAll(async () => {
  await store.close();
});

it('evaluates on PGlite: a Faulted connector opens, recovering resolves', async () => {
  const db = store.db;
  const station = await db
    .insertInto('stations')
    .values({ identity: 'EMB-A', country_code: 'NL', party_id: 'CBH', online: true, last_seen_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const evse = await db
    .insertInto('evses')
    .values({ station_id: station.id, ocpp_evse_id: 1, evse_uid: 'EMB-A-1' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('connectors')
    .values({ evse_id: evse.id, ocpp_connector_id: 1, ocpi_connector_id: '1', ocpp_status: 'Faulted' })
    .execute();
  const thresholds = { offlineMinutes: 5, noMeterValuesMinutes: 15, commandStuckSeconds: 120, pushFailures: 3 };
  const first = new AlertEngine({ store, thresholds, logger: pino({ level: 'silent' }) });
  const second = new AlertEngine({ store, thresholds, logger: pino({ level: 'silent' }) });
  try {
    const result = await first.evaluate();
    expect(result).toMatchObject({ evaluated: true, rules: { connector_faulted: { opened: 1 } } });
    expect((await second.evaluate()).evaluated).toBe(true);
    await db.updateTable('connectors').set({ ocpp_status: 'Available' }).execute();
    expect(await first.evaluate()).toMatchObject({ rules: { connector_faulted: { resolved: 1 } } });
    const alerts = await db.selectFrom('alerts').select(['rule', 'subject', 'status']).execute();
    expect(alerts).toEqual([{ rule: 'connector_faulted', subject: 'EMB-A/1/1', status: 'resolved' }]);
  } finally {
    await first.stop();
    await second.stop();
  }
});
