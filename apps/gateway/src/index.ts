export { build, type Gateway } from './app.js';
export type { GatewayDeps, GatewayTuning } from './deps.js';
export { CommitBatcher, type BatchWork } from './persistence/commit-batcher.js';
