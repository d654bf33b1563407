import { createHash, randomBytes } from 'node:crypto';

/** A new credentials token: 32 random bytes, base64url (printable ASCII, credentials §Credentials object). */
export function newCredentialsToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Incoming tokens are stored as their SHA-256 (hex), never in clear (conventions: secrets). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
