import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The dashboard is served by apps/api from the same origin, so in development `vite` proxies
 * the API to a hub on $HUB_URL (default http://127.0.0.1:8080).
 */
const hub = process.env.HUB_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { '/api': hub, '/health': hub },
  },
});
