#!/usr/bin/env node
// The `chargebridge` command. It runs the bundle scripts/build-hub.mjs writes after `npm ci` and
// before `npm start` (apps/hub/dist/cli.mjs: plain JavaScript, fast to start) while none of the
// files it was built from changed since; otherwise — during development, or when the bundle was
// never built — the TypeScript sources through tsx's ESM loader, so a fresh clone needs no build
// step either way. CHARGEBRIDGE_FROM_SOURCE=1 always runs the sources.
import { bundleIsCurrent, distDir } from './bundle-state.js';

if (process.env.CHARGEBRIDGE_FROM_SOURCE !== '1' && bundleIsCurrent()) {
  await import(new URL('cli.mjs', distDir).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
