import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Shared with vitest.cluster.config.ts. */
export const testAliases = {
  '@': fileURLToPath(new URL('./', import.meta.url)),
  // `server-only` throws outside a React Server Components bundle; in tests it is a no-op.
  'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
};

export default defineConfig({
  resolve: { alias: testAliases },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Needs a production build and its own Redis: vitest.cluster.config.ts, run after `next build`.
    exclude: ['tests/cluster/**', 'node_modules/**'],
    globalSetup: ['tests/support/redis-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
