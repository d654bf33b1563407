import type { AuthorizationResult } from '@chargebridge/domain';
import type { AuthMethod } from '../sessions/session-source.js';

/** A cached real-time answer. */
export interface CachedAuthorization {
  result: AuthorizationResult;
  allowed: string;
  authorizationReference: string | null;
  authMethod: AuthMethod | null;
  expiresAt: Date;
}

/**
 * Real-time authorization answers, per (token, version of the token, location). OCPI 2.2.1's
 * AuthorizationInfo has no validity period, so the hub chooses: an answer is reused for `ttlMs`
 * (default 5 minutes) at the same location — long enough to cover Authorize → StartTransaction
 * (or TransactionEvent Started) and retries, short enough that a blocked card stops soon.
 * The key includes the token's `last_updated`, so a token the eMSP pushes again (blocked,
 * whitelist changed) invalidates its answers at once. Bounded: the oldest entries go first.
 */
export class AuthorizationCache {
  readonly #entries = new Map<string, CachedAuthorization>();

  constructor(private readonly options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {}

  get ttlMs(): number {
    return this.options.ttlMs ?? 5 * 60_000;
  }

  /** Cache key of a token version at a location. */
  static key(tokenId: number, tokenLastUpdated: Date, locationId: number | null): string {
    return `${tokenId}@${tokenLastUpdated.getTime()}#${locationId ?? '-'}`;
  }

  get(key: string): CachedAuthorization | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt.getTime() <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Stores an answer; returns its expiry. */
  set(key: string, value: Omit<CachedAuthorization, 'expiresAt'>): Date {
    const expiresAt = new Date(this.now() + this.ttlMs);
    this.#entries.delete(key);
    this.#entries.set(key, { ...value, expiresAt });
    const max = this.options.maxEntries ?? 50_000;
    while (this.#entries.size > max) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
    return expiresAt;
  }

  get size(): number {
    return this.#entries.size;
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}
