// Prints one closing line `N passed, N failed` from the Vitest and Playwright JSON reports,
// counting a failed non-test step (typecheck, lint, build) as a failure. Exit code 1 on any failure.
import { existsSync, readFileSync } from 'node:fs';

const [vitestPath, playwrightPath, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function read(path) {
  return path && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const vitest = read(vitestPath);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
  skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  console.log(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
} else {
  failedSteps.push('vitest report missing');
}

const playwright = read(playwrightPath);
if (playwright?.stats) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped: pwSkipped = 0 } = playwright.stats;
  passed += expected;
  failed += unexpected + flaky;
  skipped += pwSkipped;
  console.log(`playwright: ${expected} passed, ${unexpected + flaky} failed`);
} else if (!failedSteps.includes('build')) {
  failedSteps.push('playwright report missing');
}

for (const step of failedSteps) console.log(`step failed: ${step}`);
failed += failedSteps.length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
