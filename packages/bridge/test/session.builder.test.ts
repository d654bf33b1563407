import { priceSession } from '@chargebridge/tariffs';
import { describe, expect, it } from 'vitest';
import { buildCdr, buildCreditCdr } from '../src/cdrs/cdr.builder.js';
import { buildChargingPeriods, type MeterSampleInput } from '../src/sessions/charging-periods.builder.js';
import { buildSession } from '../src/sessions/session.builder.js';
import type { SessionSource } from '../src/sessions/session-source.js';

const T0 = Date.parse('2025-03-03T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const register = (minutes: number, wh: number): MeterSampleInput => ({
  sampled_at: at(minutes),
  measurand: 'Energy.Active.Import.Register',
  unit: 'Wh',
  value: wh,
  phase: null,
  location: null,
});
const power = (minutes: number, w: number): MeterSampleInput => ({
  sampled_at: at(minutes),
  measurand: 'Power.Active.Import',
  unit: 'W',
  value: w,
  phase: null,
  location: null,
});

const TARIFF = {
  country_code: 'NL',
  party_id: 'CPO',
  id: 'T1',
  currency: 'EUR',
  elements: [
    {
      price_components: [
        { type: 'ENERGY', price: 0.3, vat: 21, step_size: 1 },
        { type: 'PARKING_TIME', price: 6, vat: 21, step_size: 60 },
      ],
    },
  ],
  last_updated: '2025-01-01T00:00:00Z',
};

function aSource(
  overrides: Partial<SessionSource['transaction']> = {},
  samples: MeterSampleInput[] = [],
): SessionSource {
  return {
    sessionId: 'S1',
    transaction: {
      id: 7,
      status: 'completed',
      started_at: at(0),
      stopped_at: at(60),
      created_at: at(0),
      meter_start_wh: 1000,
      meter_stop_wh: 11000,
      energy_wh: 10000,
      id_token: 'TOKEN1',
      token_type: 'ISO14443',
      charging_state: null,
      remote_start_id: null,
      authorization_reference: 'REF1',
      auth_method: null,
      ...overrides,
    },
    cpo: { country_code: 'NL', party_id: 'CPO' },
    token: {
      country_code: 'DE',
      party_id: 'EMP',
      uid: 'TOKEN1',
      type: 'RFID',
      contract_id: 'DE-EMP-C1',
      whitelist: 'ALWAYS',
      source: 'roaming',
      partner_id: 'p1',
    },
    authorized: true,
    location: {
      location_id: 'LOC1',
      time_zone: 'Europe/Amsterdam',
      data: { address: 'Main 1', city: 'Utrecht', country: 'NLD', coordinates: { latitude: '52.0', longitude: '5.1' } },
    },
    evse: {
      evse_uid: 'CB1-1',
      evse_id: null,
      connector_id: '1',
      standard: 'IEC_62196_T2',
      format: 'SOCKET',
      power_type: 'AC_3_PHASE',
    },
    samples,
    tariff: TARIFF,
  };
}

describe('buildChargingPeriods', () => {
  it('splits TIME from PARKING_TIME where the car stops drawing power, each period starting at its interval', () => {
    const samples = [
      register(0, 1000),
      power(0, 11000),
      register(30, 6500),
      power(30, 10000),
      register(45, 11000),
      power(45, 0),
      register(60, 11000),
      power(60, 0),
    ];
    const periods = buildChargingPeriods({
      start: at(0),
      end: at(60),
      meterStartWh: 1000,
      meterStopWh: 11000,
      samples,
    });
    expect(periods).toEqual([
      {
        start_date_time: at(0).toISOString(),
        dimensions: [
          { type: 'ENERGY', volume: 10 },
          { type: 'TIME', volume: 0.75 },
        ],
      },
      { start_date_time: at(45).toISOString(), dimensions: [{ type: 'PARKING_TIME', volume: 0.25 }] },
    ]);
  });

  it('without power readings, a flat register is parking; periods sum to the session energy', () => {
    const samples = [register(20, 3000), register(40, 3000), register(50, 4000)];
    const periods = buildChargingPeriods({ start: at(0), end: at(50), meterStartWh: 1000, meterStopWh: 4000, samples });
    expect(periods.map((p) => p.dimensions.map((d) => d.type).join('+'))).toEqual([
      'ENERGY+TIME',
      'PARKING_TIME',
      'ENERGY+TIME',
    ]);
    expect(periods.map((p) => p.start_date_time)).toEqual([at(0), at(20), at(40)].map((d) => d.toISOString()));
    const kwh = periods
      .flatMap((p) => p.dimensions)
      .filter((d) => d.type === 'ENERGY')
      .reduce((s, d) => s + d.volume, 0);
    expect(kwh).toBeCloseTo(3, 10);
  });

  it('is independent of arrival order and ignores samples outside the transaction', () => {
    const samples = [register(45, 11000), register(-5, 900), register(30, 6500), power(45, 0), power(0, 7000)];
    const a = buildChargingPeriods({ start: at(0), end: at(60), meterStartWh: 1000, meterStopWh: 11000, samples });
    const b = buildChargingPeriods({
      start: at(0),
      end: at(60),
      meterStartWh: 1000,
      meterStopWh: 11000,
      samples: [...samples].reverse(),
    });
    expect(a).toEqual(b);
    expect(a[0].dimensions[0]).toEqual({ type: 'ENERGY', volume: 10 });
  });
});

