import { expect, test, type Page } from '@playwright/test';
import { EMULATOR_URL, screenshot, signIn, switchWithKeyboard, tenant } from './support';

/**
 * The users table as an auditor uses it: open Users, search, sort, change the page size and
 * page, reload, and find the very same view (the URL holds it). Totals are checked against the
 * running emulator itself (a users search with the tenant's own client), not the portal.
 */

const TENANT = 'acme-sandbox';
const QUERY = 'an';

/** The emulator's own count of active and inactive users whose name, email or username contains `q`. */
async function emulatorTotal(q: string): Promise<number> {
  const { clientId, clientSecret } = tenant(TENANT);
  const tokenResponse = await fetch(`${EMULATOR_URL}/oauth/token`, {
    method: 'POST',
    headers: {
      Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const search = await fetch(`${EMULATOR_URL}/api/v2/users/search`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      pageSize: 1,
      query: [
        { type: 'EXACT', fields: ['state'], values: ['active', 'inactive'] },
        { type: 'CONTAINS', fields: ['name', 'email', 'username'], value: q },
      ],
    }),
  });
  return ((await search.json()) as { total: number }).total;
}

const userRows = (page: Page) => page.locator('main tr[data-user-id]');
const summary = (page: Page) => page.getByRole('navigation', { name: 'Users pages' }).getByRole('status');
const header = (page: Page, name: string) => page.getByRole('columnheader', { name, exact: false });
const count = (n: number) => n.toLocaleString('en-US');

test('auditor: search, sort, page size and page survive a reload (the URL holds the view)', async ({ page }) => {
  const total = await emulatorTotal(QUERY);
  expect(total).toBeGreaterThan(100);

  await signIn(page, 'auditor@demo.test');
  await switchWithKeyboard(page, TENANT);
  await page.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(/\/users$/);
  const main = page.getByRole('main');
  await expect(main).toHaveAttribute('data-tenant-id', TENANT);
  await expect(userRows(page).first()).toBeVisible({ timeout: 20_000 });
  // Auditors export and take snapshots.
  await expect(main.getByRole('link', { name: 'Snapshots' })).toBeVisible();
  await expect(main.getByRole('button', { name: 'Export CSV' })).toBeVisible();

  await main.getByRole('searchbox', { name: 'Search' }).fill(QUERY);
  await expect(page).toHaveURL(new RegExp(`\\?q=${QUERY}$`));
  await expect(summary(page)).toHaveText(`Rows 1–25 of ${count(total)}`, { timeout: 20_000 });

  await main.getByRole('button', { name: /^Email/ }).click();
  await expect(page).toHaveURL(/sort=email/);
  await expect(header(page, 'Email')).toHaveAttribute('aria-sort', 'ascending');
  await main.getByRole('button', { name: /^Email/ }).click();
  await expect(header(page, 'Email')).toHaveAttribute('aria-sort', 'descending');
  await expect(main.locator('[aria-busy="true"]')).toHaveCount(0);
  const emails = await userRows(page).locator('td:nth-child(2)').allTextContents();
  expect(emails.length).toBeGreaterThan(1);
  const lower = emails.map((email) => email.toLowerCase());
  expect(lower).toEqual([...lower].sort().reverse());

  await main.getByLabel('Rows per page').selectOption('100');
  await expect(summary(page)).toHaveText(`Rows 1–100 of ${count(total)}`);
  // 100 rows per page are virtualized: only those in view are in the DOM.
  expect(await userRows(page).count()).toBeLessThan(100);
  await main.getByRole('button', { name: 'Next page' }).click();
  await expect(summary(page)).toHaveText(new RegExp(`^Rows 101–\\d+ of ${count(total)}$`));
  await expect(page).toHaveURL(/page=2/);

  const url = page.url();
  const firstUser = await userRows(page).first().getAttribute('data-user-id');
  await screenshot(page, 'users');

  await page.reload();
  await expect(page).toHaveURL(url);
  await expect(summary(page)).toHaveText(new RegExp(`^Rows 101–\\d+ of ${count(total)}$`), { timeout: 20_000 });
  await expect(userRows(page).first()).toHaveAttribute('data-user-id', firstUser ?? '');
  await expect(main.getByRole('searchbox', { name: 'Search' })).toHaveValue(QUERY);
  await expect(header(page, 'Email')).toHaveAttribute('aria-sort', 'descending');
  await expect(main.getByLabel('Rows per page')).toHaveValue('100');
  for (const id of await main
    .locator('[data-tenant-id]')
    .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-tenant-id')))) {
    expect(id).toBe(TENANT);
  }
});
