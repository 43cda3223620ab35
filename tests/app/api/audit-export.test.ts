import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, AuditEntryInput } from '@/lib/audit/types';
import { startPortalHarness, type PortalHarness, type RouteHandler } from '../../support/handler-harness';
import { splitExport } from '../../lib/audit-export/support/parse-csv';

// GET /api/audit/export: the filtered audit view as CSV, restricted like /api/audit, itself audited.
vi.mock('next/headers', async () => (await import('../../support/handler-harness')).nextHeadersMock);

const BASE = 'http://portal.test';
const AUDITOR_TENANTS = ['acme-sandbox', 'initech-apac'];
let harness: PortalHarness;
let GET: RouteHandler;

function seed(tenantId: string | null, overrides: Partial<AuditEntryInput> = {}): AuditEntryInput {
  return {
    userId: 'demo-ops',
    userEmail: 'ops@demo.test',
    role: 'ops',
    tenantId,
    action: 'org.update',
    result: 'success',
    requestId: `seed-${tenantId ?? 'none'}`,
    before: { name: 'Before' },
    after: { name: 'After' },
    ...overrides,
  };
}

beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: [4, 4, 4, 4, 4, 4] });
  ({ GET } = await import('@/app/api/audit/export/route'));
  for (const tenant of ['acme-prod', 'acme-sandbox', 'globex-eu', 'initech-apac', null]) {
    await harness.portal.audit.append(seed(tenant));
  }
  await harness.portal.audit.append(
    seed(null, { action: 'login.failed', result: 'failure', userId: null, userEmail: 'who@x.test', role: null }),
  );
  await harness.portal.audit.append(seed('acme-sandbox', { action: 'feature.update', result: 'failure' }));
});
afterAll(() => harness.close());

async function exportAs(uid: string, query = '', headers: Record<string, string> = {}) {
  const cookie = await harness.cookiesFor(uid);
  const request = new Request(`${BASE}/api/audit/export${query}`, { headers: { cookie, ...headers } });
  const { response } = await harness.invoke(GET, request, { tenantId: '' });
  return response;
}

const exportEntries = async () => (await harness.portal.audit.query({ action: 'audit.export', limit: 500 })).entries;

async function expectNothingAudited(run: () => Promise<void>) {
  const before = (await exportEntries()).length;
  await run();
  expect(await exportEntries()).toHaveLength(before);
}

