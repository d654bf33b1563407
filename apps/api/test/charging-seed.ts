import { runCdrCreate, syncSession } from '@chargebridge/bridge';
import { type NewMeterSample, repositories, type Store } from '@chargebridge/store';

/**
 * A tariff with a local-time element: energy is 0.20/kWh from 00:00 to 07:00 in the location's
 * zone (Europe/Amsterdam), 0.25 otherwise; a 0.50 start fee and 6.00/h parking; 21 % VAT.
 */
export const TARIFF = {
  country_code: 'NL',
  party_id: 'CPO',
  id: 'T-NIGHT',
  currency: 'EUR',
  elements: [
    {
      price_components: [{ type: 'ENERGY', price: 0.2, vat: 21, step_size: 1 }],
      restrictions: { start_time: '00:00', end_time: '07:00' },
    },
    {
      price_components: [
        { type: 'FLAT', price: 0.5, vat: 21, step_size: 1 },
        { type: 'ENERGY', price: 0.25, vat: 21, step_size: 1 },
        { type: 'PARKING_TIME', price: 6, vat: 21, step_size: 60 },
      ],
    },
  ],
  last_updated: '2026-01-01T00:00:00Z',
};

/** What {@link seedNetwork} created. */
export interface Seeded {
  stationId: number;
  partnerId: string;
  tokenUid: string;
}

/**
 * A hosted CPO NL-CPO with one location in Europe/Amsterdam, station CB-1 (1.6, EVSE 1,
 * connector 1) whose tariff is {@link TARIFF}, and a registered eMSP partner DE-EMP whose
 * roaming token `TOKEN-12345678` charges there.
 */
export async function seedNetwork(store: Store): Promise<Seeded> {
  const repos = repositories(store.db);
  await repos.parties.upsertHosted('NL', 'CPO', 'Test CPO', ['CPO']);
  const { row: location } = await repos.locations.upsert({
    countryCode: 'NL',
    partyId: 'CPO',
    locationId: 'LOC1',
    data: {
      name: 'Depot',
      address: 'Main 1',
      city: 'Utrecht',
      country: 'NLD',
      coordinates: { latitude: '52.090000', longitude: '5.120000' },
    },
    timeZone: 'Europe/Amsterdam',
    publish: true,
    lastUpdated: new Date('2026-01-01T00:00:00Z'),
  });
  const { row: station } = await repos.stations.upsert({
    identity: 'CB-1',
    country_code: 'NL',
    party_id: 'CPO',
    location_id: location.id,
    protocol: '1.6',
    tariff_ids: JSON.stringify(['T-NIGHT']),
  });
  const evse = await repos.stations.ensureEvse(station.id, 1, 'CB-1-1');
  await repos.stations.ensureConnector(evse.id, 1);
  await repos.tariffs.upsert({
    countryCode: 'NL',
    partyId: 'CPO',
    tariffId: 'T-NIGHT',
    currency: 'EUR',
    data: TARIFF,
    lastUpdated: new Date('2026-01-01T00:00:00Z'),
  });
  await repos.partners.insert({ id: 'emsp-1', name: 'Roaming eMSP', direction: 'inbound' });
  await repos.partners.update('emsp-1', {
    status: 'registered',
    roles: [{ role: 'EMSP', country_code: 'DE', party_id: 'EMP' }],
  });
  await repos.tokens.upsert({
    countryCode: 'DE',
    partyId: 'EMP',
    uid: 'TOKEN-12345678',
    type: 'RFID',
    contractId: 'DE-EMP-C00001',
    source: 'roaming',
    partnerId: 'emsp-1',
    whitelist: 'ALWAYS',
    valid: true,
    data: {},
    lastUpdated: new Date('2026-01-01T00:00:00Z'),
  });
  return { stationId: station.id, partnerId: 'emsp-1', tokenUid: 'TOKEN-12345678' };
}

const register = (stationId: number, transactionId: number, at: string, wh: number): NewMeterSample => ({
  station_id: stationId,
  transaction_id: transactionId,
  ocpp_evse_id: 1,
  sampled_at: at,
  measurand: 'Energy.Active.Import.Register',
  unit: 'Wh',
  value: wh,
});
const power = (stationId: number, transactionId: number, at: string, w: number): NewMeterSample => ({
  station_id: stationId,
  transaction_id: transactionId,
  ocpp_evse_id: 1,
  sampled_at: at,
  measurand: 'Power.Active.Import',
  unit: 'W',
  value: w,
});
const soc = (stationId: number, transactionId: number, at: string, pct: number): NewMeterSample => ({
  station_id: stationId,
  transaction_id: transactionId,
  ocpp_evse_id: 1,
  sampled_at: at,
  measurand: 'SoC',
  unit: 'Percent',
  value: pct,
});

