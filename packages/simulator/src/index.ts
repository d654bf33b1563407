/**
 * @chargebridge/simulator — virtual OCPP 1.6J / 2.0.1 / 2.1 charging stations and a load
 * generator against any OCPP-J server URL.
 */

export type { ChargingSession, ConnectorState, MeterSample, StopCause } from './charging-session.js';
export { runSimulateCli, SIMULATE_USAGE } from './cli/simulate.cli.js';
export { LatencyHistogram } from './latency-histogram.js';
export {
  DEFAULT_OPTIONS,
  type ProtocolChoice,
  resolveOptions,
  type SecondsRange,
  type SimulatorOptions,
  versionFor,
} from './options.js';
export { type ScheduledTask, Scheduler } from './scheduler.js';
export { SimConnector } from './sim-connector.js';
export { SimStation } from './sim-station.js';
export { SimStats } from './sim-stats.js';
export type { SimulationSummary } from './simulation-summary.js';
export { Simulator } from './simulator.js';
export { stationUrl } from './station-socket.js';
