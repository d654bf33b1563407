import { describe, expect, it } from 'vitest';
import {
  buildCallError,
  ERROR_CODES,
  errorCodeForKeyword,
  fromWireErrorCode,
  isWireErrorCode,
  OcppError,
  type OcppVersion,
  serializeFrame,
  toWireErrorCode,
  validatePayload,
  WIRE_ERROR_CODES,
} from '../src/index.js';

function codeOf(version: OcppVersion, action: string, payload: unknown, kind: 'request' | 'response' = 'request') {
  const r = validatePayload(version, action, kind, payload);
  if (r.ok) return 'valid';
  if (r.unknownAction) return 'unknown-action';
  return r.error.code;
}

function wireOf(version: OcppVersion, action: string, payload: unknown): string {
  const r = validatePayload(version, action, 'request', payload);
  if (r.ok || r.unknownAction) throw new Error('expected a violation');
  return toWireErrorCode(version, r.error.code);
}

const boot16 = { chargePointVendor: 'V', chargePointModel: 'M' };
const boot2 = { reason: 'PowerUp', chargingStation: { model: 'M', vendorName: 'V' } };

describe('error code spelling per version', () => {
  it('1.6 keeps its two misspellings (OCPP-J 1.6 errata §5.1/§5.2: "Do not fix")', () => {
    expect(toWireErrorCode('1.6', 'FormatViolation')).toBe('FormationViolation');
    expect(toWireErrorCode('1.6', 'OccurrenceConstraintViolation')).toBe('OccurenceConstraintViolation');
    expect(toWireErrorCode('2.0.1', 'FormatViolation')).toBe('FormatViolation');
    expect(toWireErrorCode('2.1', 'OccurrenceConstraintViolation')).toBe('OccurrenceConstraintViolation');
  });

  it('every canonical code has a wire spelling valid for each version', () => {
    for (const v of ['1.6', '2.0.1', '2.1'] as const) {
      for (const c of ERROR_CODES) expect(isWireErrorCode(v, toWireErrorCode(v, c)), `${v} ${c}`).toBe(true);
    }
    expect(WIRE_ERROR_CODES['1.6']).not.toContain('RpcFrameworkError');
    expect(WIRE_ERROR_CODES['1.6']).not.toContain('MessageTypeNotSupported');
    expect(WIRE_ERROR_CODES['2.0.1']).toContain('MessageTypeNotSupported');
  });

  it('reads both spellings from any peer, unknown codes as GenericError', () => {
    expect(fromWireErrorCode('FormationViolation')).toEqual({ code: 'FormatViolation', known: true });
    expect(fromWireErrorCode('OccurenceConstraintViolation').code).toBe('OccurrenceConstraintViolation');
    expect(fromWireErrorCode('Oops')).toEqual({ code: 'GenericError', known: false });
    const e = OcppError.fromWire('FormationViolation', 'x', {});
    expect(e.code).toBe('FormatViolation');
    expect(e.wireCode).toBe('FormationViolation');
  });

  it('CALLERROR frames carry the wire spelling and a description capped at 255 chars', () => {
    const e = new OcppError('OccurrenceConstraintViolation', 'd'.repeat(300), { k: 1 });
    const f = JSON.parse(serializeFrame(buildCallError('1.6', 'id1', e))) as unknown[];
    expect(f[2]).toBe('OccurenceConstraintViolation');
    expect((f[3] as string).length).toBe(255);
    expect(f[4]).toEqual({ k: 1 });
  });
});

