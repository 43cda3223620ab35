import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPortalHarness, type PortalHarness, type RouteHandler } from '../../support/handler-harness';

// GET /api/tenants/[tenantId]/usage: the dashboard's live rate-budget chart.
vi.mock('next/headers', async () => (await import('../../support/handler-harness')).nextHeadersMock);

let harness: PortalHarness;
let GET: RouteHandler;
const BASE = 'http://portal.test';

beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: [4, 4, 4, 4, 4, 4], rateLimitPerMinute: 6000 });
  ({ GET } = await import('@/app/api/tenants/[tenantId]/usage/route'));
});
afterAll(() => harness.close());

const get = (tenantId: string, cookie: string) =>
  harness.invoke(GET, new Request(`${BASE}/api/tenants/${tenantId}/usage`, { headers: { cookie } }), { tenantId });

interface Body {
  tenantId: string;
  data: {
    tenantId: string;
    limitPerMinute: number;
    bucketMs: number;
    buckets: { start: number; requests: number; throttled: number }[];
  };
}

describe('GET /api/tenants/[tenantId]/usage', () => {
  it("answers the path tenant's 15 minutes of 10 s buckets, uncached, and calls no Genesys API", async () => {
    const cookie = await harness.cookiesFor('demo-ops', { tenant: 'acme-prod' });
    const { response, upstream } = await get('acme-sandbox', cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = (await response.json()) as Body;
    expect(body.tenantId).toBe('acme-sandbox');
    expect(body.data).toMatchObject({ tenantId: 'acme-sandbox', limitPerMinute: 6000, bucketMs: 10_000 });
    expect(body.data.buckets).toHaveLength(90);
    const starts = body.data.buckets.map((b) => b.start);
    expect(starts.every((start, i) => i === 0 || start - (starts[i - 1] ?? 0) === 10_000)).toBe(true);
    expect(upstream).toEqual([]);
  });

  it("counts the tenant's own upstream requests, and only in that tenant's buckets", async () => {
    const cookie = await harness.cookiesFor('demo-admin', { tenant: 'globex-eu' });
    const { GET: getOrganization } = await import('@/app/api/tenants/[tenantId]/organization/route');
    const org = await harness.invoke(
      getOrganization,
      new Request(`${BASE}/api/tenants/globex-eu/organization`, { headers: { cookie } }),
      { tenantId: 'globex-eu' },
    );
    expect(org.response.status).toBe(200);
    // The meter counts what the rate governor lets through: API calls, not the token and binding check.
    const apiCalls = org.upstream.filter((call) => new URL(call.url).pathname === '/api/v2/organizations/me').length;
    expect(apiCalls).toBeGreaterThan(0);

    const total = async (tenantId: string) => {
      const body = (await (await get(tenantId, cookie)).response.json()) as Body;
      return body.data.buckets.reduce((sum, b) => sum + b.requests, 0);
    };
    expect(await total('globex-eu')).toBe(apiCalls);
    expect(await total('stark-uk')).toBe(0);
  });

  it('is 403 for a tenant not granted, with nothing of that tenant in the answer', async () => {
    const cookie = await harness.cookiesFor('demo-auditor', { tenant: 'acme-sandbox' });
    const { response, upstream } = await get('globex-eu', cookie);
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'tenant_not_granted' } });
    expect(text).not.toContain('buckets');
    expect(upstream).toEqual([]);
  });

  it('is 401 without a session', async () => {
    const { response } = await get('acme-prod', '');
    expect(response.status).toBe(401);
  });
});
