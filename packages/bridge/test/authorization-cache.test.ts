import { describe, expect, it } from 'vitest';
import { AuthorizationCache } from '../src/authorization/authorization-cache.js';
import { fromCompositeSchedule, toOcppChargingProfile } from '../src/commands/charging-profile.mapping.js';

const answer = {
  result: 'accepted' as const,
  allowed: 'ALLOWED',
  authorizationReference: 'R1',
  authMethod: 'AUTH_REQUEST' as const,
};

describe('AuthorizationCache', () => {
  it('reuses an answer until its TTL, then forgets it', () => {
    let now = 1_000_000;
    const cache = new AuthorizationCache({ ttlMs: 60_000, now: () => now });
    const key = AuthorizationCache.key(7, new Date(5), 3);
    const expiresAt = cache.set(key, answer);
    expect(expiresAt.getTime()).toBe(now + 60_000);
    now += 59_999;
    expect(cache.get(key)).toMatchObject({ result: 'accepted', authorizationReference: 'R1' });
    now += 1;
    expect(cache.get(key)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keys on the token version and the location: a re-pushed token or another location asks again', () => {
    const cache = new AuthorizationCache();
    cache.set(AuthorizationCache.key(7, new Date(5), 3), answer);
    expect(cache.get(AuthorizationCache.key(7, new Date(6), 3))).toBeUndefined();
    expect(cache.get(AuthorizationCache.key(7, new Date(5), 4))).toBeUndefined();
    expect(cache.get(AuthorizationCache.key(7, new Date(5), 3))).toBeDefined();
  });

  it('is bounded: the oldest entries go first', () => {
    const cache = new AuthorizationCache({ maxEntries: 2 });
    for (const id of [1, 2, 3]) cache.set(AuthorizationCache.key(id, new Date(0), null), answer);
    expect(cache.size).toBe(2);
    expect(cache.get(AuthorizationCache.key(1, new Date(0), null))).toBeUndefined();
    expect(cache.get(AuthorizationCache.key(3, new Date(0), null))).toBeDefined();
  });
});

describe('charging profile mapping', () => {
  const profile = {
    charging_rate_unit: 'W' as const,
    charging_profile_period: [
      { start_period: 0, limit: 11000 },
      { start_period: 1800, limit: 7400 },
    ],
  };

  it('OCPI ChargingProfile → 1.6 and 2.0.1 TxProfile for the transaction', () => {
    expect(toOcppChargingProfile('1.6', profile, { id: 42, transactionUid: '17' })).toEqual({
      chargingProfileId: 42,
      transactionId: 17,
      stackLevel: 0,
      chargingProfilePurpose: 'TxProfile',
      chargingProfileKind: 'Relative',
      chargingSchedule: {
        chargingRateUnit: 'W',
        chargingSchedulePeriod: [
          { startPeriod: 0, limit: 11000 },
          { startPeriod: 1800, limit: 7400 },
        ],
      },
    });
    const v2 = toOcppChargingProfile(
      '2.0.1',
      { ...profile, start_date_time: '2025-01-01T10:00:00Z' },
      { id: 42, transactionUid: 'TX-1' },
    );
    expect(v2).toMatchObject({ id: 42, transactionId: 'TX-1', chargingProfileKind: 'Absolute' });
    expect((v2.chargingSchedule as unknown[])[0]).toMatchObject({ id: 42, startSchedule: '2025-01-01T10:00:00.000Z' });
  });

  it('GetCompositeSchedule (2.x) → ActiveChargingProfile', () => {
    expect(
      fromCompositeSchedule({
        status: 'Accepted',
        schedule: {
          evseId: 1,
          duration: 3600,
          scheduleStart: '2025-01-01T10:00:00Z',
          chargingRateUnit: 'A',
          chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }],
        },
      }),
    ).toEqual({
      start_date_time: '2025-01-01T10:00:00.000Z',
      charging_profile: {
        charging_rate_unit: 'A',
        duration: 3600,
        charging_profile_period: [{ start_period: 0, limit: 16 }],
      },
    });
    expect(fromCompositeSchedule({ status: 'Rejected' })).toBeUndefined();
  });
});
