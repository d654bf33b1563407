// Whether apps/hub/dist/cli.mjs (scripts/build-hub.mjs) is current: built after every file it
// was built from last changed. Shared by the `chargebridge` command and the build script.
import { readFileSync, statSync } from 'node:fs';

export const distDir = new URL('../dist/', import.meta.url);
const repoRoot = new URL('../../../', import.meta.url);

export function bundleIsCurrent() {
  try {
    const builtAt = statSync(new URL('cli.mjs', distDir)).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('inputs.json', distDir), 'utf8'));
    return inputs.every((file) => statSync(new URL(file, repoRoot)).mtimeMs <= builtAt);
  } catch {
    return false; // no bundle, or one of its inputs is gone
  }
}
