import type { AlertRuleThresholds } from '@chargebridge/domain';
import { AlertsRepository, type Store } from '@chargebridge/store';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { AlertEngine } from '../src/alerts/alert-engine.js';

const thresholds: AlertRuleThresholds = {
  offlineMinutes: 5,
  noMeterValuesMinutes: 15,
  commandStuckSeconds: 120,
  pushFailures: 3,
};
const logger = pino({ level: 'silent' });
const minutes = (n: number) => n * 60_000;

let database: TestDatabase;
let store: Store;
let engine: AlertEngine;

beforeAll(async () => {
  database = await createTestDatabase();
  store = database.store;
  engine = new AlertEngine({ store, thresholds, logger });
});
afterAll(async () => {
  await engine.stop();
  await database.drop();
});

/** A station with one EVSE and one connector; returns the row ids. */
async function aStation(identity: string, changes: { online?: boolean; lastSeenAt?: Date | null } = {}) {
  const station = await store.db
    .insertInto('stations')
    .values({
      identity,
      country_code: 'NL',
      party_id: 'CBH',
      protocol: '2.0.1',
      online: changes.online ?? true,
      last_seen_at: changes.lastSeenAt === undefined ? new Date() : changes.lastSeenAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const evse = await store.db
    .insertInto('evses')
    .values({ station_id: station.id, ocpp_evse_id: 1, evse_uid: `${identity}-1` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const connector = await store.db
    .insertInto('connectors')
    .values({ evse_id: evse.id, ocpp_connector_id: 1, ocpi_connector_id: '1', ocpp_status: 'Available' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { stationId: station.id, evseId: evse.id, connectorId: connector.id };
}

async function alertsOf(rule: string, subject: string) {
  return store.db
    .selectFrom('alerts')
    .selectAll()
    .where('rule', '=', rule)
    .where('subject', '=', subject)
    .orderBy('id')
    .execute();
}

async function evaluate(at = new Date()) {
  const result = await engine.evaluate(at);
  expect(result.evaluated).toBe(true);
  return result;
}

describe('alert rules', () => {
  it('opens connector_faulted at once and resolves it when the connector recovers', async () => {
    const { connectorId } = await aStation('AL-FAULT');
    await evaluate();
    expect(await alertsOf('connector_faulted', 'AL-FAULT/1/1')).toEqual([]);

    await store.db
      .updateTable('connectors')
      .set({ ocpp_status: 'Faulted', ocpp_error_code: 'GroundFailure', status_updated_at: new Date() })
      .where('id', '=', connectorId)
      .execute();
    await evaluate();
    const [opened] = await alertsOf('connector_faulted', 'AL-FAULT/1/1');
    expect(opened).toMatchObject({ status: 'open', severity: 'critical' });
    expect(opened?.opened_at).toBeInstanceOf(Date);
    expect(opened?.message).toContain('GroundFailure');

    await store.db.updateTable('connectors').set({ ocpp_status: 'Available' }).where('id', '=', connectorId).execute();
    await evaluate();
    const [resolved] = await alertsOf('connector_faulted', 'AL-FAULT/1/1');
    expect(resolved).toMatchObject({ id: opened?.id, status: 'resolved' });
    expect(resolved?.resolved_at).toBeInstanceOf(Date);
  });

  it('keeps station_offline pending for its debounce, then opens it; reconnecting resolves it', async () => {
    const wentOffline = new Date(Date.now() - minutes(1));
    const { stationId } = await aStation('AL-OFFLINE', { online: false, lastSeenAt: wentOffline });
    await evaluate(new Date(wentOffline.getTime() + minutes(2)));
    expect(await alertsOf('station_offline', 'AL-OFFLINE')).toMatchObject([{ status: 'pending', opened_at: null }]);

    await evaluate(new Date(wentOffline.getTime() + minutes(5) + 1000));
    expect(await alertsOf('station_offline', 'AL-OFFLINE')).toMatchObject([{ status: 'open' }]);

    await store.db.updateTable('stations').set({ online: true }).where('id', '=', stationId).execute();
    await evaluate(new Date(wentOffline.getTime() + minutes(6)));
    expect(await alertsOf('station_offline', 'AL-OFFLINE')).toMatchObject([{ status: 'resolved' }]);
  });

  it('drops a pending alert whose condition clears inside the debounce (a blip is no alert)', async () => {
    const { stationId } = await aStation('AL-BLIP', { online: false, lastSeenAt: new Date() });
    await evaluate();
    expect(await alertsOf('station_offline', 'AL-BLIP')).toMatchObject([{ status: 'pending' }]);
    await store.db.updateTable('stations').set({ online: true }).where('id', '=', stationId).execute();
    await evaluate();
    expect(await alertsOf('station_offline', 'AL-BLIP')).toEqual([]);
  });

  it('does not alert on stations that never connected', async () => {
    await aStation('AL-NEVER', { online: false, lastSeenAt: null });
    await evaluate();
    expect(await alertsOf('station_offline', 'AL-NEVER')).toEqual([]);
  });

  it('opens no_meter_values for a charging transaction silent for N minutes; a sample resolves it', async () => {
    const { stationId } = await aStation('AL-SILENT');
    const started = new Date(Date.now() - minutes(20));
    const tx = await store.db
      .insertInto('transactions')
      .values({
        station_id: stationId,
        transaction_uid: 'TX-SILENT',
        protocol: '2.0.1',
        ocpp_evse_id: 1,
        charging_state: 'Charging',
        started_at: started,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sample = (at: Date) =>
      store.db
        .insertInto('meter_samples')
        .values({
          station_id: stationId,
          transaction_id: tx.id,
          ocpp_evse_id: 1,
          sampled_at: at,
          measurand: 'Power.Active.Import',
          unit: 'W',
          value: 7000,
        })
        .execute();
    await sample(new Date(started.getTime() + minutes(1)));
    await evaluate();
    const [opened] = await alertsOf('no_meter_values', 'AL-SILENT/TX-SILENT');
    expect(opened).toMatchObject({ status: 'open', severity: 'warning' });

    await sample(new Date());
    await evaluate();
    expect(await alertsOf('no_meter_values', 'AL-SILENT/TX-SILENT')).toMatchObject([{ status: 'resolved' }]);
  });

  it('ignores a transaction that is not charging (suspended, or a 1.6 connector not in Charging)', async () => {
    const { stationId } = await aStation('AL-IDLE');
    await store.db
      .insertInto('transactions')
      .values({
        station_id: stationId,
        transaction_uid: 'TX-IDLE',
        protocol: '1.6',
        ocpp_evse_id: 1,
        started_at: new Date(Date.now() - minutes(60)),
      })
      .execute();
    await evaluate();
    expect(await alertsOf('no_meter_values', 'AL-IDLE/TX-IDLE')).toEqual([]);
    // 1.6: the connector says Charging → the same transaction is now silent while charging.
    await sql`update connectors set ocpp_status = 'Charging' where evse_id in
      (select id from evses where station_id = ${stationId})`.execute(store.db);
    await evaluate();
    expect(await alertsOf('no_meter_values', 'AL-IDLE/TX-IDLE')).toMatchObject([{ status: 'open' }]);
  });

  it('opens command_stuck past the deadline or after N seconds, and resolves it once answered', async () => {
    const { stationId } = await aStation('AL-CMD');
    const now = Date.now();
    await store.db
      .insertInto('commands')
      .values([
        { id: 'cmd-old', station_id: stationId, action: 'Reset', payload: '{}', origin: 'admin', state: 'sent' },
        {
          id: 'cmd-late',
          station_id: stationId,
          action: 'UnlockConnector',
          payload: '{}',
          origin: 'admin',
          state: 'queued',
          created_at: new Date(now - 10_000),
          deadline_at: new Date(now - 1000),
        },
        {
          id: 'cmd-fresh',
          station_id: stationId,
          action: 'Reset',
          payload: '{}',
          origin: 'admin',
          state: 'sent',
          deadline_at: new Date(now + 60_000),
        },
      ])
      .execute();
    await sql`update commands set created_at = now() - interval '5 minutes' where id = 'cmd-old'`.execute(store.db);
    await evaluate();
    expect(await alertsOf('command_stuck', 'cmd-old')).toMatchObject([{ status: 'open' }]);
    expect(await alertsOf('command_stuck', 'cmd-late')).toMatchObject([{ status: 'open' }]);
    expect(await alertsOf('command_stuck', 'cmd-fresh')).toEqual([]);

    await store.db.updateTable('commands').set({ state: 'accepted' }).where('id', '=', 'cmd-old').execute();
    await evaluate();
    expect(await alertsOf('command_stuck', 'cmd-old')).toMatchObject([{ status: 'resolved' }]);
    expect(await alertsOf('command_stuck', 'cmd-late')).toMatchObject([{ status: 'open' }]);
  });

  it('opens partner_push_failures after N consecutive failures (across modules); a success resolves it', async () => {
    await store.db.insertInto('partners').values({ id: 'emsp-1', name: 'eMSP One', direction: 'outbound' }).execute();
    let at = Date.now() - minutes(10);
    const attempt = (ok: boolean, module = 'sessions') => {
      at += 1000;
      return store.db
        .insertInto('push_attempts')
        .values({
          partner_id: 'emsp-1',
          module,
          object_key: `k-${at}`,
          method: 'PUT',
          ok,
          http_status: ok ? 200 : 500,
          error: ok ? null : 'HTTP 500',
          at: new Date(at),
        })
        .execute();
    };
    await attempt(true);
    await attempt(false, 'sessions');
    await attempt(false, 'cdrs');
    await evaluate();
    expect(await alertsOf('partner_push_failures', 'emsp-1')).toEqual([]);

    await attempt(false, 'locations');
    await evaluate();
    const [opened] = await alertsOf('partner_push_failures', 'emsp-1');
    expect(opened).toMatchObject({ status: 'open', severity: 'critical' });
    expect(opened?.message).toContain('eMSP One');
    expect(opened?.details).toMatchObject({ failures: 3, last_http_status: 500 });

    await attempt(true, 'cdrs');
    await evaluate();
    expect(await alertsOf('partner_push_failures', 'emsp-1')).toMatchObject([{ status: 'resolved' }]);
  });
});

describe('alert lifecycle', () => {
  it('acknowledges an open alert, resolves it when the condition clears, and opens a new row next time', async () => {
    const { connectorId } = await aStation('AL-ACK');
    const setStatus = (status: string) =>
      store.db.updateTable('connectors').set({ ocpp_status: status }).where('id', '=', connectorId).execute();
    const alerts = new AlertsRepository(store.db);

    await setStatus('Faulted');
    await evaluate();
    const [opened] = await alertsOf('connector_faulted', 'AL-ACK/1/1');
    const acked = await alerts.acknowledge(opened!.id, 'alice', new Date());
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledged_by: 'alice' });
    // Acknowledging twice changes nothing; the engine leaves an acknowledged alert alone.
    expect(await alerts.acknowledge(opened!.id, 'bob', new Date())).toMatchObject({ acknowledged_by: 'alice' });
    await evaluate();
    expect(await alertsOf('connector_faulted', 'AL-ACK/1/1')).toMatchObject([{ status: 'acknowledged' }]);

    await setStatus('Available');
    await evaluate();
    expect(await alertsOf('connector_faulted', 'AL-ACK/1/1')).toMatchObject([{ status: 'resolved' }]);

    await setStatus('Faulted');
    await evaluate();
    const rows = await alertsOf('connector_faulted', 'AL-ACK/1/1');
    expect(rows.map((r) => r.status)).toEqual(['resolved', 'open']);
    expect(rows[1]?.id).toBeGreaterThan(rows[0]!.id);
  });

  it('lists alerts newest first with keyset paging and filters', async () => {
    const alerts = new AlertsRepository(store.db);
    const all = await alerts.list({ limit: 100 });
    expect(all.length).toBeGreaterThan(3);
    expect(all.every((a) => a.status !== 'pending')).toBe(true);
    const page1 = await alerts.list({ limit: 2 });
    const page2 = await alerts.list({ limit: 2, beforeId: page1[1]!.id });
    expect(page2[0]!.id).toBeLessThan(page1[1]!.id);
    const resolved = await alerts.list({ limit: 100, status: 'resolved', rule: 'connector_faulted' });
    expect(resolved.length).toBeGreaterThan(0);
    expect(resolved.every((a) => a.status === 'resolved' && a.rule === 'connector_faulted')).toBe(true);
  });
});

describe('one evaluator', () => {
  it('lets only the advisory lock holder evaluate, and another take over when it stops', async () => {
    const first = new AlertEngine({ store, thresholds, logger });
    const second = new AlertEngine({ store, thresholds, logger });
    try {
      // `engine` (above) holds the lock from the earlier tests: nobody else may evaluate.
      expect((await first.evaluate()).evaluated).toBe(false);
      await engine.stop();
      expect((await first.evaluate()).evaluated).toBe(true);
      expect(first.leading).toBe(true);
      expect((await second.evaluate()).evaluated).toBe(false);
      expect((await first.evaluate()).evaluated).toBe(true);
      await first.stop();
      expect((await second.evaluate()).evaluated).toBe(true);
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('running on its timer, turns a Faulted connector into an open alert within 2 s', async () => {
    const ticking = new AlertEngine({ store, thresholds, logger, intervalMs: 200 });
    const { connectorId } = await aStation('AL-LIVE');
    ticking.start();
    try {
      const changedAt = Date.now();
      await store.db.updateTable('connectors').set({ ocpp_status: 'Faulted' }).where('id', '=', connectorId).execute();
      let open = false;
      while (!open && Date.now() - changedAt < 2000) {
        await new Promise((r) => setTimeout(r, 50));
        open = (await alertsOf('connector_faulted', 'AL-LIVE/1/1')).some((a) => a.status === 'open');
      }
      expect(open).toBe(true);
    } finally {
      await ticking.stop();
    }
  });
});
