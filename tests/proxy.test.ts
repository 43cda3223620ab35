import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadProxyUnderTest, type ProxyUnderTest } from '@/tests/support/proxy-under-test';
import { createEmulator } from '@/emulator/index';

// proxy.ts against the embedded-demo users and the demo tenants (from a tenants file, so no
// network is needed), with cookies sealed exactly as the portal seals them.
const tenants = createEmulator({ orgSizes: [5, 5, 5, 5, 5, 5] }).listTenantCredentials();
const orgOf = (id: string) => tenants.find((t) => t.tenantId === id)!.orgId;

let proxy: ProxyUnderTest['proxy'];
let cookiesFor: ProxyUnderTest['cookiesFor'];

beforeAll(async () => {
  ({ proxy, cookiesFor } = await loadProxyUnderTest(tenants, 'p'.repeat(40)));
});
afterAll(() => vi.unstubAllEnvs());

async function run(path: string, headers: Record<string, string> = {}) {
  const response = await proxy(new NextRequest(`http://portal.test${path}`, { headers }));
  const forwarded = (name: string) => response.headers.get(`x-middleware-request-${name}`);
  return { response, forwarded };
}

describe('proxy', () => {
  it('strips client-supplied tenant and subrequest headers, even on public paths', async () => {
    const { forwarded, response } = await run('/api/health', {
      'X-Genesys-Organization': 'forged-org',
      'x-middleware-subrequest': 'middleware:middleware:middleware',
    });
    expect(forwarded('x-genesys-organization')).toBeNull();
    expect(forwarded('x-middleware-subrequest')).toBeNull();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends anonymous pages to the login page and anonymous API calls a 401', async () => {
    const page = await run('/dashboard?tenant=acme-prod');
    expect(page.response.status).toBe(307);
    expect(page.response.headers.get('location')).toBe(
      'http://portal.test/login?next=%2Fdashboard%3Ftenant%3Dacme-prod',
    );
    const api = await run('/api/tenants/acme-prod/organization');
    expect(api.response.status).toBe(401);
    expect(await api.response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('injects the active tenant org for a granted tenant, replacing a forged header', async () => {
    const { forwarded, response } = await run('/api/tenants/acme-prod/organization', {
      cookie: await cookiesFor('demo-ops', 'acme-prod'),
      'x-genesys-organization': orgOf('initech-apac'),
    });
    expect(response.status).toBe(200);
    expect(forwarded('x-genesys-organization')).toBe(orgOf('acme-prod'));
  });

  it('refuses a tenant path the user is not granted, and ignores a tenant cookie of another user', async () => {
    const denied = await run('/api/tenants/initech-apac/organization', {
      cookie: await cookiesFor('demo-ops', 'acme-prod'),
    });
    expect(denied.response.status).toBe(403);
    expect(await denied.response.json()).toMatchObject({ error: { code: 'tenant_not_granted' } });

    const foreign = await run('/dashboard', { cookie: await cookiesFor('demo-ops', 'initech-apac', 'demo-auditor') });
    expect(foreign.response.status).toBe(200);
    expect(foreign.forwarded('x-genesys-organization')).toBeNull();
  });

  it('refuses traversal and encoded slashes in the tenant segment', async () => {
    const cookie = await cookiesFor('demo-admin', 'acme-prod');
    for (const path of [
      '/api/tenants/..%2Finitech-apac/organization',
      '/api/tenants/acme-prod%2F..%2Fx/organization',
    ]) {
      expect((await run(path, { cookie })).response.status).toBe(403);
    }
  });
});