describe('schema keyword → error code', () => {
  it('type → TypeConstraintViolation', () => {
    expect(codeOf('1.6', 'BootNotification', { ...boot16, chargePointModel: 5 })).toBe('TypeConstraintViolation');
    expect(codeOf('2.0.1', 'Heartbeat', [])).toBe('TypeConstraintViolation');
    expect(codeOf('2.1', 'BootNotification', { ...boot2, reason: 3 })).toBe('TypeConstraintViolation');
  });

  it('missing required field → OccurrenceConstraintViolation (1.6 wire: OccurenceConstraintViolation)', () => {
    expect(wireOf('1.6', 'BootNotification', { chargePointVendor: 'V' })).toBe('OccurenceConstraintViolation');
    expect(wireOf('2.0.1', 'BootNotification', { reason: 'PowerUp' })).toBe('OccurrenceConstraintViolation');
    expect(wireOf('2.1', 'Authorize', {})).toBe('OccurrenceConstraintViolation');
  });

  it('too few list entries → OccurrenceConstraintViolation', () => {
    expect(codeOf('1.6', 'MeterValues', { connectorId: 1, meterValue: [] })).toBe('OccurrenceConstraintViolation');
    const noSamples = { connectorId: 1, meterValue: [{ timestamp: '2024-01-01T00:00:00Z', sampledValue: [] }] };
    expect(codeOf('1.6', 'MeterValues', noSamples)).toBe('OccurrenceConstraintViolation');
  });

  it('unknown property → FormatViolation (1.6 wire: FormationViolation)', () => {
    expect(wireOf('1.6', 'BootNotification', { ...boot16, extra: 1 })).toBe('FormationViolation');
    expect(wireOf('2.0.1', 'BootNotification', { ...boot2, extra: 1 })).toBe('FormatViolation');
    expect(wireOf('2.1', 'BootNotification', { ...boot2, extra: 1 })).toBe('FormatViolation');
  });

  it('length, enum, format, range, multipleOf → PropertyConstraintViolation', () => {
    expect(codeOf('1.6', 'BootNotification', { ...boot16, chargePointModel: 'M'.repeat(21) })).toBe(
      'PropertyConstraintViolation',
    );
    expect(codeOf('2.0.1', 'BootNotification', { ...boot2, reason: 'Bored' })).toBe('PropertyConstraintViolation');
    expect(codeOf('1.6', 'Heartbeat', { currentTime: 'yesterday' }, 'response')).toBe('PropertyConstraintViolation');
    const stream = { id: -1, pending: 0, basetime: '2024-01-01T00:00:00Z', data: [{ t: 0, v: '1' }] };
    expect(codeOf('2.1', 'NotifyPeriodicEventStream', stream)).toBe('PropertyConstraintViolation');
    const profile = (limit: number) => ({
      connectorId: 1,
      csChargingProfiles: {
        chargingProfileId: 1,
        stackLevel: 0,
        chargingProfilePurpose: 'TxDefaultProfile',
        chargingProfileKind: 'Absolute',
        chargingSchedule: { chargingRateUnit: 'A', chargingSchedulePeriod: [{ startPeriod: 0, limit }] },
      },
    });
    // 1.6 limit is multipleOf 0.1: float error must not reject 16.3.
    expect(codeOf('1.6', 'SetChargingProfile', profile(16.3))).toBe('valid');
    expect(codeOf('1.6', 'SetChargingProfile', profile(16.35))).toBe('PropertyConstraintViolation');
  });

  it('keyword table defaults to FormatViolation', () => {
    expect(errorCodeForKeyword('oneOf')).toBe('FormatViolation');
    expect(errorCodeForKeyword('maxItems')).toBe('OccurrenceConstraintViolation');
  });

  it('does not coerce types', () => {
    expect(codeOf('1.6', 'StatusNotification', { connectorId: '1', errorCode: 'NoError', status: 'Available' })).toBe(
      'TypeConstraintViolation',
    );
  });

  it('reports the failing path in details', () => {
    const r = validatePayload('2.0.1', 'BootNotification', 'request', { ...boot2, chargingStation: { model: 'M' } });
    expect(r.ok).toBe(false);
    if (!r.ok && !r.unknownAction) {
      expect(r.error.details).toEqual({
        errors: [
          { path: '/chargingStation', keyword: 'required', message: "must have required property 'vendorName'" },
        ],
      });
    }
  });
});
