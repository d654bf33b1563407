import { randomBytes } from 'node:crypto';
import { hashStationPassword, verifyStationPassword } from '@chargebridge/domain';

/** The shortest password an account may have. */
export const MIN_PASSWORD_LENGTH = 10;
/** Longer inputs are refused before hashing (scrypt cost is per byte of input too). */
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Hashes an account password with scrypt as `scrypt$N$r$p$salt$hash` — the same format and
 * cost as station passwords, so old hashes keep verifying when the cost changes.
 */
export function hashPassword(password: string): Promise<string> {
  return hashStationPassword(password);
}

/** Checks a password against its stored hash in constant time; malformed hashes never match. */
export function verifyPassword(password: string, stored: string): Promise<boolean> {
  return verifyStationPassword(password, stored);
}

/** A hash no password matches, verified against when a username is unknown so timing does not tell. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  return decoyHash;
}

/** A strong random password (~120 bits), for accounts created without one. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
