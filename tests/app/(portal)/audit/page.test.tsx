import { renderToStaticMarkup } from 'react-dom/server';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPortalHarness, type PortalHarness } from '../../../support/handler-harness';

// The /audit page rendered on the server for a signed-in user: filters from the URL, the
// tenant restriction of readAuditLog, invalid filters never searched, links keep the filters.
vi.mock('next/headers', async () => (await import('../../../support/handler-harness')).nextHeadersMock);

let harness: PortalHarness;
let AuditPage: (props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) => Promise<React.ReactElement>;

beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: [4, 4, 4, 4, 4, 4] });
  AuditPage = (await import('@/app/(portal)/audit/page')).default;
  for (const tenantId of ['acme-prod', 'acme-sandbox', 'initech-apac', null]) {
    await harness.portal.audit.append({
      userId: 'demo-ops',
      userEmail: 'ops@demo.test',
      role: 'ops',
      tenantId,
      action: 'org.update',
      result: 'success',
      requestId: `req-${tenantId ?? 'none'}`,
      before: { name: 'A' },
      after: { name: 'B' },
    });
  }
});
afterAll(() => harness.close());

async function renderPage(uid: string, search: Record<string, string | string[]>) {
  const cookie = await harness.cookiesFor(uid);
  let html = '';
  await harness.invoke(
    async () => {
      html = renderToStaticMarkup(await AuditPage({ searchParams: Promise.resolve(search) }));
      return new Response(null);
    },
    new Request('http://portal.test/audit', { headers: { cookie } }),
    { tenantId: '' },
  );
  const { document } = new Window();
  document.body.innerHTML = html;
  return document;
}

describe('/audit page', () => {
  it('lists only the auditor’s granted tenants’ entries, each row marked with its tenant', async () => {
    const page = await renderPage('demo-auditor', {});
    const tenants = Array.from(page.querySelectorAll('tbody tr[data-tenant-id]'), (row) =>
      row.getAttribute('data-tenant-id'),
    );
    expect(new Set(tenants)).toEqual(new Set(['acme-sandbox', 'initech-apac']));
    expect(page.body.textContent).not.toContain('req-acme-prod');
    expect(page.querySelector('a[href="/api/audit/export"]')?.textContent).toBe('Export CSV');
    const options = Array.from(page.querySelectorAll('select[name="tenant"] option'), (o) => o.getAttribute('value'));
    expect(options).toEqual(['', 'acme-sandbox', 'initech-apac']);
  });

  it('shows a clear message and no entries for a tenant the auditor is not granted', async () => {
    const page = await renderPage('demo-auditor', { tenant: 'acme-prod' });
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Tenant acme-prod is not available to you');
    expect(page.querySelector('table')).toBeNull();
    expect(page.querySelector('a[href^="/api/audit/export"]')).toBeNull();
  });

  it('names invalid filters, keeps what was typed, and searches nothing', async () => {
    const page = await renderPage('demo-auditor', { from: 'yesterday', result: 'maybe' });
    const alert = page.querySelector('[role="alert"]')?.textContent ?? '';
    expect(alert).toContain('nothing was searched');
    expect(alert).toContain('From must be a date and time in UTC');
    expect(alert).toContain('Result must be success, failure or denied.');
    expect(page.querySelector('table')).toBeNull();
    expect(page.querySelector('input[name="from"]')?.getAttribute('value')).toBe('yesterday');
  });

  it('pages with "Older entries" (filters plus cursor) and "Newest" links, 50 entries a page', async () => {
    for (let n = 0; n < 60; n++) {
      await harness.portal.audit.append({
        userId: 'demo-ops',
        userEmail: 'ops@demo.test',
        role: 'ops',
        tenantId: 'globex-eu',
        action: 'feature.update',
        result: 'success',
        requestId: `bulk-${n}`,
      });
    }
    const first = await renderPage('demo-admin', { tenant: 'globex-eu', action: 'feature.update' });
    expect(first.querySelectorAll('tbody tr')).toHaveLength(50);
    expect(first.querySelector('a[href="/api/audit/export?tenant=globex-eu&action=feature.update"]')).not.toBeNull();
    const older = first.querySelector('nav[aria-label="Audit log pages"] a');
    expect(older?.textContent).toBe('Older entries »');
    const href = new URL(older!.getAttribute('href')!, 'http://portal.test');
    expect(href.pathname).toBe('/audit');
    expect(href.searchParams.get('tenant')).toBe('globex-eu');
    expect(href.searchParams.get('action')).toBe('feature.update');

    const second = await renderPage('demo-admin', Object.fromEntries(href.searchParams));
    expect(second.querySelectorAll('tbody tr')).toHaveLength(10);
    const links = Array.from(second.querySelectorAll('nav[aria-label="Audit log pages"] a'), (a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([['« Newest', '/audit?tenant=globex-eu&action=feature.update']]);
    const seen = [...first.querySelectorAll('tbody code'), ...second.querySelectorAll('tbody code')]
      .map((code) => code.textContent ?? '')
      .filter((text) => text.startsWith('bulk-'));
    expect(new Set(seen).size).toBe(60);
  });

  it('says so when nothing matches', async () => {
    const empty = await renderPage('demo-admin', { action: 'credentials.rotate' });
    expect(empty.querySelector('.empty-state')?.textContent).toContain('No entries match these filters');
    expect(empty.querySelector('table')).toBeNull();
  });
});
