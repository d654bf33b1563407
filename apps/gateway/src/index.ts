export { build, type Gateway } from './app.js';
export type { GatewayDeps, GatewayTuning } from './deps.js';
export { type BatchWork, CommitBatcher } from './persistence/commit-batcher.js';
