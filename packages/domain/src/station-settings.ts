/**
 * The settings the hub gives a station it provisions, and the one heartbeat interval it hands out
 * in every accepted BootNotification: pure data, one place for both.
 */

/** Heartbeat interval (s) in an accepted BootNotification, and the one provisioning writes. */
export const STATION_HEARTBEAT_INTERVAL_S = 300;

/**
 * Meter sample interval (s) provisioning writes where a station has it off (0): live power, the
 * "no meter values while charging" alert and a CDR's charging periods need periodic samples.
 */
export const STATION_METER_INTERVAL_S = 60;

/** One setting, under its 1.6 configuration key and its 2.x device-model component / variable. */
export interface StationSetting {
  key16: string;
  component: string;
  variable: string;
  value: string;
}

/** The value a station reports for a setting (1.6 key or 2.x `Component.Variable`), if any. */
export type ReportedValue = (setting: StationSetting) => string | undefined;

const HEARTBEAT: Omit<StationSetting, 'value'> = {
  key16: 'HeartbeatInterval',
  component: 'OCPPCommCtrlr',
  variable: 'HeartbeatInterval',
};
const METER_INTERVAL: Omit<StationSetting, 'value'> = {
  key16: 'MeterValueSampleInterval',
  component: 'SampledDataCtrlr',
  variable: 'TxUpdatedInterval',
};

/**
 * What provisioning writes, given what the station reported: the hub's heartbeat interval where
 * it differs, and a meter interval where sampling is off. A setting the station did not report is
 * left alone (it may not support it).
 */
export function settingsToApply(reported: ReportedValue): StationSetting[] {
  const out: StationSetting[] = [];
  const heartbeat = { ...HEARTBEAT, value: String(STATION_HEARTBEAT_INTERVAL_S) };
  const heartbeatNow = reported(heartbeat);
  if (heartbeatNow !== undefined && heartbeatNow !== heartbeat.value) out.push(heartbeat);
  const meter = { ...METER_INTERVAL, value: String(STATION_METER_INTERVAL_S) };
  if (reported(meter) === '0') out.push(meter);
  return out;
}
