import { expect, test } from '@playwright/test';

// The embedded default seeds six demo organizations across several regions (emulator/seed).
const DEMO_TENANTS = ['acme-prod', 'acme-sandbox', 'globex-eu', 'initech-apac', 'umbrella-ca', 'stark-uk'];

test('landing page lists the demo tenants from the embedded emulator', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Genesys Tenant Portal' })).toBeVisible();
  await expect(page.getByRole('note')).toContainText('Demo mode');

  const list = page.getByRole('list', { name: 'Configured tenants' });
  const cards = list.getByRole('listitem');
  await expect(cards).toHaveCount(DEMO_TENANTS.length);
  for (const tenantId of DEMO_TENANTS) {
    await expect(list.locator(`[data-tenant-id="${tenantId}"]`)).toBeVisible();
  }

  const acme = list.locator('[data-tenant-id="acme-prod"]');
  await expect(acme.getByRole('heading')).toHaveText('Acme Corp');
  await expect(acme).toContainText('mypurecloud.com (us_east_1)');
  await expect(acme.locator('[data-environment="production"]')).toHaveText('production');

  const regions = await list.locator('dd:has-text("(")').allTextContents();
  expect(new Set(regions).size).toBeGreaterThanOrEqual(3);

  await page.screenshot({ path: 'reports/screenshots/landing.png', fullPage: true });
});

test('no credential reaches the browser', async ({ page, request }) => {
  const tenants = await (await request.get('/api/health')).json();
  expect(tenants).toMatchObject({ status: 'ok', mode: 'embedded-demo', tenants: { count: DEMO_TENANTS.length } });

  const response = await page.goto('/');
  const html = (await response?.text()) ?? '';
  expect(html).not.toMatch(/clientSecret|client_secret|X-Service-Token/i);
  expect(html).not.toContain('"clientId"');
});

test('health answers with no-store and no secrets', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toContain('no-store');
  expect(await response.text()).not.toMatch(/secret|token/i);
});
