export { build, type Gateway } from './app.js';
export type { GatewayDeps } from './deps.js';
