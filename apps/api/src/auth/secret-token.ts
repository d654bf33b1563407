import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Prefix of personal API tokens, so they are recognisable (and scannable) in configs and logs. */
export const API_TOKEN_PREFIX = 'cbt_';

/** SHA-256 (hex) of a secret: what the database keeps instead of the secret itself. */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A fresh 256-bit random secret, base64url, optionally prefixed. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Constant-time comparison of two secrets of any length. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}
