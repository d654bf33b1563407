import { defineConfig } from 'vitest/config';

/**
 * Package-local config so `npx vitest run --root packages/tariffs` runs these pure tests without
 * the repository-wide global setup (databases); the root config runs them too.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
