/**
 * The live events endpoint `GET /api/v1/events` over real HTTP: credentials, the stream's shape,
 * connector, station, transaction, command and alert events, replay with Last-Event-ID, coalescing.
 */
import { describe, expect, it } from 'vitest';
import { startedForFile } from '../support/started-for-file.js';
import { startEventsApi } from './events.fixture.js';

const api = startedForFile(startEventsApi);

describe('GET /api/v1/events', () => {
  it('needs credentials like every admin route', async () => {
    const stream = await api.openStream(undefined, 'wrong-token-0123456789');
    expect(stream.status).toBe(401);
  });

  it('streams text/event-stream with retry, a cursor id and the overview first', async () => {
    const stream = await api.openStream();
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
    const stream = await api.openStream();
    try {
      await stream.next('overview', () => true);
      // The EVSE status the gateway stores with the connector's (StationStateRepository.setConnectorStatus).
      await api.database.store.db
        .updateTable('evses')
        .set({ status: 'OUTOFORDER' })
        .where('station_id', '=', api.stationId)
        .execute();
      await api.setConnector('Faulted');
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
    const watcher = await api.openStream(); // keeps the feed polling meanwhile
    const first = await api.openStream();
    try {
      await first.next('overview', () => true);
      await watcher.next('overview', () => true);
      await new Promise((r) => setTimeout(r, 700)); // a poll or two: `first` holds a recent cursor
      const cursor = first.lastId;
      expect(cursor).toBeDefined();
      await first.close();

      await api.setConnector('Unavailable');
      // The shared feed has seen (and sent) the change before the client returns.
      await watcher.next('connector', (e) => e.ocpp_status === 'Unavailable');
      const fresh = await api.openStream();
      const resumed = await api.openStream(cursor);
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
    const stream = await api.openStream();
    try {
      await stream.next('overview', () => true);
      const statuses = ['Preparing', 'Charging', 'SuspendedEV', 'Charging', 'Finishing', 'Available'];
      for (const status of statuses) await api.setConnector(status);
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
    const stream = await api.openStream();
    const db = api.database.store.db;
    try {
      await stream.next('overview', () => true);
      await db
        .updateTable('stations')
        .set({ online: false, updated_at: new Date() })
        .where('id', '=', api.stationId)
        .execute();
      const tx = await db
        .insertInto('transactions')
        .values({
          station_id: api.stationId,
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
            station_id: api.stationId,
            transaction_id: tx.id,
            sampled_at: new Date(),
            measurand: 'Power.Active.Import',
            unit: 'W',
            value: 11000,
          },
          {
            station_id: api.stationId,
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
          station_id: api.stationId,
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
