import { expect, type Page } from '@playwright/test';
import { createEmulator } from '../emulator/index';

/**
 * Shared by the role specs: the demo world (same seed as the launcher's embedded emulator),
 * sign-in, keyboard switching, and the emulator's fault control (enabled for e2e only, see
 * playwright.config.ts).
 */
export const demo = createEmulator().listTenantCredentials();
export const tenant = (id: string) => {
  const found = demo.find((t) => t.tenantId === id);
  if (!found) throw new Error(`no demo tenant ${id}`);
  return found;
};

export const EMULATOR_URL = `http://127.0.0.1:${process.env.E2E_EMULATOR_PORT ?? 3199}`;
export const CONTROL_TOKEN = 'e2e-fault-control-token-not-a-secret';

export async function emulatorControl(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) {
  const response = await fetch(`${EMULATOR_URL}${path}`, {
    method,
    headers: { 'X-Service-Token': CONTROL_TOKEN, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`emulator control ${method} ${path}: ${response.status} ${await response.text()}`);
}

export async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

export const header = (page: Page) => page.locator('header.portal-header');

/** Ctrl+K, type, Enter: the switcher as a keyboard user drives it. Returns once the banner names the tenant. */
export async function switchWithKeyboard(page: Page, tenantId: string, options: { waitForBanner?: boolean } = {}) {
  await page.keyboard.press('Control+K');
  const input = page.getByRole('combobox');
  await expect(input).toBeFocused();
  await input.fill(tenantId);
  await expect(page.locator(`[data-tenant-option="${tenantId}"]`).first()).toBeVisible();
  await page.keyboard.press('Enter');
  if (options.waitForBanner !== false) {
    await expect(header(page)).toHaveAttribute('data-active-tenant', tenantId, { timeout: 15_000 });
  }
}

/** Every panel has loaded (no skeleton or aria-busy region left in <main>). */
export async function waitForSettledMain(page: Page) {
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
}

export const screenshot = (page: Page, name: string) =>
  page.screenshot({ path: `reports/screenshots/${name}.png`, fullPage: true });
