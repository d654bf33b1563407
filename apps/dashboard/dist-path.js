import { fileURLToPath } from 'node:url';

/** Where `vite build` writes the dashboard; apps/api serves it at `/`. */
export const dashboardDist = fileURLToPath(new URL('./dist/', import.meta.url));
