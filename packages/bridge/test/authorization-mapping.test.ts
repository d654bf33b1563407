import {
  AUTHORIZATION_TABLE,
  type AuthorizationResult,
  fromAllowedType,
  fromAuthorizationStatus,
  toAuthorizationStatus2,
  toAuthorizationStatus16,
  toOcpiTokenType,
  toOcppIdTokenType,
  whitelistVerdict,
} from '@chargebridge/domain';
import { describe, expect, it } from 'vitest';
import {
  resultWithoutAnswer,
  toChargingProfileResult,
  toCommandResult,
} from '../src/commands/command-result.mapping.js';

describe('AllowedType → OCPP authorization status (one table)', () => {
  it.each([
    ['ALLOWED', 'Accepted', 'Accepted'],
    ['BLOCKED', 'Blocked', 'Blocked'],
    ['EXPIRED', 'Expired', 'Expired'],
    ['NO_CREDIT', 'Blocked', 'NoCredit'],
    ['NOT_ALLOWED', 'Invalid', 'NotAtThisLocation'],
  ])('%s → 1.6 %s, 2.x %s', (allowed, v16, v2) => {
    const result = fromAllowedType(allowed);
    expect(toAuthorizationStatus16(result)).toBe(v16);
    expect(toAuthorizationStatus2(result)).toBe(v2);
  });

  it('an unrecognised AllowedType is refused, never accepted', () => {
    expect(fromAllowedType('MAYBE')).toBe('invalid');
  });

  it('every verdict has a 1.6 status from the 1.6 enum and round-trips through its 2.x status', () => {
    const v16 = new Set(['Accepted', 'Blocked', 'Expired', 'Invalid', 'ConcurrentTx']);
    for (const result of Object.keys(AUTHORIZATION_TABLE) as AuthorizationResult[]) {
      expect(v16.has(toAuthorizationStatus16(result))).toBe(true);
      expect(fromAuthorizationStatus(toAuthorizationStatus2(result))).toBe(result);
    }
  });

  it('unknown tokens: 1.6 Invalid, 2.x Unknown', () => {
    expect(toAuthorizationStatus16('unknown')).toBe('Invalid');
    expect(toAuthorizationStatus2('unknown')).toBe('Unknown');
  });

  it('whitelist types decide whether to ask the eMSP', () => {
    expect(whitelistVerdict({ valid: true, whitelist: 'ALWAYS' })).toEqual({ kind: 'allow' });
    expect(whitelistVerdict({ valid: true, whitelist: 'ALLOWED' })).toEqual({ kind: 'ask', offlineAllowed: false });
    expect(whitelistVerdict({ valid: true, whitelist: 'ALLOWED_OFFLINE' })).toEqual({
      kind: 'ask',
      offlineAllowed: true,
    });
    expect(whitelistVerdict({ valid: true, whitelist: 'NEVER' })).toEqual({ kind: 'ask', offlineAllowed: false });
    expect(whitelistVerdict({ valid: false, whitelist: 'ALWAYS' })).toEqual({ kind: 'reject' });
  });

  it('token types between OCPP and OCPI', () => {
    expect(toOcpiTokenType('ISO14443')).toBe('RFID');
    expect(toOcpiTokenType('Central')).toBe('APP_USER');
    expect(toOcppIdTokenType('RFID')).toBe('ISO14443');
    expect(toOcppIdTokenType('APP_USER')).toBe('Central');
  });
});

describe('station answers → OCPI command results', () => {
  it('start and stop', () => {
    expect(toCommandResult('START_SESSION', { status: 'Accepted' })).toBe('ACCEPTED');
    expect(toCommandResult('START_SESSION', { status: 'Rejected' })).toBe('REJECTED');
    expect(toCommandResult('START_SESSION', { status: 'Rejected' }, { occupied: true, inoperative: false })).toBe(
      'EVSE_OCCUPIED',
    );
    expect(toCommandResult('START_SESSION', { status: 'Rejected' }, { occupied: false, inoperative: true })).toBe(
      'EVSE_INOPERATIVE',
    );
    expect(toCommandResult('STOP_SESSION', { status: 'Accepted' })).toBe('ACCEPTED');
  });

  it('reservations and unlock', () => {
    expect(toCommandResult('RESERVE_NOW', { status: 'Occupied' })).toBe('EVSE_OCCUPIED');
    expect(toCommandResult('RESERVE_NOW', { status: 'Faulted' })).toBe('EVSE_INOPERATIVE');
    expect(toCommandResult('RESERVE_NOW', { status: 'Unavailable' })).toBe('EVSE_INOPERATIVE');
    expect(toCommandResult('CANCEL_RESERVATION', { status: 'Rejected' })).toBe('UNKNOWN_RESERVATION');
    expect(toCommandResult('UNLOCK_CONNECTOR', { status: 'Unlocked' })).toBe('ACCEPTED');
    expect(toCommandResult('UNLOCK_CONNECTOR', { status: 'UnlockFailed' })).toBe('FAILED');
    expect(toCommandResult('UNLOCK_CONNECTOR', { status: 'NotSupported' })).toBe('NOT_SUPPORTED');
    expect(toCommandResult('UNLOCK_CONNECTOR', { status: 'OngoingAuthorizedTransaction' })).toBe('EVSE_OCCUPIED');
  });

  it('charging profiles and results without an answer', () => {
    expect(toChargingProfileResult({ status: 'Accepted' })).toBe('ACCEPTED');
    expect(toChargingProfileResult({ status: 'Unknown' })).toBe('UNKNOWN');
    expect(toChargingProfileResult({ status: 'Rejected' })).toBe('REJECTED');
    expect(resultWithoutAnswer('START_SESSION', 'TIMEOUT')).toEqual({ result: 'TIMEOUT' });
    expect(resultWithoutAnswer('CHARGING_PROFILE_SET', 'TIMEOUT')).toEqual({ result: 'UNKNOWN' });
    expect(resultWithoutAnswer('STOP_SESSION', 'FAILED', 'station offline')).toEqual({
      result: 'FAILED',
      message: [{ language: 'en', text: 'station offline' }],
    });
  });
});
