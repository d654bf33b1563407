import type { UserRole } from '@chargebridge/store';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password.js';
import { ADMIN_TOKEN_ACTOR } from './principal.js';

/** Every role, most powerful first. */
export const ROLES: readonly UserRole[] = ['admin', 'operator', 'viewer'];

/** Usernames: 1–64 of letters, digits, `.`, `_`, `@`, `-`, starting with a letter or digit. */
export const USERNAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$';

/** Names the audit log uses for callers without an account. */
const RESERVED_USERNAMES = new Set([ADMIN_TOKEN_ACTOR, 'anonymous']);

/** Why an account's username, role or password cannot be used; undefined when they can. */
export function accountProblem(input: { username?: string; role?: string; password?: string }): string | undefined {
  if (input.username !== undefined) {
    if (!new RegExp(USERNAME_PATTERN).test(input.username))
      return 'the username must be 1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit';
    if (RESERVED_USERNAMES.has(input.username.toLowerCase())) return `the username "${input.username}" is reserved`;
  }
  if (input.role !== undefined && !ROLES.includes(input.role as UserRole))
    return `the role must be one of ${ROLES.join(', ')}`;
  if (input.password !== undefined) {
    if (input.password.length < MIN_PASSWORD_LENGTH)
      return `the password must have at least ${MIN_PASSWORD_LENGTH} characters`;
    if (input.password.length > MAX_PASSWORD_LENGTH)
      return `the password must have at most ${MAX_PASSWORD_LENGTH} characters`;
  }
  return undefined;
}
