export { type AdminModule, adminModules } from './admin/admin.routes.js';
export { type ApiExtension, apiExtensions, build } from './app.js';
export { accountProblem, ROLES, USERNAME_PATTERN } from './auth/account-rules.js';
export { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './auth/password.js';
export type { Principal } from './auth/principal.js';
export type { ApiDeps } from './deps.js';
export { AdminError } from './plugins/admin-errors.js';
