import { loadConfig } from '@chargebridge/config';
import { InProcessJobRunner } from '@chargebridge/jobs';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.js';
import { LiveFeed } from '../src/events/live-feed.js';
import type { EventSink } from '../src/events/sse-client.js';
import { build } from '../src/index.js';

const adminToken = 'test-admin-token-events-0123';
let database: TestDatabase;
let app: FastifyInstance;
let baseUrl: string;
let connectorId: number;
let stationId: number;

interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

/** A real streaming reader of `GET /api/v1/events`, collecting parsed messages. */
class EventStream {
  readonly messages: SseMessage[] = [];
  retry: number | undefined;
  comments = 0;
  status = 0;
  contentType = '';
  private readonly abort = new AbortController();
  private done: Promise<void> = Promise.resolve();

  static async open(lastEventId?: string, token = adminToken): Promise<EventStream> {
    const stream = new EventStream();
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (lastEventId) headers['last-event-id'] = lastEventId;
    const response = await fetch(`${baseUrl}/api/v1/events`, { headers, signal: stream.abort.signal });
    stream.status = response.status;
    stream.contentType = response.headers.get('content-type') ?? '';
    if (response.ok && response.body) stream.done = stream.read(response.body.getReader());
    else await response.body?.cancel();
    return stream;
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end !== -1) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  }

  private parse(block: string): void {
    const message: SseMessage = { event: 'message', data: '' };
    let hasData = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments++;
      else if (line.startsWith('retry: ')) this.retry = Number(line.slice(7));
      else if (line.startsWith('id: ')) message.id = line.slice(4);
      else if (line.startsWith('event: ')) message.event = line.slice(7);
      else if (line.startsWith('data: ')) {
        message.data += line.slice(6);
        hasData = true;
      }
    }
    if (hasData) this.messages.push(message);
  }

  /** The data of the events of `type` matching `match`, parsed. */
  events<T = Record<string, unknown>>(type: string, match: (data: T) => boolean = () => true): T[] {
    return this.messages
      .filter((m) => m.event === type)
      .map((m) => JSON.parse(m.data) as T)
      .filter(match);
  }

  /** Waits until an event of `type` matches; resolves with it and how long it took. */
  async next<T = Record<string, unknown>>(
    type: string,
    match: (data: T) => boolean,
    timeoutMs = 2000,
  ): Promise<{ data: T; ms: number }> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      const found = this.events<T>(type, match)[0];
      if (found) return { data: found, ms: Date.now() - started };
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`no ${type} event within ${timeoutMs} ms; got ${this.messages.map((m) => m.event).join(', ')}`);
  }

  get lastId(): string | undefined {
    return this.messages.findLast((m) => m.id)?.id;
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}

const setConnector = (status: string) =>
  database.store.db
    .updateTable('connectors')
    .set({ ocpp_status: status, status_updated_at: new Date(), last_updated: new Date() })
    .where('id', '=', connectorId)
    .execute();

