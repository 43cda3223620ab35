import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createEmulator } from '../emulator/index';

/**
 * Sessions in the browser: sign-in, tenant switching (and deep links that must ask first),
 * sign-out and what a copied or tampered cookie is worth afterwards. Login throttling is in
 * login-throttling.spec.ts, run after everything else (it locks an account).
 */

const demo = createEmulator().listTenantCredentials();
const tenant = (id: string) => {
  const found = demo.find((t) => t.tenantId === id);
  if (!found) throw new Error(`no demo tenant ${id}`);
  return found;
};

const GENERIC_ERROR = 'Email or password is incorrect.';

async function signInWithForm(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const header = (page: Page) => page.locator('header.portal-header');

async function sessionCookie(context: BrowserContext) {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith('portal-session'));
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

test('login page: a wrong password gets the generic error, the right one the dashboard', async ({ page }) => {
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Genesys Tenant Portal' })).toBeVisible();
  await page.screenshot({ path: 'reports/screenshots/login.png', fullPage: true });

  await signInWithForm(page, 'ops@demo.test', 'not-the-password');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(GENERIC_ERROR);
  await expect(page).toHaveURL(/\/login/);

  await signInWithForm(page, 'ops@demo.test', 'demo');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(header(page)).toContainText('No tenant selected');
  await expect(header(page)).toContainText('Demo Ops');
  const cookie = await sessionCookie(page.context());
  expect(cookie.httpOnly).toBe(true);
  expect(cookie.sameSite).toBe('Lax');
  expect(await page.evaluate(() => document.cookie)).not.toContain('portal-session');
});

test('tenant switching: the UI switches, a deep link asks first, a foreign one is refused', async ({ page }) => {
  await page.goto('/login');
  await signInWithForm(page, 'ops@demo.test', 'demo');
  await expect(page).toHaveURL(/\/dashboard$/);

  // Switch with the tenant chooser: the header names the tenant, the summary shows its org.
  const acme = tenant('acme-prod');
  await page.getByRole('button', { name: `Switch to ${acme.displayName}`, exact: true }).click();
  await expect(header(page)).toHaveAttribute('data-active-tenant', 'acme-prod');
  await expect(header(page)).toContainText(acme.displayName);
  await expect(page.locator('main section[data-tenant-id="acme-prod"]')).toContainText(acme.orgId);
  await page.screenshot({ path: 'reports/screenshots/dashboard.png', fullPage: true });

  // A deep link to another granted tenant shows the confirm screen and switches nothing.
  const globex = tenant('globex-eu');
  await page.goto('/dashboard?tenant=globex-eu');
  const dialog = page.getByRole('dialog', { name: 'Switch tenant?' });
  await expect(dialog).toContainText(globex.displayName);
  await expect(header(page)).toHaveAttribute('data-active-tenant', 'acme-prod');
  const stillAcme = await page.request.patch('/api/tenants/globex-eu/features/informalPhotos', {
    data: { enabled: true },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(stillAcme.status(), 'a write to the linked tenant before confirming').toBe(409);
  await page.goto('/dashboard');
  await expect(header(page)).toHaveAttribute('data-active-tenant', 'acme-prod');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Confirmed: now it switches.
  await page.goto('/dashboard?tenant=globex-eu');
  await page
    .getByRole('dialog', { name: 'Switch tenant?' })
    .getByRole('button', { name: `Switch to ${globex.displayName}` })
    .click();
  await expect(header(page)).toHaveAttribute('data-active-tenant', 'globex-eu');
  await expect(page.locator('main section[data-tenant-id="globex-eu"]')).toContainText(globex.orgId);

  // Not granted (or not existing): the same notice, no switch, nothing of that tenant.
  const initech = tenant('initech-apac');
  for (const id of ['initech-apac', 'no-such-tenant']) {
    await page.goto(`/dashboard?tenant=${id}`);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(
      'The tenant in this link is not available to you.',
    );
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(header(page)).toHaveAttribute('data-active-tenant', 'globex-eu');
    const html = await page.content();
    expect(html).not.toContain(initech.orgId);
    expect(html).not.toContain(initech.displayName);
  }
});

test('sign-out: protected pages go to the login page, and the old cookie is dead', async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  await page.goto('/login');
  await signInWithForm(page, 'admin@demo.test', 'demo');
  await expect(page).toHaveURL(/\/dashboard$/);
  const old = await sessionCookie(page.context());
  const before = await page.request.get('/api/tenants/acme-prod/organization');
  expect(before.status()).toBe(200);

  await page.locator('header .user-menu summary').click(); // the user menu holds "Sign out"
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  for (const path of ['/dashboard', '/dashboard?tenant=acme-prod', '/']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
  }
  expect((await page.request.get('/api/tenants/acme-prod/organization')).status()).toBe(401);

  // Replaying the cookie copied before the logout: 401 on the API, the login page in a browser.
  const replay = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: `${old.name}=${old.value}` },
  });
  const replayed = await replay.get('/api/tenants/acme-prod/organization');
  expect(replayed.status()).toBe(401);
  expect(((await replayed.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
  await replay.dispose();

  const other = await browser.newContext({ baseURL });
  await other.addCookies([{ ...old, expires: -1 }]);
  const otherPage = await other.newPage();
  await otherPage.goto('/dashboard');
  await expect(otherPage).toHaveURL(/\/login\?next=%2Fdashboard$/);
  await other.close();
});

test('a tampered session cookie: redirected to the login page, 401 on the API', async ({ page, browser, baseURL }) => {
  await page.goto('/login');
  await signInWithForm(page, 'auditor@demo.test', 'demo');
  await expect(page).toHaveURL(/\/dashboard$/);
  const cookie = await sessionCookie(page.context());
  const middle = Math.floor(cookie.value.length / 2);
  const tampered =
    cookie.value.slice(0, middle) + (cookie.value[middle] === 'A' ? 'B' : 'A') + cookie.value.slice(middle + 1);

  const context = await browser.newContext({ baseURL });
  await context.addCookies([{ ...cookie, value: tampered, expires: -1 }]);
  const tamperedPage = await context.newPage();
  await tamperedPage.goto('/dashboard');
  await expect(tamperedPage).toHaveURL(/\/login\?next=%2Fdashboard$/);
  const api = await tamperedPage.request.get('/api/tenants/acme-sandbox/organization');
  expect(api.status()).toBe(401);
  await context.close();
  // The untouched original still works.
  expect((await page.request.get('/api/tenants/acme-sandbox/organization')).status()).toBe(200);
});
