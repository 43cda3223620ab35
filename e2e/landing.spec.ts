import { expect, test, type Page } from '@playwright/test';
import { createEmulator } from '../emulator/index';

// The launcher's embedded emulator uses the default seed, so an emulator built here holds the
// very same demo tenants and credentials: the test knows exactly which secrets must not leak.
const demo = createEmulator().listTenantCredentials();

async function signInAsAdmin(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel('Email').fill('admin@demo.test');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test('the portal starts at the login page; signed in, the dashboard lists the demo tenants', async ({ page }) => {
  await signInAsAdmin(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  const list = page.getByRole('list', { name: 'Your tenants' });
  await expect(list.getByRole('listitem')).toHaveCount(demo.length);
  for (const tenant of demo) {
    const card = list.locator(`[data-tenant-id="${tenant.tenantId}"]`);
    await expect(card.getByRole('heading')).toHaveText(tenant.displayName);
    await expect(card).toContainText(tenant.region);
    await expect(card.locator(`[data-environment="${tenant.environment}"]`)).toBeVisible();
  }
  expect(new Set(demo.map((t) => t.region)).size).toBeGreaterThanOrEqual(3);
  await expect(list.locator('[data-tenant-id="acme-prod"]')).toContainText('mypurecloud.com (us_east_1)');

  await page.screenshot({ path: 'reports/screenshots/landing.png', fullPage: true });
});

test('no credential reaches the browser', async ({ page, request }) => {
  const health = (await (await request.get('/api/health')).json()) as unknown;
  expect(health).toMatchObject({ status: 'ok', mode: 'embedded-demo', tenants: { count: demo.length } });

  // The login page (anonymous) and the dashboard (admin, with an active tenant), and their scripts.
  const pages: string[] = [];
  const scripts = new Set<string>();
  const collect = async () => {
    pages.push(await page.content());
    const urls = await page
      .locator('script[src]')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).src));
    for (const url of urls) scripts.add(url);
  };
  await page.goto('/login');
  pages.push(await (await request.get('/login')).text());
  await collect();
  await signInAsAdmin(page);
  await page.getByRole('button', { name: `Switch to ${demo[0]!.displayName}`, exact: true }).click();
  await expect(page.locator(`header[data-active-tenant="${demo[0]!.tenantId}"]`)).toBeVisible();
  pages.push(await (await page.request.get('/dashboard')).text());
  await collect();

  expect(scripts.size).toBeGreaterThan(0);
  const bundles = await Promise.all([...scripts].map(async (src) => (await request.get(src)).text()));
  const everything = [...pages, JSON.stringify(health), ...bundles].join('\n');
  for (const tenant of demo) {
    expect(everything).not.toContain(tenant.clientSecret);
    expect(everything).not.toContain(tenant.clientId);
  }
  // The session is not readable by the page's scripts.
  expect(await page.evaluate(() => document.cookie)).not.toContain('portal-session');
});

test('health answers uncached', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
});
