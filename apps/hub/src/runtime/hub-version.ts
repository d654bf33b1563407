import { readFileSync } from 'node:fs';

/** The hub's package version (apps/hub/package.json), or undefined when it cannot be read. */
export function hubVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : undefined;
  } catch {
    return undefined;
  }
}
