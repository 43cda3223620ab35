// @vitest-environment happy-dom
/**
 * The dashboard as the server streams it: the page's section composition (TenantDashboard)
 * rendered with React's streaming server renderer against the portal runtime and the
 * msw-mounted emulator, then read back as a document. Checks what only the whole can show:
 * every tenant-scoped root names the tenant, no credential is in the markup, roles see only
 * their sections, and one failing upstream call costs one panel, not the page.
 */
import { http, HttpResponse } from 'msw';
import { renderToReadableStream } from 'react-dom/server.edge';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/lib/auth/types';
import type { PublicTenant } from '@/lib/tenants/tenant-schema';
import { startPortalHarness, type PortalHarness } from '@/tests/support/handler-harness';

vi.mock('next/headers', async () => (await import('@/tests/support/handler-harness')).nextHeadersMock);
// Outside a Next server there is no data cache: the organization card reads through
// (its caching is covered in cached-organization.test.ts and the two-instance suite).
vi.mock('next/cache', () => ({ unstable_cache: <F,>(read: F) => read }));

let harness: PortalHarness;
beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: [700, 4, 4, 4, 4, 4], rateLimitPerMinute: 6000 });
});
afterEach(() => harness.mounted.server.resetHandlers());
afterAll(() => harness.close());

async function renderDashboard(role: Role, tenantId = 'acme-prod'): Promise<Document> {
  const { TenantDashboard } = await import('@/app/(portal)/dashboard/_sections/tenant-dashboard');
  const { ActiveTenantProvider } = await import('@/components/portal/active-tenant');
  const credential = harness.credentials.find((c) => c.tenantId === tenantId)!;
  const tenant = { ...credential, environment: 'production' } as unknown as PublicTenant;
  const stream = await renderToReadableStream(
    <ActiveTenantProvider activeTenantId={tenantId}>
      <main>
        <TenantDashboard tenant={tenant} role={role} requestId="req-dashboard-0001" />
      </main>
    </ActiveTenantProvider>,
  );
  await stream.allReady;
  const html = await new Response(stream).text();
  for (const c of harness.credentials) {
    expect(html).not.toContain(c.clientId);
    expect(html).not.toContain(c.clientSecret);
  }
  // Streamed panels arrive in hidden templates; the document below is the final state.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const hidden of doc.querySelectorAll('div[hidden][id^="S:"]')) {
    const fallback = doc.querySelector(`template[id="B:${hidden.id.slice(2)}"]`)?.nextElementSibling;
    fallback?.replaceWith(...hidden.childNodes);
    hidden.remove();
  }
  return doc;
}

const panel = (doc: Document, id: string) => doc.querySelector(`[data-section="${id}"]`);
const tenantIds = (doc: Document) =>
  new Set([...doc.querySelectorAll('main [data-tenant-id]')].map((el) => el.getAttribute('data-tenant-id')));

describe('the rendered tenant dashboard', () => {
  it('admin: every panel loaded, every tenant-scoped root names the tenant', async () => {
    const doc = await renderDashboard('admin');
    expect(tenantIds(doc)).toEqual(new Set(['acme-prod']));
    const ids = [...doc.querySelectorAll('[data-section]')].map((el) => el.getAttribute('data-section'));
    expect(ids).toEqual([
      'organization',
      'users',
      'rate-budget',
      'activity',
      'features',
      'directory',
      'oauth-clients',
      'credential-health',
      'audit',
    ]);
    expect(doc.querySelectorAll('main section[data-tenant-id]')).toHaveLength(1);
    for (const root of doc.querySelectorAll('[data-section]'))
      expect(root.getAttribute('data-tenant-id')).toBe('acme-prod');
    expect(doc.querySelectorAll('[aria-busy="true"]')).toHaveLength(0); // no skeleton left
    expect(doc.querySelectorAll('[role="alert"]')).toHaveLength(0);
    expect(panel(doc, 'organization')?.textContent).toContain(harness.credentials[0]!.orgId);
    expect(panel(doc, 'activity')?.querySelector('svg[role="img"]')).not.toBeNull();
    expect(panel(doc, 'credential-health')?.textContent).toContain('Verified');
  });

  it('ops: credential health and audit entries say who may see them instead', async () => {
    const doc = await renderDashboard('ops');
    expect(panel(doc, 'credential-health')?.textContent).toContain('Credential health is visible to administrators.');
    expect(panel(doc, 'audit')?.textContent).toContain('Audit entries are visible to auditors and administrators.');
    expect(panel(doc, 'users')?.querySelector('svg[role="img"]')).not.toBeNull();
  });

  it('an upstream 403 fails only its own panel, naming the missing permission and the request id', async () => {
    harness.mounted.server.use(
      http.post(`${harness.mounted.baseUrl}/api/v2/analytics/conversations/aggregates/query`, () =>
        HttpResponse.json(
          {
            message: 'You are missing the following permission(s): [analytics:conversationAggregate:view]',
            code: 'missing.permissions',
            status: 403,
          },
          { status: 403 },
        ),
      ),
    );
    const doc = await renderDashboard('admin', 'acme-sandbox');
    const alerts = [...doc.querySelectorAll('[role="alert"]')];
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.closest('[data-section]')?.getAttribute('data-section')).toBe('activity');
    expect(alerts[0]?.textContent).toContain('analytics:conversationAggregate:view');
    expect(alerts[0]?.textContent).toContain('req-dashboard-0001');
    expect(panel(doc, 'organization')?.textContent).toContain(harness.credentials[1]!.orgId);
    expect(tenantIds(doc)).toEqual(new Set(['acme-sandbox']));
  });
});
