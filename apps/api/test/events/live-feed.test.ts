/** The shared live feed behind the events endpoint: polling while clients listen, heartbeats, bursts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database.js';
import { LiveFeed } from '../../src/events/live-feed.js';
import type { EventSink } from '../../src/events/sse-client.js';
import { seedEventStation } from './events.fixture.js';

let database: TestDatabase;
let stationId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ stationId } = await seedEventStation(database.store));
});
afterAll(async () => {
  await database?.drop();
});

/** A sink that records what the feed writes. */
class RecordingSink implements EventSink {
  readonly texts: string[] = [];
  isClosed = false;
  private readonly listeners: Array<() => void> = [];
  open(): void {
    this.texts.push('retry: 2000\n\n');
  }
  write(text: string): boolean {
    if (this.isClosed) return false;
    this.texts.push(text);
    return true;
  }
  heartbeat(): void {
    this.write(': keepalive\n\n');
  }
  onClose(listener: () => void): void {
    this.listeners.push(listener);
  }
  close(): void {
    this.isClosed = true;
    for (const l of this.listeners.splice(0)) l();
  }
}

describe('LiveFeed', () => {
  it('polls only while clients listen, sends heartbeats, and lets go of clients that leave', async () => {
    const feed = new LiveFeed({
      db: database.store.db,
      logger: { warn: () => undefined },
      intervalMs: 50,
      heartbeatMs: 100,
    });
    expect(feed.polling).toBe(false);
    const a = new RecordingSink();
    const b = new RecordingSink();
    await feed.subscribe(a);
    await feed.subscribe(b);
    expect(feed.clientCount).toBe(2);
    expect(feed.polling).toBe(true);
    await new Promise((r) => setTimeout(r, 250));
    expect(a.texts.filter((t) => t.startsWith(': keepalive')).length).toBeGreaterThanOrEqual(1);
    a.close();
    expect(feed.clientCount).toBe(1);
    expect(feed.polling).toBe(true);
    b.close();
    expect(feed.clientCount).toBe(0);
    expect(feed.polling).toBe(false);
    const written = b.texts.length;
    await new Promise((r) => setTimeout(r, 200));
    expect(b.texts.length).toBe(written);
  });

  it('keeps up with a burst larger than one poll, each row once', async () => {
    const db = database.store.db;
    const feed = new LiveFeed({ db, logger: { warn: () => undefined }, intervalMs: 50, batchSize: 20, maxPages: 2 });
    const sink = new RecordingSink();
    await feed.subscribe(sink);
    try {
      const evse = await db
        .insertInto('evses')
        .values({ station_id: stationId, ocpp_evse_id: 9, evse_uid: 'EV-1-9' })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('connectors')
        .values(
          Array.from({ length: 150 }, (_, i) => ({
            evse_id: evse.id,
            ocpp_connector_id: 100 + i,
            ocpi_connector_id: String(100 + i),
            ocpp_status: 'Available',
          })),
        )
        .execute();
      const started = Date.now();
      const burst = () =>
        sink.texts.filter((t) => t.includes('event: connector') && t.includes('"evse_uid":"EV-1-9"')).length;
      while (burst() < 150 && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 25));
      await new Promise((r) => setTimeout(r, 200));
      expect(burst()).toBe(150);
    } finally {
      sink.close();
    }
  });
});
