/**
 * Page performance in a real Chromium against `next start` + the embedded emulator (the README's
 * run command on a free port): the dashboard's and the users page's TTFB (navigation timing),
 * LCP and CLS (buffered PerformanceObserver entries — the same sources Lighthouse reads), and the
 * time from choosing a tenant in the switcher (Enter) to the new dashboard fully rendered (banner
 * names it, no panel still busy). "Settled" is when nothing in the page is busy any more (the
 * users page: its first rows shown), from navigation start. Needs a build (`npm run build`). Prints medians of RUNS runs;
 * asserts nothing.
 */
import { chromium, type Page } from '@playwright/test';
import { freePort, hasBuild, killGroup, median, printTable, sleep, spawnGroup } from './support';

const RUNS = 7;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];

async function startPortal() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawnGroup('node_modules/.bin/tsx', ['scripts/launch.ts', 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      EMULATOR_PORT: '0',
      TENANTS_FILE: '',
      CONFIG_SERVICE_URL: '',
      REDIS_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 480 && child.exitCode === null; i++) {
    if ((await fetch(`${base}/api/health`).catch(() => null))?.ok) return { base, child };
    await sleep(250);
  }
  await killGroup(child);
  throw new Error('portal did not start');
}

/** Installed before any page script: collects LCP and CLS as the page renders. */
function observeVitals() {
  const vitals = { lcp: 0, cls: 0 };
  (window as unknown as { __vitals: typeof vitals }).__vitals = vitals;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) vitals.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) vitals.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
}

async function settled(page: Page, tenantId: string) {
  await page.waitForSelector(`header[data-active-tenant="${tenantId}"]`);
  await page.waitForFunction(() => document.querySelectorAll('main [aria-busy="true"]').length === 0);
}

async function measureLoad(page: Page, url: string, tenantId: string, ready?: string) {
  await page.goto(url, { waitUntil: 'load' });
  if (ready) await page.waitForSelector(ready);
  await settled(page, tenantId);
  // Since navigation start; Playwright polls, so a few ms late at most.
  const readyMs = await page.evaluate(() => performance.now());
  await page.waitForTimeout(300); // late layout shifts
  const measured = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const vitals = (window as unknown as { __vitals: { lcp: number; cls: number } }).__vitals;
    return { ttfb: nav.responseStart - nav.requestStart, lcp: vitals.lcp, cls: vitals.cls };
  });
  return { ...measured, ready: readyMs };
}

/** Ctrl+K until the switcher answers (right after a navigation the page may not be hydrated yet). */
async function openSwitcher(page: Page) {
  const input = page.getByRole('combobox', { name: 'Search tenants' });
  for (let attempt = 0; attempt < 50; attempt++) {
    await page.keyboard.press('Control+K');
    if (await input.isVisible()) return input;
    await page.waitForTimeout(100);
  }
  throw new Error('the tenant switcher did not open');
}

async function measureSwitch(page: Page, tenantId: string) {
  await (await openSwitcher(page)).fill(tenantId);
  await page.locator(`[data-tenant-option="${tenantId}"]`).first().waitFor();
  const start = await page.evaluate(() => performance.now());
  await page.keyboard.press('Enter');
  await settled(page, tenantId);
  return (await page.evaluate(() => performance.now())) - start;
}

type Load = Awaited<ReturnType<typeof measureLoad>>;

export async function run() {
  if (!hasBuild()) {
    console.log('No build found (.next/BUILD_ID): run `npm run build` first. Skipped.');
    console.log('bench pages: skipped=no_build');
    return;
  }
  const { base, child: portal } = await startPortal();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.addInitScript(observeVitals);
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill('admin@demo.test');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/dashboard$/);
    // Warm-up: first token of each tenant, first render of each route.
    await measureSwitch(page, 'globex-eu');
    await measureLoad(page, `${base}/users`, 'globex-eu', 'main [data-user-id]');
    await measureSwitch(page, 'acme-sandbox');
    await measureLoad(page, `${base}/users`, 'acme-sandbox', 'main [data-user-id]');

    const dashboards: Load[] = [];
    const users: Load[] = [];
    const switches: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const [active, other] = i % 2 === 0 ? ['acme-sandbox', 'globex-eu'] : ['globex-eu', 'acme-sandbox'];
      dashboards.push(await measureLoad(page, `${base}/dashboard`, active));
      users.push(await measureLoad(page, `${base}/users`, active, 'main [data-user-id]'));
      await page.goto(`${base}/dashboard`);
      await settled(page, active);
      switches.push(await measureSwitch(page, other));
    }
    const figures = (loads: Load[]) => ({
      ttfb: median(loads.map((l) => l.ttfb)),
      lcp: median(loads.map((l) => l.lcp)),
      cls: median(loads.map((l) => l.cls)),
      ready: median(loads.map((l) => l.ready)),
    });
    const dashboard = figures(dashboards);
    const usersPage = figures(users);
    const switchMs = median(switches);
    console.log(`runs: ${RUNS} (medians), a 2 000- and a 500-user tenant in turn, admin user, memory stores`);
    printTable(
      ['page', 'TTFB ms', 'LCP ms', 'CLS', 'settled ms'],
      [dashboard, usersPage].map((f, i) => [
        i === 0 ? 'dashboard (every panel)' : 'users (first 25 rows)',
        f.ttfb.toFixed(0),
        f.lcp.toFixed(0),
        f.cls.toFixed(3),
        f.ready.toFixed(0),
      ]),
    );
    console.log(`switch → new dashboard rendered: ${switchMs.toFixed(0)} ms`);
    console.log(
      `bench pages: dashboard_ttfb_ms=${dashboard.ttfb.toFixed(0)} dashboard_lcp_ms=${dashboard.lcp.toFixed(0)} ` +
        `dashboard_cls=${dashboard.cls.toFixed(3)} dashboard_settled_ms=${dashboard.ready.toFixed(0)} ` +
        `users_settled_ms=${usersPage.ready.toFixed(0)} users_ttfb_ms=${usersPage.ttfb.toFixed(0)} ` +
        `users_lcp_ms=${usersPage.lcp.toFixed(0)} users_cls=${usersPage.cls.toFixed(3)} switch_ms=${switchMs.toFixed(0)}`,
    );
  } finally {
    await browser.close();
    await killGroup(portal);
  }
}
