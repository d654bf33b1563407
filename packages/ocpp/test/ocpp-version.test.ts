import { describe, expect, it } from 'vitest';
import { chooseSubprotocol, chooseVersion, fromSubprotocol, OCPP_VERSIONS, toSubprotocol } from '../src/index.js';

describe('versions and subprotocols', () => {
  it('maps versions to subprotocol names and back', () => {
    for (const v of OCPP_VERSIONS) expect(fromSubprotocol(toSubprotocol(v))).toBe(v);
    expect(toSubprotocol('1.6')).toBe('ocpp1.6');
    expect(toSubprotocol('2.0.1')).toBe('ocpp2.0.1');
    expect(toSubprotocol('2.1')).toBe('ocpp2.1');
    expect(fromSubprotocol('ocpp1.5')).toBeUndefined();
    expect(fromSubprotocol('OCPP1.6')).toBeUndefined();
  });

  it('prefers 2.1, then 2.0.1, then 1.6 whatever the offer order', () => {
    expect(chooseSubprotocol('ocpp1.6, ocpp2.0.1')).toBe('ocpp2.0.1');
    expect(chooseSubprotocol(['ocpp1.6', 'ocpp2.1', 'ocpp2.0.1'])).toBe('ocpp2.1');
    expect(chooseSubprotocol(new Set(['ocpp1.6']))).toBe('ocpp1.6');
    expect(chooseSubprotocol('ocpp1.5,ocpp2.0')).toBeUndefined();
    expect(chooseSubprotocol('')).toBeUndefined();
    expect(chooseVersion('ocpp2.1,ocpp1.6', ['1.6', '2.0.1'])).toBe('1.6');
  });
});
