export { type AdminModule, adminModules } from './admin/admin.routes.js';
export { type ApiExtension, apiExtensions, build } from './app.js';
export type { ApiDeps } from './deps.js';
export { AdminError } from './plugins/admin-errors.js';
