import { defineConfig } from 'vitest/config';
import { testAliases } from './vitest.config';

/**
 * The cluster suite (`npm run test:cluster`, after `npm run build`): two `next start`
 * instances of the production build on one Redis, the emulator, and fault drills. One
 * cluster for every file (tests/cluster/support/global-setup.ts), so files run one at a time.
 */
export default defineConfig({
  resolve: { alias: testAliases },
  test: {
    environment: 'node',
    include: ['tests/cluster/**/*.test.ts'],
    globalSetup: ['tests/cluster/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest-cluster.json' }]],
  },
});
