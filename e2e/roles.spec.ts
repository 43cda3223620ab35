import { expect, test, type Page } from '@playwright/test';
import {
  demo,
  emulatorControl,
  header,
  screenshot,
  signIn,
  switchWithKeyboard,
  tenant,
  waitForSettledMain,
} from './support';

/**
 * Each role through the shell: sign in, switch tenants with the keyboard, read the dashboard, see
 * only the pages the role can use (and a 403 for the others). Screenshots of the main screens go
 * to reports/screenshots/ as CI artifacts.
 */

const nav = (page: Page) => page.getByRole('navigation', { name: 'Portal' });

test('admin: keyboard switch, dashboard, credentials health, overview with a failing tenant', async ({ page }) => {
  await signIn(page, 'admin@demo.test');
  await expect(nav(page).getByRole('link')).toHaveText([
    'Dashboard',
    'All tenants',
    'Settings',
    'Users',
    'Credentials & health',
    'Audit log',
  ]);

  await switchWithKeyboard(page, 'globex-eu');
  const globex = tenant('globex-eu');
  await expect(header(page)).toContainText(globex.displayName);
  await expect(header(page)).toContainText('Production');
  const main = page.getByRole('main');
  await expect(main).toHaveAttribute('data-tenant-id', 'globex-eu');
  await waitForSettledMain(page);
  await expect(main).toContainText(globex.orgId);
  await screenshot(page, 'dashboard');

  await page.keyboard.press('Control+K');
  await expect(page.getByRole('listbox')).toBeVisible();
  await screenshot(page, 'tenant-switcher');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();

  await nav(page).getByRole('link', { name: 'Credentials & health' }).click();
  await expect(page).toHaveURL(/\/credentials$/);
  await waitForSettledMain(page);
  for (const t of demo) await expect(page.locator(`main [data-tenant-id="${t.tenantId}"]`).first()).toBeVisible();
  // The permission probe of one tenant, then "Rotate now" (a test tenant: no confirm dialog).
  const stark = page.locator('main section[data-tenant-id="stark-uk"]');
  await stark.getByRole('button', { name: 'Probe permissions' }).click();
  await expect(stark.locator('[data-feature][data-state="ok"]').first()).toBeVisible({ timeout: 20_000 });
  await expect(stark.locator('[data-feature]:not([data-state="ok"])')).toHaveCount(0);
  await stark.getByRole('button', { name: 'Rotate now' }).click();
  await expect(stark).toContainText('Rotated', { timeout: 20_000 });
  await screenshot(page, 'credentials');

  // One tenant's OAuth client is disabled at the emulator: its cell fails, the others load.
  const failing = tenant('umbrella-ca');
  await emulatorControl('POST', `/__emulator/clients/${failing.clientId}/revoke-tokens`);
  await emulatorControl('POST', `/__emulator/clients/${failing.clientId}/disable`);
  try {
    await nav(page).getByRole('link', { name: 'All tenants' }).click();
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.locator(`[data-tenant-id="${failing.tenantId}"][data-state="error"]`)).toBeVisible({
      timeout: 20_000,
    });
    for (const t of demo.filter((d) => d.tenantId !== failing.tenantId)) {
      await expect(page.locator(`[data-tenant-id="${t.tenantId}"][data-state="ok"]`)).toBeVisible({ timeout: 20_000 });
    }
    await expect(page.locator(`[data-tenant-id="${failing.tenantId}"]`)).toContainText(/fail|invalid|credential/i);
    await screenshot(page, 'overview');
  } finally {
    await emulatorControl('POST', `/__emulator/clients/${failing.clientId}/enable`);
  }
});

test('ops: dashboards, settings and users; the audit log and credentials answer 403', async ({ page }) => {
  await signIn(page, 'ops@demo.test');
  await expect(nav(page).getByRole('link')).toHaveText(['Dashboard', 'All tenants', 'Settings', 'Users']);
  await switchWithKeyboard(page, 'stark-uk');
  await waitForSettledMain(page);
  await expect(page.getByRole('main')).toContainText(tenant('stark-uk').orgId);

  for (const path of ['/audit', '/credentials']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not available to your role');
  }
  await screenshot(page, 'forbidden');
});

test('auditor: dashboards, users and the audit log with their tenants only; settings and credentials answer 403', async ({
  page,
}) => {
  await signIn(page, 'auditor@demo.test');
  await expect(nav(page).getByRole('link')).toHaveText(['Dashboard', 'All tenants', 'Users', 'Audit log']);
  await switchWithKeyboard(page, 'initech-apac');
  await waitForSettledMain(page);
  await expect(page.getByRole('main')).toContainText(tenant('initech-apac').orgId);

  await nav(page).getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/\/audit/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
  // The switch just made is audited; every row belongs to one of the auditor's two tenants.
  await expect(page.locator('main [data-tenant-id="initech-apac"]').first()).toBeVisible();
  const tenantsShown = await page
    .locator('main [data-tenant-id]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-tenant-id')));
  expect(tenantsShown.filter((id) => id !== 'initech-apac' && id !== 'acme-sandbox')).toEqual([]);
  await screenshot(page, 'audit-log');

  for (const path of ['/credentials', '/settings']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
  }
});