describe('buildSession', () => {
  it('maps a completed transaction to a COMPLETED Session for the token owner, priced by the snapshot', () => {
    const samples = [power(0, 11000), register(45, 11000), power(45, 0)];
    const built = buildSession(aSource({}, samples));
    expect(built.status).toBe('COMPLETED');
    expect(built.session).toMatchObject({
      id: 'S1',
      country_code: 'NL',
      party_id: 'CPO',
      kwh: 10,
      auth_method: 'WHITELIST',
      authorization_reference: 'REF1',
      cdr_token: { country_code: 'DE', party_id: 'EMP', uid: 'TOKEN1', type: 'RFID', contract_id: 'DE-EMP-C1' },
      location_id: 'LOC1',
      evse_uid: 'CB1-1',
      connector_id: '1',
      currency: 'EUR',
      end_date_time: at(60).toISOString(),
    });
    // 10 kWh × 0.30 + 0.25 h parking × 6 = 4.50 excl. VAT.
    expect(built.session.total_cost).toEqual({ excl_vat: 4.5, incl_vat: 5.445 });
  });

  it('is PENDING before a token, ACTIVE while charging with a running cost, INVALID when authorization failed', () => {
    expect(buildSession(aSource({ status: 'active', stopped_at: null, id_token: null })).status).toBe('PENDING');
    const running = buildSession(
      aSource({ status: 'active', stopped_at: null, meter_stop_wh: null }, [register(30, 6000)]),
    );
    expect(running.status).toBe('ACTIVE');
    expect(running.session.end_date_time).toBeUndefined();
    expect(running.session.kwh).toBe(5);
    expect(running.session.total_cost).toEqual({ excl_vat: 1.5, incl_vat: 1.815 });
    expect(buildSession({ ...aSource(), authorized: false }).status).toBe('INVALID');
    expect(buildSession(aSource({ remote_start_id: 3 })).session.auth_method).toBe('COMMAND');
    expect(buildSession(aSource({ auth_method: 'AUTH_REQUEST' })).session.auth_method).toBe('AUTH_REQUEST');
  });
});

describe('buildCdr', () => {
  it('prices the periods with priceSession in the location time zone; the session total agrees; credits negate total_cost', () => {
    const source = aSource({}, [power(0, 11000), register(45, 11000), power(45, 0)]);
    const built = buildSession(source);
    const { cdr, cdrId, totalCost } = buildCdr(source, built, at(61));
    expect(cdrId.length).toBeLessThanOrEqual(36);
    const expected = priceSession(TARIFF, {
      start_date_time: at(0).toISOString(),
      end_date_time: at(60).toISOString(),
      charging_periods: built.chargingPeriods,
      time_zone: 'Europe/Amsterdam',
    }).cdr;
    expect(cdr).toMatchObject({ ...expected, id: cdrId, session_id: 'S1', currency: 'EUR', tariffs: [TARIFF] });
    expect(totalCost).toEqual(built.session.total_cost);
    expect(cdr.cdr_location).toMatchObject({
      id: 'LOC1',
      evse_uid: 'CB1-1',
      evse_id: 'CB1-1',
      connector_id: '1',
      city: 'Utrecht',
    });
    const credit = buildCreditCdr(cdr, 1, at(90));
    expect(credit).toMatchObject({
      id: `${cdrId}-C`,
      credit: true,
      credit_reference_id: cdrId,
      total_cost: { excl_vat: -4.5, incl_vat: -5.445 },
    });
    expect(credit.total_energy).toBe(cdr.total_energy);
    expect(buildCreditCdr(cdr, 2, at(90)).id).toBe(`${cdrId}-C2`);
  });
});
