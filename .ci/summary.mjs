// Prints one closing line `N passed, N failed` from the Vitest and Playwright JSON reports (and
// the cluster suite's Vitest report), counting a failed non-test step (typecheck, lint, build)
// as a failure. Exit code 1 on any failure.
// Usage: summary.mjs <vitest.json> <playwright.json> <vitest-cluster.json> [failed step ...]
import { existsSync, readFileSync } from 'node:fs';

const [vitestPath, playwrightPath, clusterPath, ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function read(path) {
  return path && existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

function countVitest(label, report) {
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}

const vitest = read(vitestPath);
if (vitest) countVitest('vitest', vitest);
else failedSteps.push('vitest report missing');

const buildFailed = failedSteps.includes('build');
const playwright = read(playwrightPath);
if (playwright?.stats) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped: pwSkipped = 0 } = playwright.stats;
  passed += expected;
  failed += unexpected + flaky;
  skipped += pwSkipped;
  console.log(`playwright: ${expected} passed, ${unexpected + flaky} failed`);
} else if (!buildFailed) {
  failedSteps.push('playwright report missing');
}

const cluster = read(clusterPath);
if (cluster) countVitest('cluster', cluster);
else if (!buildFailed) failedSteps.push('cluster report missing');

for (const step of failedSteps) console.log(`step failed: ${step}`);
failed += failedSteps.length;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
