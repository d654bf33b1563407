import { readFileSync } from 'node:fs';

/**
 * The hub's package version (apps/hub/package.json; written into the bundle when it is built by
 * scripts/build-hub.mjs), or undefined when it cannot be read.
 */
export function hubVersion(): string | undefined {
  const bundled = process.env.CHARGEBRIDGE_BUNDLED_VERSION;
  if (bundled) return bundled;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}
