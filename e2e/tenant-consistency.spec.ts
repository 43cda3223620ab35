import { expect, test, type Page } from '@playwright/test';
import { demo, header, screenshot, signIn, switchWithKeyboard, waitForSettledMain } from './support';

/**
 * Never the wrong tenant on screen. A MutationObserver installed before any page script records
 * every DOM state in which <main> shows an element or value of a tenant other than the one the
 * banner names. Switching A → B → A as fast as the UI allows must record nothing.
 */

const A = 'globex-eu';
const B = 'stark-uk';

declare global {
  interface Window {
    __violations: string[];
  }
}

const markers = demo.map((t) => ({ tenantId: t.tenantId, orgId: t.orgId }));

async function watchForOtherTenants(page: Page) {
  await page.addInitScript((tenants: { tenantId: string; orgId: string }[]) => {
    window.__violations = [];
    const check = () => {
      const active = document.querySelector('header.portal-header')?.getAttribute('data-active-tenant');
      const main = document.querySelector('main[data-tenant-id]');
      if (!active || !main) return;
      const mainTenant = main.getAttribute('data-tenant-id');
      if (mainTenant && mainTenant !== active) window.__violations.push(`main is ${mainTenant}, banner ${active}`);
      for (const node of main.querySelectorAll('[data-tenant-id]')) {
        const id = node.getAttribute('data-tenant-id');
        if (id !== active) window.__violations.push(`element of ${id} under banner ${active}`);
      }
      const text = (main as HTMLElement).innerText;
      for (const other of tenants) {
        if (other.tenantId !== active && text.includes(other.orgId))
          window.__violations.push(`org id of ${other.tenantId} shown under banner ${active}`);
      }
    };
    new MutationObserver(check).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  }, markers);
}

test('switching A → B → A quickly never renders a value of the other tenant', async ({ page }) => {
  await watchForOtherTenants(page);
  await signIn(page, 'admin@demo.test');
  await switchWithKeyboard(page, A);
  await waitForSettledMain(page);

  // B, and straight back to A as soon as the banner turns: B's panels are still streaming.
  await switchWithKeyboard(page, B);
  await switchWithKeyboard(page, A);
  await waitForSettledMain(page);
  await expect(page.getByRole('main')).toContainText(demo.find((t) => t.tenantId === A)!.orgId);
  await switchWithKeyboard(page, B);
  await waitForSettledMain(page);
  await expect(header(page)).toHaveAttribute('data-active-tenant', B);
  await expect(page.getByRole('main')).toContainText(demo.find((t) => t.tenantId === B)!.orgId);
  await screenshot(page, 'dashboard-after-switches');

  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

test('a switch in another tab: this tab follows, and never shows one tenant under the other banner', async ({
  context,
}) => {
  const first = await context.newPage();
  await watchForOtherTenants(first);
  await signIn(first, 'admin@demo.test');
  await switchWithKeyboard(first, A);
  await waitForSettledMain(first);

  const second = await context.newPage();
  await second.goto('/dashboard');
  await switchWithKeyboard(second, B);

  // The first tab hears of it and refreshes; a navigation there renders B under B's banner.
  await expect(header(first)).toHaveAttribute('data-active-tenant', B, { timeout: 15_000 });
  await first.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Dashboard' }).click();
  await waitForSettledMain(first);
  await expect(first.getByRole('main')).toContainText(demo.find((t) => t.tenantId === B)!.orgId);
  expect(await first.evaluate(() => window.__violations)).toEqual([]);
});
