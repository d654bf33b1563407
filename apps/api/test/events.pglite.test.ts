import { migrateToLatest, openStore, type Store } from '@chargebridge/store';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LiveFeed } from '../src/events/live-feed.js';
import type { EventSink } from '../src/events/sse-client.js';

/** Embedded mode: the same feed on PGlite (one process, one connection). */
let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://' });
  await migrateToLatest(store.db);
});
afterAll(async () => {
  await store.close();
});

class Sink implements EventSink {
  readonly texts: string[] = [];
  isClosed = false;
  private readonly listeners: Array<() => void> = [];
  open(): void {}
  write(text: string): boolean {
    this.texts.push(text);
    return true;
  }
  heartbeat(): void {}
  onClose(listener: () => void): void {
    this.listeners.push(listener);
  }
  close(): void {
    this.isClosed = true;
    for (const l of this.listeners.splice(0)) l();
  }
}

it('streams a connector change and replays it after a reconnect on PGlite', async () => {
  const db = store.db;
  const station = await db
    .insertInto('stations')
    .values({ identity: 'EMB-1', country_code: 'NL', party_id: 'CBH', online: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  const evse = await db
    .insertInto('evses')
    .values({ station_id: station.id, ocpp_evse_id: 1, evse_uid: 'EMB-1-1' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const connector = await db
    .insertInto('connectors')
    .values({ evse_id: evse.id, ocpp_connector_id: 1, ocpi_connector_id: '1', ocpp_status: 'Available' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const feed = new LiveFeed({ db, logger: { warn: () => undefined }, intervalMs: 100 });
  const live = new Sink();
  await feed.subscribe(live);
  const overview = live.texts.find((t) => t.startsWith('id: v1.') && t.includes('event: overview'));
  expect(overview).toBeDefined();
  const cursor = /^id: (\S+)/.exec(overview ?? '')?.[1];

  await db
    .updateTable('connectors')
    .set({ ocpp_status: 'Faulted', last_updated: new Date() })
    .where('id', '=', connector.id)
    .execute();
  const deadline = Date.now() + 2000;
  const faulted = () => live.texts.some((t) => t.includes('event: connector') && t.includes('"ocpp_status":"Faulted"'));
  while (!faulted() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(faulted()).toBe(true);
  live.close();
  expect(feed.polling).toBe(false);

  const back = new Sink();
  await feed.subscribe(back, cursor);
  expect(back.texts.some((t) => t.includes('event: connector') && t.includes('"ocpp_status":"Faulted"'))).toBe(true);
  back.close();
});
