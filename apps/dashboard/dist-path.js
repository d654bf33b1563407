import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `vite build` writes the dashboard; apps/api serves it at `/`. `DASHBOARD_DIST` points
 * the hub at another copy (the browser tests serve a snapshot, unaffected by rebuilds meanwhile).
 */
export const dashboardDist = process.env.DASHBOARD_DIST
  ? `${resolve(process.env.DASHBOARD_DIST)}/`
  : fileURLToPath(new URL('./dist/', import.meta.url));
