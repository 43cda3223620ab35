/**
 * Page performance in a real Chromium against `next start` + the embedded emulator (the README's
 * run command on a free port): the dashboard's TTFB (navigation timing), LCP and CLS (buffered
 * PerformanceObserver entries — the same sources Lighthouse reads), and the time from choosing a
 * tenant in the switcher (Enter) to the new dashboard fully rendered (banner names it, no panel
 * still busy). Needs a build (`npm run build`). Prints medians of RUNS runs; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

const PORT = 3177;
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = 7;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function startPortal() {
  const child = spawn('node_modules/.bin/tsx', ['scripts/launch.ts', 'start'], {
    env: { ...process.env, PORT: String(PORT), TENANTS_FILE: '', CONFIG_SERVICE_URL: '', LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 240; i++) {
    if ((await fetch(`${BASE}/api/health`).catch(() => null))?.ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
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

async function measureDashboard(page: Page, tenantId: string) {
  await page.goto(`${BASE}/dashboard`, { waitUntil: 'load' });
  await settled(page, tenantId);
  await page.waitForTimeout(300); // late layout shifts
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const vitals = (window as unknown as { __vitals: { lcp: number; cls: number } }).__vitals;
    return { ttfb: nav.responseStart - nav.requestStart, lcp: vitals.lcp, cls: vitals.cls };
  });
}

/** Ctrl+K until the switcher answers (right after a navigation the page may not be hydrated yet). */
async function openSwitcher(page: Page) {
  const input = page.getByRole('combobox');
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

export async function run() {
  if (!existsSync('.next/BUILD_ID')) {
    console.log('No build found: run `npm run build` first.');
    return;
  }
  const portal = await startPortal();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.addInitScript(observeVitals);
    await page.goto(`${BASE}/login`);
    await page.getByLabel('Email').fill('admin@demo.test');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/dashboard$/);
    await measureSwitch(page, 'globex-eu'); // warm-up: first token, first compile of each route

    const loads = [];
    const switches = [];
    for (let i = 0; i < RUNS; i++) {
      loads.push(await measureDashboard(page, i % 2 === 0 ? 'globex-eu' : 'acme-sandbox'));
      switches.push(await measureSwitch(page, i % 2 === 0 ? 'acme-sandbox' : 'globex-eu'));
    }
    const figures = {
      ttfb_ms: median(loads.map((l) => l.ttfb)),
      lcp_ms: median(loads.map((l) => l.lcp)),
      cls: median(loads.map((l) => l.cls)),
      switch_ms: median(switches),
    };
    console.log(`runs: ${RUNS} (medians), dashboard of a 2 000- and a 500-user tenant, admin user`);
    console.log('| metric | value |\n|---|---|');
    console.log(`| dashboard TTFB | ${figures.ttfb_ms.toFixed(0)} ms |`);
    console.log(`| dashboard LCP | ${figures.lcp_ms.toFixed(0)} ms |`);
    console.log(`| dashboard CLS | ${figures.cls.toFixed(3)} |`);
    console.log(`| switch → new dashboard rendered | ${figures.switch_ms.toFixed(0)} ms |`);
    console.log(
      `bench pages: ttfb_ms=${figures.ttfb_ms.toFixed(0)} lcp_ms=${figures.lcp_ms.toFixed(0)} cls=${figures.cls.toFixed(3)} switch_ms=${figures.switch_ms.toFixed(0)}`,
    );
  } finally {
    await browser.close();
    if (portal.pid) process.kill(-portal.pid, 'SIGTERM');
  }
}
