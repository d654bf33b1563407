/**
 * @chargebridge/routing — where a station's socket lives and how a CALL reaches it from any
 * process: the station registry (memory or Redis), the call service, typed command builders,
 * and the node registry of gateway heartbeats.
 */
export * from './call-bus.js';
export * from './create-node-registry.js';
export * from './create-station-calls.js';
export * from './node-heartbeat.js';
export * from './node-registry.js';
export * from './redis-node-registry.js';
export * from './redis-station-registry.js';
export * from './station-call.errors.js';
export * from './station-calls.js';
export * from './station-commands.js';
export * from './station-registry.js';
