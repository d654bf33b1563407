export { type AlertThresholds, type Config, ConfigError, knownVariables, loadConfig, type Role } from './config.js';
