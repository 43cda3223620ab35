import { expect, test } from '@playwright/test';
import { createEmulator } from '../emulator/index';

// The launcher's embedded emulator uses the default seed, so an emulator built here holds the
// very same demo tenants and credentials: the test knows exactly which secrets must not leak.
const demo = createEmulator().listTenantCredentials();

test('landing page lists the demo tenants from the embedded emulator', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Genesys Tenant Portal' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Demo mode');

  const list = page.getByRole('list', { name: 'Configured tenants' });
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

  const html = (await (await page.goto('/'))?.text()) ?? '';
  const scriptUrls = await page
    .locator('script[src]')
    .evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).src));
  expect(scriptUrls.length).toBeGreaterThan(0);
  const bundles = await Promise.all(scriptUrls.map(async (src) => (await request.get(src)).text()));
  const everything = [html, JSON.stringify(health), ...bundles].join('\n');
  for (const tenant of demo) {
    expect(everything).not.toContain(tenant.clientSecret);
    expect(everything).not.toContain(tenant.clientId);
  }
});

test('health answers uncached', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
});
