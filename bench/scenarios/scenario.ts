import type { HubUnderTest } from '../support/hub-under-test.js';
import type { ScenarioReport } from '../support/report.js';

/** Flags every scenario understands. */
export interface ScenarioFlags {
  /** Station count (each scenario has its own default target). */
  stations: number | undefined;
  /** Seconds of steady load per measurement. */
  durationS: number | undefined;
  /** Stations started per second. */
  ramp: number | undefined;
  /** Objects to seed (finance: CDRs). */
  count?: number;
}

/** One benchmark scenario. */
export interface Scenario {
  readonly name: string;
  run(hub: HubUnderTest, flags: ScenarioFlags): Promise<ScenarioReport>;
}

/** `npm run bench -- --scenario NAME [--stations N] [--duration S] [--ramp N]` as a reproducible command. */
export function commandFor(name: string, flags: ScenarioFlags): string {
  const parts = ['npm run bench --', `--scenario ${name}`];
  if (flags.stations !== undefined) parts.push(`--stations ${flags.stations}`);
  if (flags.durationS !== undefined) parts.push(`--duration ${flags.durationS}`);
  if (flags.ramp !== undefined) parts.push(`--ramp ${flags.ramp}`);
  if (flags.count !== undefined) parts.push(`--count ${flags.count}`);
  return parts.join(' ');
}

/** Thousands separators. */
export function n(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Waits `ms`. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
