import { expect, test, type Page } from '@playwright/test';
import { emulatorControl, screenshot, signIn, switchWithKeyboard, tenant, waitForSettledMain } from './support';

/**
 * The organization settings editor as ops use it: an edit reviewed as a diff and saved, the
 * production confirm (type the tenant's name), and a conflict with an edit made at Genesys
 * (the emulator) meanwhile, shown side by side and re-applied. Only support URI and default
 * language are changed, so the other specs' expectations about names and domains hold.
 */

async function openSettings(page: Page, tenantId: string) {
  await signIn(page, 'ops@demo.test');
  await switchWithKeyboard(page, tenantId);
  await page.goto('/settings');
  await waitForSettledMain(page);
  const main = page.getByRole('main');
  await expect(main).toHaveAttribute('data-tenant-id', tenantId);
  // Every tenant-scoped element of the page names the active tenant.
  for (const value of await main.locator('[data-tenant-id]').evaluateAll((els) => els.map((e) => e.dataset.tenantId)))
    expect(value).toBe(tenantId);
  return page.getByRole('region', { name: 'Organization' });
}

const unique = (prefix: string) => `https://${prefix}-${Date.now().toString(36)}.example`;

test('ops edits a field of a non-production tenant: diff, save, success, fresh data', async ({ page }) => {
  const section = await openSettings(page, 'acme-sandbox');
  const supportUri = section.getByLabel('Support URI');
  const before = await supportUri.inputValue();
  const value = unique('help');
  await supportUri.fill(value);
  await section.getByRole('button', { name: 'Review changes' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const rows = dialog.locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Support URI');
  await expect(rows.first()).toContainText(before || '(empty)');
  await expect(rows.first()).toContainText(value);
  await expect(dialog.getByLabel(/production tenant/)).toHaveCount(0);
  await screenshot(page, 'settings-review');
  await dialog.getByRole('button', { name: 'Save 1 change' }).click();

  await expect(section.getByRole('status')).toContainText('1 change saved to the organization', { timeout: 20_000 });
  // Focus moved to the result, so a screen reader reads it.
  await expect(page.locator(':focus')).toContainText('1 change saved');
  await page.reload();
  await waitForSettledMain(page);
  await expect(page.getByRole('region', { name: 'Organization' }).getByLabel('Support URI')).toHaveValue(value);
});

test('a production tenant asks for its name before saving', async ({ page }) => {
  const prod = tenant('acme-prod');
  const section = await openSettings(page, prod.tenantId);
  await section.getByLabel('Support URI').fill(unique('prod-help'));
  await section.getByRole('button', { name: 'Review changes' }).click();

  const dialog = page.getByRole('dialog');
  const confirm = dialog.getByLabel(/This is a production tenant/);
  await expect(confirm).toBeFocused();
  const save = dialog.getByRole('button', { name: 'Save 1 change' });
  await expect(save).toBeDisabled();
  await confirm.fill(prod.displayName.toLowerCase());
  await expect(save).toBeDisabled();
  await confirm.fill(prod.displayName);
  await expect(save).toBeEnabled();
  await screenshot(page, 'settings-production-confirm');
  await save.click();
  await expect(section.getByRole('status')).toContainText('1 change saved', { timeout: 20_000 });
});

test('a conflict with an edit made meanwhile shows both values and re-applies onto the new version', async ({
  page,
}) => {
  const tenantId = 'stark-uk';
  const section = await openSettings(page, tenantId);
  const mine = unique('mine');
  const theirs = unique('theirs');
  await section.getByLabel('Support URI').fill(mine);
  // Someone else edits the org in Genesys while this form is open.
  await emulatorControl('POST', `/__emulator/tenants/${tenantId}/mutate`, { supportURI: theirs });

  await section.getByRole('button', { name: 'Review changes' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Save 1 change' }).click();

  const conflict = section.getByRole('alert', { name: /someone changed this meanwhile/i });
  await expect(conflict).toBeVisible({ timeout: 20_000 });
  const row = conflict.locator('tr[data-field="supportURI"]');
  await expect(row).toHaveAttribute('data-both', 'true');
  await expect(row).toContainText(theirs);
  await expect(row).toContainText(mine);
  await screenshot(page, 'settings-conflict');

  await conflict.getByRole('button', { name: 'Re-apply my changes onto the new version' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('tbody tr')).toHaveCount(1);
  // The diff is now against their version: their value → mine, marked as changed by both.
  await expect(dialog.locator('tbody tr').first()).toContainText('Someone else changed this too');
  await expect(dialog.locator('tbody tr').first()).toContainText(theirs);
  await expect(dialog.locator('tbody tr').first()).toContainText(mine);
  await dialog.getByRole('button', { name: 'Save 1 change' }).click();
  await expect(section.getByRole('status')).toContainText('1 change saved', { timeout: 20_000 });
  await page.reload();
  await waitForSettledMain(page);
  await expect(page.getByRole('region', { name: 'Organization' }).getByLabel('Support URI')).toHaveValue(mine);
});
