import type * as Navigation from 'next/navigation';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startPortalHarness, type PortalHarness, type RouteHandler } from '../../support/handler-harness';

// The page as the server renders it for a signed-in user: the real session, registry and health.
vi.mock('next/headers', async () => (await import('../../support/handler-harness')).nextHeadersMock);
vi.mock('next/cache', () => ({ refresh: vi.fn(), revalidateTag: vi.fn() }));
vi.mock('next/navigation', async (importOriginal) => ({
  ...(await importOriginal<typeof Navigation>()),
  useRouter: () => ({ refresh: () => undefined }),
}));

const BASE = 'http://portal.test';
let harness: PortalHarness;

beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: [4, 4, 4, 4, 4, 4] });
});
afterAll(() => harness.close());

/** Renders the page inside a handled request; a thrown redirect/forbidden comes back as `thrown`. */
async function renderPageAs(uid: string) {
  const { default: CredentialsPage } = await import('@/app/(portal)/credentials/page');
  // Imported after the harness reset the module registry, so it is the page's own context.
  const { ActiveTenantProvider } = await import('@/components/portal/active-tenant');
  const cookie = await harness.cookiesFor(uid);
  let html = '';
  let thrown: unknown;
  const handler: RouteHandler = async () => {
    try {
      const page = await CredentialsPage();
      html = renderToString(<ActiveTenantProvider activeTenantId={null}>{page}</ActiveTenantProvider>);
    } catch (error) {
      thrown = error;
    }
    return new Response(null, { status: 204 });
  };
  const { upstream } = await harness.invoke(handler, new Request(`${BASE}/credentials`, { headers: { cookie } }), {
    tenantId: '',
  });
  return { html, thrown, upstream };
}

const tenantIdsIn = (html: string) => [...html.matchAll(/data-tenant-id="([^"]*)"/g)].map((m) => m[1]);

describe('credentials page', () => {
  it('shows the admin every tenant with its health, without a secret or an upstream call', async () => {
    const genesys = (await import('@/lib/tenants/runtime')).getGenesysRuntime();
    await genesys.tokenProvider.getToken(await genesys.connectionFor('globex-eu'));

    const { html, thrown, upstream } = await renderPageAs('demo-admin');
    expect(thrown).toBeUndefined();
    expect(upstream).toEqual([]);
    expect(tenantIdsIn(html).sort()).toEqual(harness.credentials.map((c) => c.tenantId).sort());
    expect(html).toContain('Credentials &amp; health');
    expect(html).toContain('tenants.json');
    expect(html).toContain('Breaker closed');
    // The tenant that has a token is bound and healthy; the others are not used yet.
    const globex = html.slice(html.indexOf('data-tenant-id="globex-eu"'));
    expect(globex.slice(0, globex.indexOf('</section>'))).toMatch(/Healthy[\s\S]*Bound/);
    expect(html.match(/Not used yet/g)?.length).toBeGreaterThanOrEqual(harness.credentials.length - 1);
    expect(html.match(/Rotate now/g)).toHaveLength(harness.credentials.length);
    expect(html.match(/Probe permissions/g)).toHaveLength(harness.credentials.length);
    for (const credential of harness.credentials) {
      expect(html).not.toContain(credential.clientSecret);
      expect(html).not.toContain(credential.clientId);
    }
  });

  it.each(['demo-ops', 'demo-auditor'])('%s gets a 403 and sees nothing', async (uid) => {
    const { html, thrown } = await renderPageAs(uid);
    expect(html).toBe('');
    expect(String((thrown as { digest?: string }).digest ?? thrown)).toMatch(/403|forbidden/i);
  });
});
