import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { repositories, type Store } from '../src/index.js';

/** The same repository behaviour, asserted on whichever store `getStore` returns. */
export function describeRepositoryContract(name: string, getStore: () => Store): void {
  describe(`repositories on ${name}`, () => {
    it('upserts a hosted party and reports whether it was new', async () => {
      const r = repositories(getStore().db);
      expect((await r.parties.upsertHosted('NL', 'AAA', 'Alpha', ['CPO'])).created).toBe(true);
      expect((await r.parties.upsertHosted('NL', 'AAA', 'Alpha Charging', ['CPO'])).created).toBe(false);
      const party = await r.parties.find('NL', 'AAA');
      expect(party?.name).toBe('Alpha Charging');
      expect(party?.roles).toEqual(['CPO']);
    });

    it('keeps the first writer of a setting', async () => {
      const r = repositories(getStore().db);
      expect(await r.settings.getOrInit('admin_token', 'first')).toBe('first');
      expect(await r.settings.getOrInit('admin_token', 'second')).toBe('first');
    });

    it('creates stations with EVSEs and connectors once, and flushes last-seen in bulk', async () => {
      const r = repositories(getStore().db);
      const { row: station, created } = await r.stations.upsert({
        identity: 'CS-1',
        country_code: 'NL',
        party_id: 'AAA',
      });
      expect(created).toBe(true);
      expect(typeof station.id).toBe('number');
      const evse = await r.stations.ensureEvse(station.id, 1, 'NL*AAA*E1');
      const again = await r.stations.ensureEvse(station.id, 1, 'ignored');
      expect(again.id).toBe(evse.id);
      expect(again.evse_uid).toBe('NL*AAA*E1');
      const connector = await r.stations.ensureConnector(evse.id, 1);
      expect(connector.ocpi_connector_id).toBe('1');
      const seenAt = new Date('2026-01-02T03:04:05.000Z');
      await r.stations.touchMany([{ id: station.id, at: seenAt }]);
      expect((await r.stations.findByIdentity('CS-1'))?.last_seen_at?.toISOString()).toBe(seenAt.toISOString());
    });

    it('orders connects and disconnects that commit out of order', async () => {
      const r = repositories(getStore().db);
      const { row } = await r.stations.upsert({ identity: 'CS-RACE', country_code: 'NL', party_id: 'AAA' });
      const at = (time: string) => new Date(`2026-11-26T${time}Z`);
      // The boot's batch commits before the connect's: the connect still lands.
      await r.stationState.recordBoot(row.id, {}, at('10:00:01'));
      await r.stations.markConnected(row.id, '2.0.1', 'node-a', at('10:00:00'));
      expect((await r.stations.findByIdentity('CS-RACE'))?.online).toBe(true);
      // A disconnect commits, then a connect from before it: the station stays offline.
      await r.stations.markDisconnected(row.id, 'node-a', at('10:01:00'));
      await r.stations.markConnected(row.id, '2.0.1', 'node-a', at('10:00:59'));
      const station = await r.stations.findByIdentity('CS-RACE');
      expect(station?.online).toBe(false);
      expect(station?.last_seen_at?.toISOString()).toBe(at('10:01:00').toISOString());
      // A real reconnect.
      await r.stations.markConnected(row.id, '2.0.1', 'node-a', at('10:05:00'));
      expect((await r.stations.findByIdentity('CS-RACE'))?.online).toBe(true);
    });

    it('resolves tokens by uid, local before roaming', async () => {
      const r = repositories(getStore().db);
      const base = { uid: 'ABC123', type: 'RFID', contractId: 'C1', valid: true, data: {}, lastUpdated: new Date() };
      await r.tokens.upsert({
        ...base,
        countryCode: 'DE',
        partyId: 'EMP',
        source: 'roaming',
        partnerId: null,
        whitelist: 'ALLOWED',
      });
      await r.tokens.upsert({
        ...base,
        countryCode: 'NL',
        partyId: 'AAA',
        source: 'local',
        partnerId: null,
        whitelist: 'ALWAYS',
      });
      const found = await r.tokens.findByUid('ABC123');
      expect(found.map((t) => t.source)).toEqual(['local', 'roaming']);
    });

    it('hands each outbox row to one claimer and forgets relayed rows on prune', async () => {
      const { db } = getStore();
      const r = repositories(db);
      await r.outbox.add([
        { topic: 't', jobKey: 'k1', payload: { n: 1 } },
        { topic: 't', jobKey: 'k2', payload: { n: 2 } },
      ]);
      const claimed = await db.transaction().execute(async (trx) => {
        const rows = await repositories(trx).outbox.claimBatch(10);
        await repositories(trx).outbox.markRelayed(
          rows.map((row) => row.id),
          new Date(),
        );
        return rows;
      });
      expect(claimed.map((row) => row.payload)).toEqual([{ n: 1 }, { n: 2 }]);
      expect(await r.outbox.pendingCount()).toBe(0);
      expect(await r.outbox.pruneRelayed(new Date(Date.now() + 1000))).toBe(2);
    });

    it('refuses to change a CDR once written', async () => {
      const { db } = getStore();
      await db
        .insertInto('cdrs')
        .values({
          country_code: 'NL',
          party_id: 'AAA',
          cdr_id: 'CDR-1',
          currency: 'EUR',
          total_cost_excl_vat: '1.2345',
          total_energy_kwh: '10.5',
          start_date_time: new Date(),
          end_date_time: new Date(),
          data: JSON.stringify({ id: 'CDR-1' }),
        })
        .execute();
      const row = await db.selectFrom('cdrs').select(['total_cost_excl_vat', 'id']).executeTakeFirstOrThrow();
      expect(row.total_cost_excl_vat).toBe('1.2345');
      await expect(sql`update cdrs set currency = 'USD'`.execute(db)).rejects.toThrow(/immutable/);
      await expect(db.deleteFrom('cdrs').execute()).rejects.toThrow(/immutable/);
    });

    it('appends and pages the frame log, pruning by time', async () => {
      const r = repositories(getStore().db);
      const old = new Date('2020-01-01T00:00:00Z');
      await r.frames.append([
        { station_identity: 'CS-9', direction: 'in', raw: '[2,"1","Heartbeat",{}]', at: old },
        { station_identity: 'CS-9', direction: 'out', raw: '[3,"1",{}]' },
      ]);
      const page = await r.frames.listForStation('CS-9', 10);
      expect(page.map((f) => f.direction)).toEqual(['out', 'in']);
      expect(await r.frames.pruneBefore(new Date('2021-01-01T00:00:00Z'))).toBe(1);
    });

    it('recomputes the energy of several transactions in one statement, by sample time', async () => {
      const r = repositories(getStore().db);
      await r.parties.upsertHosted('NL', 'AAA', 'Alpha', ['CPO']);
      const { row: station } = await r.stations.upsert({ identity: 'CS-E', country_code: 'NL', party_id: 'AAA' });
      const a = (await r.transactions.ensure(station.id, 'A', '2.0.1')).row;
      const b = (await r.transactions.ensure(station.id, 'B', '2.0.1')).row;
      const c = (await r.transactions.ensure(station.id, 'C', '2.0.1')).row;
      await r.transactions.update(b.id, { meter_start_wh: 1000 });
      const sample = (
        transactionId: number,
        minute: number,
        value: number,
        measurand = 'Energy.Active.Import.Register',
      ) => ({
        station_id: station.id,
        transaction_id: transactionId,
        ocpp_evse_id: 1,
        sampled_at: new Date(Date.UTC(2026, 0, 1, 10, minute)),
        measurand,
        unit: 'Wh',
        value,
      });
      // Arrived out of order; a power reading is not a register.
      await r.meterSamples.append([
        sample(a.id, 9, 5000),
        sample(a.id, 1, 2000),
        sample(a.id, 5, 9999, 'Power.Active.Import'),
        sample(b.id, 3, 1600),
      ]);
      const before = (await r.transactions.findById(c.id))!.updated_at;
      await r.transactions.refreshEnergy([c.id, a.id, b.id], new Date('2030-01-01T00:00:00Z'));
      expect((await r.transactions.findById(a.id))?.energy_wh).toBe(3000);
      expect((await r.transactions.findById(b.id))?.energy_wh).toBe(600);
      // No readings: 0, and the unchanged row is not rewritten.
      const untouched = await r.transactions.findById(c.id);
      expect(untouched?.energy_wh).toBe(0);
      expect(untouched?.updated_at).toEqual(before);
    });
  });
}
