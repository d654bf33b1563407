import type { CallHandler, RpcLogger } from '@chargebridge/ocpp';
import { resolveOptions, type SimulatorOptions, versionFor } from './options.js';
import { ocpp2xCallHandler } from './protocol/csms-calls-2x.handler.js';
import { ocpp16CallHandler } from './protocol/csms-calls-16.handler.js';
import { Scheduler } from './scheduler.js';
import { SimStation } from './sim-station.js';
import { SimStats } from './sim-stats.js';
import { type SimulationSummary, summarize } from './simulation-summary.js';

/** Pads the index so identities sort (SIM00001…). */
function identityOf(prefix: string, index: number, width: number): string {
  return `${prefix}${String(index).padStart(width, '0')}`;
}

/**
 * A fleet of simulated stations against one OCPP-J URL. `start()` ramps the stations up at
 * `rampPerSecond`; `stop()` ends them; `stats` is live; `summary()` is the JSON report.
 */
export class Simulator {
  readonly options: SimulatorOptions;
  readonly stats = new SimStats();
  readonly stations: SimStation[] = [];
  private readonly scheduler: Scheduler;
  private stopped = false;

  constructor(options: Partial<SimulatorOptions> & { url: string }, logger?: RpcLogger) {
    this.options = resolveOptions(options);
    this.scheduler = new Scheduler(undefined, (err) => logger?.error({ err }, 'simulator task threw'));
    const { stations, idOffset, idPrefix, protocol, sourceAddresses } = this.options;
    const width = Math.max(5, String(idOffset + stations).length);
    const context = {
      options: this.options,
      scheduler: this.scheduler,
      stats: this.stats,
      logger,
      fleetSize: stations,
      handlerFor: (station: SimStation): CallHandler =>
        station.version === '1.6' ? ocpp16CallHandler(station) : ocpp2xCallHandler(station),
    };
    for (let i = 0; i < stations; i++) {
      const localAddress = sourceAddresses.length > 0 ? sourceAddresses[i % sourceAddresses.length] : undefined;
      const identity = identityOf(idPrefix, idOffset + i, width);
      this.stations.push(new SimStation(identity, versionFor(protocol, i), localAddress, context));
    }
  }

  /** Starts every station, `rampPerSecond` per second (all at once when 0). */
  start(): void {
    const { rampPerSecond } = this.options;
    this.stations.forEach((station, i) => {
      const delay = rampPerSecond > 0 ? (i * 1000) / rampPerSecond : 0;
      this.scheduler.after(delay, () => station.start());
    });
  }

  /**
   * Drops every connection at once, as a network failure or a gateway restart would, and lets the
   * stations reconnect within `reconnectWithinMs` (uniformly spread) — the reconnect storm.
   */
  dropAll(reconnectWithinMs = 0): void {
    for (const station of this.stations) station.drop(Math.random() * reconnectWithinMs);
  }

  /** Transaction messages still waiting in station outboxes. */
  queuedTransactionMessages(): number {
    let n = 0;
    for (const station of this.stations) n += station.queuedTransactionMessages;
    return n;
  }

  /**
   * Stops the fleet. With `drainMs`, first stops starting new sessions and waits (up to that long)
   * for queued transaction messages to be delivered.
   */
  async stop(drainMs = 0): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    if (drainMs > 0) {
      for (const station of this.stations) for (const connector of station.connectors) connector.halt();
      const deadline = performance.now() + drainMs;
      while (this.queuedTransactionMessages() > 0 && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    for (const station of this.stations) station.stop();
    this.scheduler.stop();
  }

  /** The JSON summary of the run so far. */
  summary(): SimulationSummary {
    return summarize(this);
  }
}
