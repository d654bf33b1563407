export { type AlertThresholds, type Config, ConfigError, knownVariables, loadConfig, type Role } from './config.js';
export type { StationCaFiles } from './station-ca.check.js';
