import type { MeterSample } from './charging-session.js';

const VOLTAGE = 230;
const PHASES = 3;
const RATINGS_W = [7_400, 11_000, 22_000];

/**
 * A plausible EV on an AC connector: constant power up to the connector rating (or a charging
 * profile limit), tapering above 80 % SoC, energy accumulated on the connector's register.
 */
export class MeterModel {
  /** Energy.Active.Import.Register: lifetime Wh of the connector, never decreasing. */
  registerWh = Math.round(Math.random() * 1_000_000);
  private readonly ratingW = RATINGS_W[Math.floor(Math.random() * RATINGS_W.length)]!;
  private limitW: number | undefined;
  private batteryWh = 60_000;
  private soc = 50;
  private powerW = 0;
  private lastAt = 0;
  private suspended = false;

  /** A new EV plugged in: battery size and state of charge drawn at random. */
  plugIn(now: number): void {
    this.batteryWh = 40_000 + Math.random() * 40_000;
    this.soc = 10 + Math.random() * 50;
    this.suspended = false;
    this.lastAt = now;
    this.powerW = this.targetPower();
  }

  /** SuspendedEV: the car stops drawing current. */
  setSuspended(suspended: boolean, now: number): void {
    this.advance(now);
    this.suspended = suspended;
    this.powerW = this.targetPower();
  }

  /** A charging profile limit in W (`undefined` clears it). */
  setLimit(watts: number | undefined): void {
    this.limitW = watts;
  }

  /** Advances the meter to `now` (ms) and returns the reading. */
  sample(now: number, context: MeterSample['context']): MeterSample {
    this.advance(now);
    this.powerW = this.targetPower();
    return {
      at: new Date(),
      energyWh: Math.round(this.registerWh),
      powerW: Math.round(this.powerW),
      currentA: Math.round((this.powerW / (VOLTAGE * PHASES)) * 10) / 10,
      soc: Math.min(100, Math.round(this.soc)),
      context,
    };
  }

  private advance(now: number): void {
    const hours = Math.max(0, now - this.lastAt) / 3_600_000;
    this.lastAt = now;
    const wh = this.powerW * hours;
    this.registerWh += wh;
    this.soc = Math.min(100, this.soc + (wh / this.batteryWh) * 100);
  }

  private targetPower(): number {
    if (this.suspended || this.soc >= 100) return 0;
    const cap = Math.min(this.ratingW, this.limitW ?? Number.POSITIVE_INFINITY);
    return this.soc > 80 ? cap * Math.max(0.1, (100 - this.soc) / 20) : cap;
  }
}