/** Starts a 1.6 transaction the way the gateway does (StartTransaction's row and Started event). */
async function start(store: Store, seeded: Seeded, key: string, startedAt: string, meterStartWh: number) {
  const repos = repositories(store.db);
  const { row } = await repos.transactions.startByKey({
    stationId: seeded.stationId,
    startKey: key,
    values: {
      ocpp_evse_id: 1,
      ocpp_connector_id: 1,
      id_token: seeded.tokenUid,
      token_type: 'ISO14443',
      started_at: startedAt,
      meter_start_wh: meterStartWh,
    },
  });
  await repos.transactions.addEvent({
    transactionId: row.id,
    seqNo: null,
    eventType: 'Started',
    triggerReason: null,
    occurredAt: new Date(startedAt),
    offline: false,
    payload: { meterStart: meterStartWh },
  });
  await repos.authorizations.record([
    {
      station_id: seeded.stationId,
      id_token: seeded.tokenUid,
      token_type: 'ISO14443',
      result: 'accepted',
      source: 'StartTransaction',
      reason: 'whitelist ALWAYS',
      created_at: startedAt,
    },
  ]);
  return row.id;
}

/**
 * A completed transaction over Amsterdam midnight, ending in a CDR built by the bridge:
 * 2026-03-01 22:30Z–23:45Z (23:30–00:45 local), 10 kWh before local midnight at 0.25, 10 kWh
 * after it at 0.20, then 15 min parking. Expected: energy 4.50, start fee 0.50, parking 1.50 →
 * 6.50 excl. VAT, 7.865 incl.
 */
export async function seedCompleted(store: Store, seeded: Seeded): Promise<number> {
  const repos = repositories(store.db);
  const id = await start(store, seeded, 'completed-1', '2026-03-01T22:30:00Z', 0);
  const s = seeded.stationId;
  await repos.meterSamples.append([
    register(s, id, '2026-03-01T22:30:00Z', 0),
    power(s, id, '2026-03-01T22:30:00Z', 20_000),
    soc(s, id, '2026-03-01T22:30:00Z', 20),
    register(s, id, '2026-03-01T23:00:00Z', 10_000),
    power(s, id, '2026-03-01T23:00:00Z', 20_000),
    soc(s, id, '2026-03-01T23:00:00Z', 50),
    register(s, id, '2026-03-01T23:30:00Z', 20_000),
    power(s, id, '2026-03-01T23:30:00Z', 0),
    soc(s, id, '2026-03-01T23:30:00Z', 80),
    register(s, id, '2026-03-01T23:45:00Z', 20_000),
    power(s, id, '2026-03-01T23:45:00Z', 0),
  ]);
  await repos.transactions.update(id, {
    status: 'completed',
    stopped_at: '2026-03-01T23:45:00Z',
    meter_stop_wh: 20_000,
    stop_reason: 'EVDisconnected',
  });
  await repos.transactions.addEvent({
    transactionId: id,
    seqNo: null,
    eventType: 'Ended',
    triggerReason: 'EVDisconnected',
    occurredAt: new Date('2026-03-01T23:45:00Z'),
    offline: false,
    payload: { meterStop: 20_000, reason: 'EVDisconnected' },
  });
  await repos.transactions.refreshEnergy([id], new Date('2026-03-01T23:45:01Z'));
  const result = await runCdrCreate(store.db, id, new Date('2026-03-01T23:46:00Z'));
  if (result !== 'created') throw new Error(`CDR not created: ${result}`);
  return id;
}

/**
 * An active transaction in daytime (11:00 local): 7.5 kWh so far at 0.25 plus the 0.50 start fee
 * → running cost 2.375 excl. VAT, 2.87375 → 2.8738 incl.; latest power 18 kW, SoC 64 %.
 * `withSession` syncs its OCPI Session (tariff snapshot) as the worker would.
 */
export async function seedActive(store: Store, seeded: Seeded, key: string, withSession: boolean): Promise<number> {
  const repos = repositories(store.db);
  const id = await start(store, seeded, key, '2026-03-05T10:00:00Z', 1_000);
  const s = seeded.stationId;
  await repos.meterSamples.append([
    register(s, id, '2026-03-05T10:00:00Z', 1_000),
    power(s, id, '2026-03-05T10:00:00Z', 12_000),
    register(s, id, '2026-03-05T10:15:00Z', 4_000),
    power(s, id, '2026-03-05T10:15:00Z', 18_000),
    register(s, id, '2026-03-05T10:30:00Z', 8_500),
    power(s, id, '2026-03-05T10:30:00Z', 18_000),
    soc(s, id, '2026-03-05T10:30:00Z', 64),
  ]);
  await repos.transactions.refreshEnergy([id], new Date('2026-03-05T10:30:01Z'));
  if (withSession) await syncSession(store.db, id, new Date('2026-03-05T10:30:02Z'));
  return id;
}
