import { describe, expect, it } from 'vitest';
import {
  getSchema,
  getValidator,
  isCallAction,
  isSendAction,
  knownActions,
  OCPP_VERSIONS,
  precompileValidators,
  validatePayload,
} from '../src/index.js';

describe('validator registry', () => {
  it('knows every action of each version, 1.6 including the security whitepaper', () => {
    expect(knownActions('1.6')).toHaveLength(39);
    expect(knownActions('2.0.1')).toHaveLength(64);
    expect(knownActions('2.1')).toHaveLength(91);
    for (const a of [
      'SignCertificate',
      'CertificateSigned',
      'SecurityEventNotification',
      'SignedFirmwareStatusNotification',
      'SignedUpdateFirmware',
      'LogStatusNotification',
      'GetLog',
      'ExtendedTriggerMessage',
      'InstallCertificate',
      'DeleteCertificate',
      'GetInstalledCertificateIds',
    ]) {
      expect(isCallAction('1.6', a), a).toBe(true);
    }
    expect(isCallAction('2.0.1', 'TransactionEvent')).toBe(true);
    expect(isCallAction('1.6', 'TransactionEvent')).toBe(false);
  });

  it('knows 2.1 SEND messages, which have no response', () => {
    expect(isSendAction('2.1', 'NotifyPeriodicEventStream')).toBe(true);
    expect(isCallAction('2.1', 'NotifyPeriodicEventStream')).toBe(false);
    expect(getValidator('2.1', 'NotifyPeriodicEventStream', 'response')).toBeUndefined();
    expect(isSendAction('2.0.1', 'NotifyPeriodicEventStream')).toBe(false);
  });

  it('caches validators per (version, action, kind)', () => {
    const a = getValidator('2.0.1', 'Authorize', 'request');
    expect(a).toBeDefined();
    expect(getValidator('2.0.1', 'Authorize', 'request')).toBe(a);
    expect(getValidator('2.0.1', 'Authorize', 'response')).not.toBe(a);
    expect(getValidator('2.0.1', 'NoSuchThing', 'request')).toBeUndefined();
    expect(validatePayload('1.6', 'NoSuchThing', 'request', {})).toEqual({ ok: false, unknownAction: true });
  });

  it('applies the corrections to the shipped schemas', () => {
    expect(getSchema('2.0.1', 'Get15118EVCertificate', 'response')).toMatchObject({
      properties: { exiResponse: { maxLength: 7500 } },
    });
    const hertz = {
      connectorId: 1,
      meterValue: [{ timestamp: '2024-01-01T00:00:00Z', sampledValue: [{ value: '50', unit: 'Hertz' }] }],
    };
    expect(validatePayload('1.6', 'MeterValues', 'request', hertz)).toEqual({ ok: true });
  });

  it('measures the cost of compiling everything eagerly', () => {
    const { count, ms } = precompileValidators(OCPP_VERSIONS);
    expect(count).toBe(78 + 128 + 181);
    // Informational: lazy compilation means only the first use of a message pays its share.
    process.stdout.write(`precompiled ${count} validators in ${ms.toFixed(0)} ms\n`);
  });
});
