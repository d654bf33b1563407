import { describe, expect, it } from 'vitest';
import { ConfigError, knownVariables, loadConfig } from '../src/index.js';

describe('alert thresholds (ALERT_*)', () => {
  it('default to 5 min offline, 15 min without meter values, 120 s stuck commands, 3 push failures', () => {
    expect(loadConfig({}).alerts).toEqual({
      offlineMinutes: 5,
      noMeterValuesMinutes: 15,
      commandStuckSeconds: 120,
      pushFailures: 3,
    });
  });

  it('are read from the environment and listed as known variables', () => {
    const config = loadConfig({
      ALERT_OFFLINE_MINUTES: '0.5',
      ALERT_NO_METER_VALUES_MINUTES: '30',
      ALERT_COMMAND_STUCK_SECONDS: '45',
      ALERT_PUSH_FAILURES: '5',
    });
    expect(config.alerts).toEqual({
      offlineMinutes: 0.5,
      noMeterValuesMinutes: 30,
      commandStuckSeconds: 45,
      pushFailures: 5,
    });
    for (const name of [
      'ALERT_OFFLINE_MINUTES',
      'ALERT_NO_METER_VALUES_MINUTES',
      'ALERT_COMMAND_STUCK_SECONDS',
      'ALERT_PUSH_FAILURES',
    ]) {
      expect(knownVariables).toContain(name);
    }
  });

  it('refuses a bad value, naming the variable', () => {
    expect(() => loadConfig({ ALERT_PUSH_FAILURES: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ ALERT_OFFLINE_MINUTES: 'soon' })).toThrow(/ALERT_OFFLINE_MINUTES/);
  });
});
