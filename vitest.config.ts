import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Shared with vitest.cluster.config.ts. */
export const testAliases = {
  '@': fileURLToPath(new URL('./', import.meta.url)),
  // `server-only` throws outside a React Server Components bundle; in tests it is a no-op.
  'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
};

const CONNECTION_LOSS = /ECONNRESET|ECONNREFUSED|The client is closed|Socket closed unexpectedly/;
const FROM_CACHE_CLIENT = /nextjs-turbo-redis-cache|@redis[\\/]client|node:internal\/stream_base_commons/;

/**
 * @trieb.work/nextjs-turbo-redis-cache leaves a few of its own promises (Pub/Sub publishes, a
 * socket read) unhandled when its Redis connection drops, which tests/next-cache provokes on
 * purpose. `next start` logs such rejections and lives on (the cluster drills kill Redis under
 * load and check the processes). Only connection-loss errors raised from that library, its
 * redis client or a bare socket read are ignored; anything else still fails the run.
 */
export function isCacheClientConnectionLoss(error: { message?: string; stack?: string }): boolean {
  return CONNECTION_LOSS.test(error.message ?? '') && FROM_CACHE_CLIENT.test(error.stack ?? '');
}

export default defineConfig({
  resolve: { alias: testAliases },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Needs a production build and its own Redis: vitest.cluster.config.ts, run after `next build`.
    exclude: ['tests/cluster/**', 'node_modules/**'],
    globalSetup: ['tests/support/redis-global-setup.ts'],
    onUnhandledError: (error) => (isCacheClientConnectionLoss(error) ? false : undefined),
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
