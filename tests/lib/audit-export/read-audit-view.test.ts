import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ReadAuditView from '@/lib/audit-export/read-audit-view';
import type { PortalUser } from '@/lib/auth/types';
import { startPortalHarness, type PortalHarness } from '../../support/handler-harness';

// The page's data path: filters → readAuditLog (the one tenant restriction) → what the page shows.
let harness: PortalHarness;
let view: typeof ReadAuditView;
let auditor: PortalUser;
let admin: PortalUser;

beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: [4, 4, 4, 4, 4, 4] });
  view = await import('@/lib/audit-export/read-audit-view');
  const { toPortalUser } = await import('@/lib/auth/user-store');
  auditor = toPortalUser((await harness.portal.users.findById('demo-auditor'))!);
  admin = toPortalUser((await harness.portal.users.findById('demo-admin'))!);
  const entry = (tenantId: string | null, userId: string) => ({
    userId,
    userEmail: `${userId.replace('demo-', '')}@demo.test`,
    role: 'ops',
    tenantId,
    action: 'org.update' as const,
    result: 'success' as const,
    requestId: `req-${tenantId ?? 'none'}-${userId}`,
  });
  for (const tenant of ['acme-prod', 'acme-sandbox', 'initech-apac', null]) {
    await harness.portal.audit.append(entry(tenant, 'demo-ops'));
  }
  await harness.portal.audit.append(entry('acme-sandbox', 'demo-admin'));
});
afterAll(() => harness.close());

describe('loadAuditView', () => {
  it('shows an auditor only the entries of granted tenants', async () => {
    const result = await view.loadAuditView(auditor, {}, { limit: 50 });
    expect(result.status).toBe('ok');
    if (result.status !== 'ok') return;
    expect(new Set(result.page.entries.map((e) => e.tenantId))).toEqual(new Set(['acme-sandbox', 'initech-apac']));
  });

  it('refuses an ungranted tenant with a clear message and no entries', async () => {
    const result = await view.loadAuditView(auditor, { tenant: 'acme-prod' }, { limit: 50 });
    expect(result).toEqual({
      status: 'refused',
      message: 'Tenant acme-prod is not available to you, so no entries are shown. Choose one of your tenants.',
    });
  });

  it('lets an admin see every tenant and tenant-less entries', async () => {
    const result = await view.loadAuditView(admin, {}, { limit: 50 });
    expect(result.status === 'ok' && result.page.entries.map((e) => e.tenantId)).toContain(null);
  });

  it('scopes by grants, not by role: an admin limited to one tenant sees only its entries', async () => {
    const limitedAdmin: PortalUser = { ...admin, grants: { tenants: ['acme-prod'], groups: [] } };
    const result = await view.loadAuditView(limitedAdmin, {}, { limit: 50 });
    expect(result.status === 'ok' && [...new Set(result.page.entries.map((e) => e.tenantId))]).toEqual(['acme-prod']);
    expect((await view.loadAuditView(limitedAdmin, { tenant: 'acme-sandbox' }, { limit: 50 })).status).toBe('refused');
  });

  it('finds a user by email or id; an unknown email matches nothing', async () => {
    const byEmail = await view.readAuditView(auditor, { user: 'ADMIN@demo.test' }, { limit: 50 });
    expect(byEmail.entries.map((e) => e.requestId)).toEqual(['req-acme-sandbox-demo-admin']);
    const byId = await view.readAuditView(auditor, { user: 'demo-admin' }, { limit: 50 });
    expect(byId.entries).toEqual(byEmail.entries);
    expect((await view.readAuditView(auditor, { user: 'ghost@demo.test' }, { limit: 50 })).entries).toEqual([]);
  });

  it('pages with the cursor, one page at a time', async () => {
    const first = await view.readAuditView(admin, {}, { limit: 2 });
    expect(first.entries).toHaveLength(2);
    const second = await view.readAuditView(admin, {}, { limit: 2, before: first.nextCursor! });
    expect(second.entries[0]!.id < first.entries[1]!.id).toBe(true);
  });

  it('says the store is not answering instead of failing the page', async () => {
    const { AuditUnavailableError } = await import('@/lib/audit/types');
    const query = vi.spyOn(harness.portal.audit, 'query').mockRejectedValueOnce(new AuditUnavailableError('down'));
    try {
      expect(await view.loadAuditView(auditor, {}, { limit: 50 })).toEqual({
        status: 'unavailable',
        message: 'The audit log store is not answering. Try again shortly.',
      });
    } finally {
      query.mockRestore();
    }
  });
});