beforeAll(async () => {
  database = await createTestDatabase();
  app = await build({
    config: loadConfig({ DATABASE_URL: database.url }),
    store: database.store,
    runner: new InProcessJobRunner(),
    logger: pino({ level: 'silent' }),
    adminToken,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const db = database.store.db;
  const station = await db
    .insertInto('stations')
    .values({ identity: 'EV-1', country_code: 'NL', party_id: 'CBH', protocol: '2.0.1', online: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  stationId = station.id;
  const evse = await db
    .insertInto('evses')
    .values({ station_id: station.id, ocpp_evse_id: 1, evse_uid: 'EV-1-1', status: 'AVAILABLE' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const connector = await db
    .insertInto('connectors')
    .values({ evse_id: evse.id, ocpp_connector_id: 1, ocpi_connector_id: '1', ocpp_status: 'Available' })
    .returning('id')
    .executeTakeFirstOrThrow();
  connectorId = connector.id;
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('GET /api/v1/events', () => {
  it('needs credentials like every admin route', async () => {
    const stream = await EventStream.open(undefined, 'wrong-token-0123456789');
    expect(stream.status).toBe(401);
  });

  it('streams text/event-stream with retry, a cursor id and the overview first', async () => {
    const stream = await EventStream.open();
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toMatch(/^text\/event-stream/);
      const { data } = await stream.next<{ stations: { total: number } }>('overview', () => true);
      expect(data.stations.total).toBe(1);
      expect(stream.retry).toBe(2000);
      expect(stream.lastId).toMatch(/^v1\./);
    } finally {
      await stream.close();
    }
  });

  it('turns a connector status update in the database into a connector event within 2 s', async () => {
    const stream = await EventStream.open();
    try {
      await stream.next('overview', () => true);
      // The EVSE status the gateway stores with the connector's (StationStateRepository.setConnectorStatus).
      await database.store.db
        .updateTable('evses')
        .set({ status: 'OUTOFORDER' })
        .where('station_id', '=', stationId)
        .execute();
      await setConnector('Faulted');
      const { data, ms } = await stream.next<Record<string, unknown>>('connector', (e) => e.ocpp_status === 'Faulted');
      expect(ms).toBeLessThan(2000);
      expect(data).toMatchObject({
        identity: 'EV-1',
        evse_uid: 'EV-1-1',
        ocpp_evse_id: 1,
        connector_id: '1',
        ocpp_status: 'Faulted',
        evse_status: 'OUTOFORDER',
        worst_status: 'OUTOFORDER',
      });
      expect(typeof data.at).toBe('string');
    } finally {
      await stream.close();
    }
  });

  it('replays a change made while disconnected when the client comes back with Last-Event-ID', async () => {
    const watcher = await EventStream.open(); // keeps the feed polling meanwhile
    const first = await EventStream.open();
    try {
      await first.next('overview', () => true);
      await watcher.next('overview', () => true);
      await new Promise((r) => setTimeout(r, 700)); // a poll or two: `first` holds a recent cursor
      const cursor = first.lastId;
      expect(cursor).toBeDefined();
      await first.close();

      await setConnector('Unavailable');
      // The shared feed has seen (and sent) the change before the client returns.
      await watcher.next('connector', (e) => e.ocpp_status === 'Unavailable');
      const fresh = await EventStream.open();
      const resumed = await EventStream.open(cursor);
      try {
        const { data } = await resumed.next<Record<string, unknown>>(
          'connector',
          (e) => e.ocpp_status === 'Unavailable',
        );
        expect(data.identity).toBe('EV-1');
        // Without a cursor nothing is replayed: the change is older than the fresh client.
        await fresh.next('overview', () => true);
        await new Promise((r) => setTimeout(r, 1200));
        expect(fresh.events('connector', (e) => e.ocpp_status === 'Unavailable')).toEqual([]);
        // Each replayed subject once, and no older live copy afterwards.
        expect(resumed.events('connector').filter((e) => e.connector_id === '1')).toHaveLength(1);
      } finally {
        await resumed.close();
        await fresh.close();
      }
    } finally {
      await watcher.close();
    }
  });

  it('coalesces: rapid updates of one subject arrive as (at most a couple of) the newest states', async () => {
    const stream = await EventStream.open();
    try {
      await stream.next('overview', () => true);
      const statuses = ['Preparing', 'Charging', 'SuspendedEV', 'Charging', 'Finishing', 'Available'];
      for (const status of statuses) await setConnector(status);
      await stream.next('connector', (e) => e.ocpp_status === 'Available');
      await new Promise((r) => setTimeout(r, 600));
      const seen = stream.events('connector').map((e) => e.ocpp_status);
      expect(seen.length).toBeLessThanOrEqual(2);
      expect(seen.at(-1)).toBe('Available');
    } finally {
      await stream.close();
    }
  });

  it('sends station, transaction, command and alert events with their payloads', async () => {
    const stream = await EventStream.open();
    const db = database.store.db;
    try {
      await stream.next('overview', () => true);
      await db
        .updateTable('stations')
        .set({ online: false, updated_at: new Date() })
        .where('id', '=', stationId)
        .execute();
      const tx = await db
        .insertInto('transactions')
        .values({
          station_id: stationId,
          transaction_uid: 'TX-LIVE',
          protocol: '2.0.1',
          ocpp_evse_id: 1,
          started_at: new Date(),
          energy_wh: 1500,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('meter_samples')
        .values([
          {
            station_id: stationId,
            transaction_id: tx.id,
            sampled_at: new Date(),
            measurand: 'Power.Active.Import',
            unit: 'W',
            value: 11000,
          },
          {
            station_id: stationId,
            transaction_id: tx.id,
            sampled_at: new Date(),
            measurand: 'SoC',
            unit: 'Percent',
            value: 42,
            location: 'EV',
          },
        ])
        .execute();
      await db.updateTable('transactions').set({ updated_at: new Date() }).where('id', '=', tx.id).execute();
      await db
        .insertInto('commands')
        .values({
          id: 'cmd-live',
          station_id: stationId,
          action: 'Reset',
          payload: '{}',
          origin: 'admin',
          state: 'accepted',
        })
        .execute();
      const alert = await db
        .insertInto('alerts')
        .values({
          rule: 'connector_faulted',
          subject: 'EV-1/1/1',
          status: 'open',
          message: 'Faulted',
          opened_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      const station = await stream.next('station', (e) => e.identity === 'EV-1' && e.online === false);
      expect(station.data).toMatchObject({ protocol: '2.0.1', worst_status: 'OFFLINE' });
      const transaction = await stream.next('transaction', (e) => e.transaction_id === 'TX-LIVE');
      expect(transaction.data).toMatchObject({
        identity: 'EV-1',
        status: 'active',
        energy_wh: 1500,
        power_w: 11000,
        soc: 42,
        session_id: null,
      });
      const command = await stream.next('command', (e) => e.id === 'cmd-live');
      expect(command.data).toMatchObject({ identity: 'EV-1', action: 'Reset', state: 'accepted' });
      const opened = await stream.next('alert', (e) => e.id === alert.id);
      expect(opened.data).toMatchObject({ rule: 'connector_faulted', subject: 'EV-1/1/1', status: 'open' });
      // The overview counters follow (recomputed every few seconds).
      await stream.next<{ alerts_open: number }>('overview', (e) => e.alerts_open === 1, 5000);
    } finally {
      await stream.close();
    }
  });
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
