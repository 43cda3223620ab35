/**
 * GET /api/tenants/[tenantId]/overview through the handler harness: the gate (session,
 * capability, grant) and the payload's tenant, against the msw-mounted emulator. What each part
 * reports for broken tenants is tested on the loader (tests/lib/overview).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TenantOverviewResponse } from '@/lib/overview/types';
import { startPortalHarness, type PortalHarness, type RouteHandler } from '../../support/handler-harness';

vi.mock('next/headers', async () => (await import('../../support/handler-harness')).nextHeadersMock);

const BASE = 'http://portal.test';
let harness: PortalHarness;
let GET: RouteHandler;

beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: [9, 4, 4, 4, 4, 4], rateLimitPerMinute: 6000 });
  ({ GET } = await import('@/app/api/tenants/[tenantId]/overview/route'));
});
afterAll(() => harness.close());

async function get(tenantId: string, uid: string | null) {
  const headers: Record<string, string> = uid ? { cookie: await harness.cookiesFor(uid) } : {};
  const request = new Request(`${BASE}/api/tenants/${tenantId}/overview`, { headers });
  const { response, upstream } = await harness.invoke(GET, request, { tenantId });
  return { response, upstream, body: (await response.json()) as Record<string, unknown> };
}

const orgOf = (tenantId: string) => harness.credentials.find((c) => c.tenantId === tenantId)!.orgId;

describe('GET /api/tenants/[tenantId]/overview', () => {
  it('answers { tenantId, data } for a granted tenant, every part of it about that tenant', async () => {
    const { response, body, upstream } = await get('acme-prod', 'demo-admin');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const { tenantId, data } = body as unknown as TenantOverviewResponse;
    expect(tenantId).toBe('acme-prod');
    expect(data).toMatchObject({
      tenantId: 'acme-prod',
      requestId: response.headers.get('x-request-id'),
      token: { state: 'ok' },
      permissions: { state: 'ok', value: { missing: [] } },
      users: { state: 'ok' },
      budget: { state: 'ok', value: { limitPerMinute: 6000 } },
    });
    // Every API call it made carried acme-prod's org (the grant and the binding check carry none).
    const apiCalls = upstream.filter((u) => !u.url.endsWith('/oauth/token') && !u.url.endsWith('/tokens/me'));
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(new Set(apiCalls.map((u) => u.organization))).toEqual(new Set([orgOf('acme-prod')]));
  });

  it('refuses a tenant the user is not granted with 403 tenant_not_granted, before any upstream call', async () => {
    const { response, body, upstream } = await get('acme-prod', 'demo-auditor');
    expect(response.status).toBe(403);
    expect(body).toMatchObject({ error: { code: 'tenant_not_granted' } });
    expect(JSON.stringify(body)).not.toContain(orgOf('acme-prod'));
    expect(upstream).toEqual([]);
  });

  it('answers the same user for a tenant it is granted', async () => {
    const { response, body } = await get('acme-sandbox', 'demo-auditor');
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ tenantId: 'acme-sandbox', data: { tenantId: 'acme-sandbox' } });
  });

  it('a request the browser abandons ends as 499 (a warning), not as a 500', async () => {
    const controller = new AbortController();
    const request = new Request(`${BASE}/api/tenants/globex-eu/overview`, {
      headers: { cookie: await harness.cookiesFor('demo-admin') },
      signal: controller.signal,
    });
    const answered = harness.invoke(GET, request, { tenantId: 'globex-eu' });
    controller.abort();
    const { response } = await answered;
    expect(response.status).toBe(499);
    expect(await response.json()).toMatchObject({ error: { code: 'client_closed_request' } });
  });

  it('without a session: 401, nothing fetched', async () => {
    const { response, upstream } = await get('acme-prod', null);
    expect(response.status).toBe(401);
    expect(upstream).toEqual([]);
  });
});
