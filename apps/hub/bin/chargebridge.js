#!/usr/bin/env node
// The published entry point runs the TypeScript sources through tsx's ESM loader,
// so a fresh clone needs no build step before `npm start`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