describe('GET /api/audit/export', () => {
  it('streams an uncached CSV attachment of the auditor’s granted tenants only', async () => {
    const response = await exportAs('demo-auditor');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const { provenance, header, rows } = splitExport(await response.text());
    expect(header[5]).toBe('tenantId');
    const tenants = rows.map((row) => row[5]);
    expect(new Set(tenants)).toEqual(new Set(AUDITOR_TENANTS)); // none of acme-prod, globex-eu, or tenant-less
    expect(provenance).toMatch(
      /^# Audit log export \| exported by auditor%40demo\.test \(demo-auditor\) \| at \S+Z \| \d+ rows \| filters: none$/,
    );
    expect(provenance).toContain(`| ${rows.length} rows |`);
  });

  it('refuses a tenant the auditor is not granted: 403, no rows, nothing audited', async () => {
    await expectNothingAudited(async () => {
      const response = await exportAs('demo-auditor', '?tenant=acme-prod');
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe('tenant_not_granted');
    });
  });

  it('refuses a role without audit.view (ops): 403, nothing audited', async () => {
    await expectNothingAudited(async () => {
      const response = await exportAs('demo-ops');
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    });
  });

  it('answers 422 naming each invalid filter, with nothing exported or audited', async () => {
    await expectNothingAudited(async () => {
      const response = await exportAs('demo-auditor', '?action=drop.tables&from=yesterday&bogus=1');
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: { code: string; message: string; problems: string[] } };
      expect(body.error.code).toBe('invalid_filters');
      expect(body.error.problems).toEqual([
        'Unknown filter: bogus.',
        expect.stringMatching(/^Action must be one of: /),
        'From must be a date and time in UTC, like 2025-01-31T14:00.',
      ]);
      expect(body.error.message).toContain('Unknown filter: bogus.');
    });
  });

  it('answers 401 without a session and refuses a cross-site request', async () => {
    const anonymous = await harness.invoke(GET, new Request(`${BASE}/api/audit/export`), { tenantId: '' });
    expect(anonymous.response.status).toBe(401);
    await expectNothingAudited(async () => {
      const response = await exportAs('demo-auditor', '', { 'sec-fetch-site': 'cross-site' });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('csrf_rejected');
    });
    expect((await exportAs('demo-auditor', '', { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('writes exactly one audit.export entry with the filters and the row count, before the rows', async () => {
    const before = (await exportEntries()).length;
    const response = await exportAs('demo-auditor', '?tenant=acme-sandbox&result=failure');
    const after = await exportEntries();
    const written = after.slice(0, after.length - before);
    expect(written).toEqual([
      expect.objectContaining({
        action: 'audit.export',
        result: 'success',
        userId: 'demo-auditor',
        role: 'auditor',
        tenantId: 'acme-sandbox',
      }),
    ]);
    expect(written[0]?.details).toMatchObject({
      format: 'csv',
      rows: 1,
      filters: 'tenant=acme-sandbox&result=failure',
    });
    // Recorded before streaming: the entry exists while the body is still unread.
    const { rows } = splitExport(await response.text());
    expect(rows.map((row) => [row[5], row[6], row[7]])).toEqual([['acme-sandbox', 'feature.update', 'failure']]);
  });

  it('holds exactly the rows it counted: its own audit entry is not in it, the next export sees it', async () => {
    const first = splitExport(await (await exportAs('demo-auditor', '?tenant=acme-sandbox')).text());
    const ownId = (await exportEntries())[0]!.id;
    expect(first.rows.map((row) => row[1])).not.toContain(ownId);
    const second = splitExport(await (await exportAs('demo-auditor', '?tenant=acme-sandbox')).text());
    expect(second.rows.map((row) => row[1])).toContain(ownId);
    expect(second.rows).toHaveLength(first.rows.length + 1);
    expect(second.provenance).toContain(`| ${second.rows.length} rows |`);
  });

  it('applies user (by email or id), action and time filters', async () => {
    await harness.portal.audit.append(
      seed('initech-apac', {
        userId: 'demo-admin',
        userEmail: 'admin@demo.test',
        role: 'admin',
        action: 'tenant.switch',
      }),
    );
    const byEmail = splitExport(
      await (await exportAs('demo-auditor', '?user=admin%40demo.test&action=tenant.switch')).text(),
    );
    const byId = splitExport(await (await exportAs('demo-auditor', '?user=demo-admin&action=tenant.switch')).text());
    expect(byEmail.rows.map((row) => row[3])).toEqual(['demo-admin']);
    expect(byId.rows).toEqual(byEmail.rows);
    const unknown = splitExport(await (await exportAs('demo-auditor', '?user=nobody%40demo.test')).text());
    expect(unknown.rows).toEqual([]);

    await new Promise((resolve) => setTimeout(resolve, 5)); // the next entry gets a later millisecond
    const from = new Date().toISOString().slice(0, 23);
    await harness.portal.audit.append(seed('initech-apac', { requestId: 'after-from' }));
    const recent = splitExport(await (await exportAs('demo-auditor', `?from=${from}&action=org.update`)).text());
    expect(recent.rows.map((row) => row[8])).toEqual(['after-from']);
    const older = splitExport(await (await exportAs('demo-auditor', `?to=${from}&action=org.update`)).text());
    expect(older.rows.map((row) => row[8])).not.toContain('after-from');
    expect(older.rows.length).toBeGreaterThan(0);
  });

  it('exports 1 200 entries across store pages, each exactly once, newest first', async () => {
    const seeded: AuditEntry[] = [];
    for (let n = 0; n < 1200; n += 100) {
      const batch = Array.from({ length: 100 }, (_, i) =>
        harness.portal.audit.append(seed('stark-uk', { requestId: `bulk-${n + i}` })),
      );
      seeded.push(...(await Promise.all(batch)));
    }
    const response = await exportAs('demo-admin', '?tenant=stark-uk');
    const { rows } = splitExport(await response.text());
    // stark-uk has only these entries; 1 200 is more than two store pages (EXPORT_PAGE_SIZE 500).
    expect(rows.map((row) => row[1])).toEqual(seeded.map((entry) => entry.id).reverse());
    expect(new Set(rows.map((row) => row[8])).size).toBe(1200);
  });

  it('refuses the export (503) when the audit store cannot record it, and sends no rows', async () => {
    const { AuditUnavailableError } = await import('@/lib/audit/types');
    const append = vi
      .spyOn(harness.portal.audit, 'append')
      .mockRejectedValueOnce(new AuditUnavailableError('store down'));
    try {
      const response = await exportAs('demo-auditor');
      expect(response.status).toBe(503);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('audit_unavailable');
      expect(body.error.message).toContain('export was refused');
      expect(append).toHaveBeenCalledTimes(1);
    } finally {
      append.mockRestore();
    }
  });
});
