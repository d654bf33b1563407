export { build, type WorkerApp } from './app.js';
export type { WorkerDeps } from './deps.js';
