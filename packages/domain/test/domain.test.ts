import { describe, expect, it } from 'vitest';
import {
  energyRegisterReadings,
  evseUid,
  fromConnector16,
  hashStationPassword,
  judgeToken,
  normalizeMeterValues2,
  normalizeMeterValues16,
  normalizeUnit,
  toAuthorizationStatus2,
  toAuthorizationStatus16,
  toConnector16,
  toEvseStatus,
  verifyStationPassword,
} from '../src/index.js';

describe('connector status → OCPI EVSE status', () => {
  it.each([
    ['Available', 'AVAILABLE'],
    ['Preparing', 'CHARGING'],
    ['Charging', 'CHARGING'],
    ['SuspendedEV', 'CHARGING'],
    ['SuspendedEVSE', 'CHARGING'],
    ['Finishing', 'CHARGING'],
    ['Occupied', 'CHARGING'],
    ['Reserved', 'RESERVED'],
    ['Unavailable', 'INOPERATIVE'],
    ['Faulted', 'OUTOFORDER'],
    ['Bogus', 'UNKNOWN'],
  ])('%s → %s', (ocpp, ocpi) => expect(toEvseStatus(ocpp)).toBe(ocpi));
  it('an offline station is UNKNOWN whatever its last status', () =>
    expect(toEvseStatus('Available', false)).toBe('UNKNOWN'));
});

describe('meter value normalization', () => {
  it('scales kWh, kW and 2.x multipliers to base units', () => {
    expect(normalizeUnit(1.5, 'kWh', 'Energy.Active.Import.Register')).toEqual({ unit: 'Wh', value: 1500 });
    expect(normalizeUnit(7, 'kW', 'Power.Active.Import')).toEqual({ unit: 'W', value: 7000 });
    expect(normalizeUnit(12, 'Wh', 'Energy.Active.Import.Register', 3)).toEqual({ unit: 'Wh', value: 12000 });
    expect(normalizeUnit(16, undefined, 'Current.Import')).toEqual({ unit: 'A', value: 16 });
    expect(normalizeUnit(80, undefined, 'SoC')).toEqual({ unit: 'Percent', value: 80 });
    expect(normalizeUnit(50, undefined, 'Energy.Active.Import.Register')).toEqual({ unit: 'Wh', value: 50 });
    expect(normalizeUnit(300, 'K', 'Temperature').value).toBeCloseTo(26.85);
  });

  it('reads 1.6 string values, defaults the measurand and skips signed data', () => {
    const samples = normalizeMeterValues16([
      {
        timestamp: '2024-01-01T10:00:00Z',
        sampledValue: [
          { value: '2.5', unit: 'kWh' },
          { value: 'abc' },
          { value: 'xx', format: 'SignedData' },
          { value: '230', measurand: 'Voltage', phase: 'L1-N' },
        ],
      },
    ]);
    expect(samples).toHaveLength(2);
    expect(samples[0]).toMatchObject({ measurand: 'Energy.Active.Import.Register', unit: 'Wh', value: 2500 });
    expect(samples[1]).toMatchObject({ measurand: 'Voltage', unit: 'V', phase: 'L1-N' });
    expect(energyRegisterReadings(samples)).toHaveLength(1);
  });

  it('reads 2.x numeric values with unitOfMeasure', () => {
    const samples = normalizeMeterValues2([
      {
        timestamp: '2024-01-01T10:00:00Z',
        sampledValue: [
          { value: 3.2, unitOfMeasure: { unit: 'kWh' } },
          { value: 11, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W', multiplier: 3 } },
        ],
      },
    ]);
    expect(samples.map((s) => [s.unit, s.value])).toEqual([
      ['Wh', 3200],
      ['W', 11000],
    ]);
  });
});

describe('authorization status', () => {
  it('maps the hub verdict per version (1.6 has no Unknown)', () => {
    expect(toAuthorizationStatus16('unknown')).toBe('Invalid');
    expect(toAuthorizationStatus2('unknown')).toBe('Unknown');
    expect(toAuthorizationStatus16('blocked')).toBe('Blocked');
    expect(toAuthorizationStatus2('accepted')).toBe('Accepted');
  });
  it('judges tokens from the store', () => {
    expect(judgeToken([])).toBe('unknown');
    expect(judgeToken([{ valid: true, whitelist: 'ALLOWED' }])).toBe('accepted');
    expect(judgeToken([{ valid: false, whitelist: 'ALLOWED' }])).toBe('blocked');
    expect(judgeToken([{ valid: true, whitelist: 'NEVER' }])).toBe('blocked');
  });
});

describe('EVSE identity', () => {
  it('keeps 1.6 connector N and 2.x EVSE N the same EVSE', () => {
    expect(fromConnector16(2)).toEqual({ evseId: 2, connectorId: 1 });
    expect(fromConnector16(0)).toBeUndefined();
    expect(toConnector16({ evseId: 3, connectorId: 1 })).toBe(3);
    expect(evseUid(42, 1)).toBe('CB42-1');
    expect(evseUid(2 ** 40, 99).length).toBeLessThanOrEqual(36);
  });
});

describe('station passwords', () => {
  it('hashes with scrypt and verifies only the right password', async () => {
    const hash = await hashStationPassword('s3cret-password');
    expect(hash.startsWith('scrypt$')).toBe(true);
    expect(hash).not.toContain('s3cret');
    expect(await verifyStationPassword('s3cret-password', hash)).toBe(true);
    expect(await verifyStationPassword('wrong', hash)).toBe(false);
    expect(await verifyStationPassword('s3cret-password', 'plain')).toBe(false);
  });
});
