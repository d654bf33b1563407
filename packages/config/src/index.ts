export { type Config, ConfigError, knownVariables, loadConfig, type Role } from './config.js';
