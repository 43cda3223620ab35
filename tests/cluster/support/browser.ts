/**
 * Debian's Chromium through Playwright's library (never a downloaded browser), with the flags
 * of playwright.config.ts. The tenant switch is a server action: a real browser drives it.
 * Cookies are per host, not per port, so one browser context carries A's cookies to B.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';
import type { Credentials } from './users-file';
import { CookieJar, type Instance } from './portal-client';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

const UI_TIMEOUT_MS = 20_000;

export async function signInWithForm(page: Page, instance: Instance, user: Credentials): Promise<void> {
  await page.goto(`${instance.url}/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/dashboard$/, { timeout: UI_TIMEOUT_MS });
}

export const bannerFor = (tenantId: string) => `header.portal-header[data-active-tenant="${tenantId}"]`;

/** Ctrl+K, type, Enter: the banner's switcher, as a keyboard user drives it. */
export async function switchTenant(page: Page, tenantId: string): Promise<void> {
  await page.keyboard.press('Control+K');
  const input = page.getByRole('combobox');
  await input.fill(tenantId);
  await page.locator(`[data-tenant-option="${tenantId}"]`).first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await page.waitForSelector(bannerFor(tenantId), { timeout: UI_TIMEOUT_MS });
}

/** The organization card once streamed in (not its loading skeleton). */
export async function organizationCardText(page: Page): Promise<string> {
  const card = page.locator('[data-section="organization"]:not([aria-busy="true"])');
  await card.waitFor({ timeout: UI_TIMEOUT_MS });
  return (await card.textContent()) ?? '';
}

export async function jarOf(context: BrowserContext): Promise<CookieJar> {
  const jar = new CookieJar();
  for (const cookie of await context.cookies()) jar.values.set(cookie.name, cookie.value);
  return jar;
}
