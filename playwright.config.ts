import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium';

// The portal under test is the README's run command: the launcher with no tenant configuration,
// so `next start` runs against the embedded emulator. Debian's Chromium is used (never a download).
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  outputDir: 'test-results',
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  // Login throttling locks a demo account for the rest of the run: it goes last.
  projects: [
    { name: 'portal', testIgnore: /login-throttling\.spec\.ts/ },
    { name: 'login-throttling', testMatch: /login-throttling\.spec\.ts/, dependencies: ['portal'] },
  ],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: 'node_modules/.bin/tsx scripts/launch.ts start',
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      // Clear any tenant source from the caller's shell: e2e tests the embedded default.
      TENANTS_FILE: '',
      CONFIG_SERVICE_URL: '',
      LOG_LEVEL: 'warn',
      // Fault injection at the embedded emulator (e2e/support.ts); loopback and token only.
      EMULATOR_PORT: process.env.E2E_EMULATOR_PORT ?? '3199',
      EMULATOR_FAULT_CONTROL: 'true',
      CONFIG_SERVICE_TOKEN: 'e2e-fault-control-token-not-a-secret',
    },
  },
});
