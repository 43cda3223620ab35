import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PermissionProbeResult } from '@/lib/credentials/types';
import { PORTAL_FEATURES } from '@/lib/genesys/permission-probe';
import { startPortalHarness, type PortalHarness, type RouteHandler } from '../../support/handler-harness';

// GET /api/tenants/{tenantId}/credentials: the permission probe (the isolation matrix covers
// every hostile vector; this covers what the probe answers and who may ask).
vi.mock('next/headers', async () => (await import('../../support/handler-harness')).nextHeadersMock);

const BASE = 'http://portal.test';
let harness: PortalHarness;
let GET: RouteHandler;

beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: [4, 4, 4, 4, 4, 4], rateLimitPerMinute: 6000 });
  GET = (await import('@/app/api/tenants/[tenantId]/credentials/route')).GET;
});
afterAll(() => harness.close());

async function probeAs(uid: string | null, tenantId: string) {
  const cookie = uid ? await harness.cookiesFor(uid) : '';
  const request = new Request(`${BASE}/api/tenants/${encodeURIComponent(tenantId)}/credentials`, {
    headers: { cookie },
  });
  return harness.invoke(GET, request, { tenantId });
}

describe('GET /api/tenants/[tenantId]/credentials', () => {
  it('answers the admin with every portal feature of that tenant, one upstream call each', async () => {
    const { response, upstream } = await probeAs('demo-admin', 'globex-eu');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const text = await response.text();
    const body = JSON.parse(text) as { tenantId: string; data: PermissionProbeResult };
    expect(body.tenantId).toBe('globex-eu');
    expect(body.data).toMatchObject({ token: { ok: true }, binding: 'ok' });
    expect(body.data.features.map((f) => [f.id, f.state])).toEqual(PORTAL_FEATURES.map((f) => [f.id, 'ok']));
    const apiCalls = upstream.filter((call) => call.url.includes('/api/v2/') && !call.url.endsWith('/tokens/me'));
    expect(apiCalls).toHaveLength(PORTAL_FEATURES.length);
    const orgId = harness.credentials.find((c) => c.tenantId === 'globex-eu')!.orgId;
    expect(apiCalls.every((call) => call.organization === orgId)).toBe(true);
    for (const credential of harness.credentials) expect(text).not.toContain(credential.clientSecret);
  });

  it.each([
    ['demo-ops', 'acme-prod', 403, 'forbidden'],
    ['demo-auditor', 'acme-sandbox', 403, 'forbidden'],
    ['demo-admin', 'no-such-tenant', 403, 'tenant_not_granted'],
    [null, 'acme-prod', 401, 'unauthenticated'],
  ])('%s probing %s: %i %s, nothing sent upstream', async (uid, tenantId, status, code) => {
    const { response, upstream } = await probeAs(uid, tenantId);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code } });
    expect(upstream).toEqual([]);
  });
});
