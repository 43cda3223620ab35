import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '@/lib/audit/types';
import { startPortalHarness, type PortalHarness, type RouteHandler } from '../../support/handler-harness';

// Every audited action leaves exactly one entry with who/what/tenant/result and masked values.
vi.mock('next/headers', async () => (await import('../../support/handler-harness')).nextHeadersMock);
const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidateTag }));

let harness: PortalHarness;
const BASE = 'http://portal.test';

beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: [4, 4, 4, 4, 4, 4] });
});
afterAll(() => harness.close());

async function newEntries(action: () => Promise<unknown>): Promise<AuditEntry[]> {
  const before = (await harness.portal.audit.query({ limit: 500 })).entries.length;
  await action();
  const after = (await harness.portal.audit.query({ limit: 500 })).entries;
  return after.slice(0, after.length - before);
}

const json = (method: string, path: string, cookie: string, body: unknown) =>
  new Request(`${BASE}${path}`, {
    method,
    headers: { cookie, origin: BASE, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Runs a server action inside a handled request; its redirect() surfaces as a thrown error. */
function runAction(action: () => Promise<void>, cookie: string) {
  const handler: RouteHandler = () =>
    action().then(
      () => new Response(null, { status: 204 }),
      (error: unknown) => new Response(String((error as { digest?: string }).digest ?? error), { status: 303 }),
    );
  return harness.invoke(
    handler,
    new Request(`${BASE}/dashboard`, { method: 'POST', headers: { cookie, origin: BASE } }),
    {
      tenantId: '',
    },
  );
}

describe('audit trail', () => {
  it('login success and failure: one entry each, no password anywhere', async () => {
    const { POST } = await import('@/app/api/auth/login/route');
    const login = (password: string) =>
      harness.invoke(POST, json('POST', '/api/auth/login', '', { email: 'ops@demo.test', password }), {
        tenantId: '',
      });
    const ok = await newEntries(() => login('demo'));
    expect(ok).toEqual([
      expect.objectContaining({ action: 'login', result: 'success', userId: 'demo-ops', tenantId: null }),
    ]);
    const failed = await newEntries(() => login('not-the-password-x1'));
    expect(failed).toEqual([expect.objectContaining({ action: 'login.failed', result: 'failure', userId: null })]);
    expect(JSON.stringify(failed)).not.toContain('not-the-password-x1');
  });

  it('tenant switch: one entry, both tenants’ cache tags expired', async () => {
    const { switchTenantAction } = await import('@/app/(portal)/actions');
    const cookie = await harness.cookiesFor('demo-ops', { tenant: 'acme-prod' });
    const form = new FormData();
    form.set('tenantId', 'globex-eu');
    revalidateTag.mockClear();
    const entries = await newEntries(() => runAction(() => switchTenantAction(form), cookie));
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'tenant.switch',
        tenantId: 'globex-eu',
        before: { tenantId: 'acme-prod' },
        after: { tenantId: 'globex-eu' },
      }),
    ]);
    const tags = revalidateTag.mock.calls.map(([tag]) => tag as string);
    expect(tags).toEqual(expect.arrayContaining(['tenant:acme-prod', 'tenant:globex-eu']));
    expect(revalidateTag.mock.calls.every(([, profile]) => JSON.stringify(profile) === '{"expire":0}')).toBe(true);
  });

  it('a switch to an ungranted tenant is refused and changes nothing', async () => {
    const { switchTenantAction } = await import('@/app/(portal)/actions');
    const cookie = await harness.cookiesFor('demo-ops', { tenant: 'acme-prod' });
    const form = new FormData();
    form.set('tenantId', 'initech-apac');
    const entries = await newEntries(async () => {
      const { jar } = await runAction(() => switchTenantAction(form), cookie);
      expect(jar.writes).toEqual([]);
    });
    expect(entries).toEqual([]);
  });

  it('org edit, feature toggle and auth-settings change: one entry each with before/after', async () => {
    const cookie = await harness.cookiesFor('demo-ops', { tenant: 'acme-prod' });
    const org = await import('@/app/api/tenants/[tenantId]/organization/route');
    const current = await harness.invoke(
      org.GET,
      new Request(`${BASE}/api/tenants/acme-prod/organization`, { headers: { cookie } }),
      {
        tenantId: 'acme-prod',
      },
    );
    const { data } = (await current.response.json()) as { data: { version: number; name: string } };

    const put = await newEntries(() =>
      harness.invoke(
        org.PUT,
        json('PUT', '/api/tenants/acme-prod/organization', cookie, { version: data.version, name: 'Acme Renamed' }),
        {
          tenantId: 'acme-prod',
        },
      ),
    );
    expect(put).toEqual([
      expect.objectContaining({ action: 'org.update', result: 'success', tenantId: 'acme-prod', userId: 'demo-ops' }),
    ]);
    expect(put[0]).toMatchObject({ before: { name: data.name }, after: { name: 'Acme Renamed' } });

    const feature = await import('@/app/api/tenants/[tenantId]/features/[featureName]/route');
    const toggled = await newEntries(() =>
      harness.invoke(feature.PATCH, json('PATCH', '/api/tenants/acme-prod/features/chat', cookie, { enabled: true }), {
        tenantId: 'acme-prod',
        featureName: 'chat',
      }),
    );
    expect(toggled).toEqual([
      expect.objectContaining({ action: 'feature.update', after: { featureName: 'chat', enabled: true } }),
    ]);

    const auth = await import('@/app/api/tenants/[tenantId]/authentication-settings/route');
    const changed = await newEntries(() =>
      harness.invoke(
        auth.PATCH,
        json('PATCH', '/api/tenants/acme-prod/authentication-settings', cookie, {
          multifactorAuthenticationRequired: true,
          expected: { multifactorAuthenticationRequired: false },
        }),
        { tenantId: 'acme-prod' },
      ),
    );
    expect(changed).toEqual([
      expect.objectContaining({ action: 'auth-settings.update', result: 'success', tenantId: 'acme-prod' }),
    ]);
  });

  it('a stale version: one failure entry, and the org is unchanged', async () => {
    const cookie = await harness.cookiesFor('demo-ops', { tenant: 'acme-prod' });
    const org = await import('@/app/api/tenants/[tenantId]/organization/route');
    const entries = await newEntries(async () => {
      const { response } = await harness.invoke(
        org.PUT,
        json('PUT', '/api/tenants/acme-prod/organization', cookie, { version: 1, name: 'Overwrite' }),
        { tenantId: 'acme-prod' },
      );
      expect(response.status).toBe(409);
      const body = (await response.json()) as {
        error: { code: string; currentVersion: number; current: { name: string } };
      };
      expect(body.error.code).toBe('conflict');
      expect(body.error.currentVersion).toBeGreaterThan(1);
      expect(body.error.current.name).toBe('Acme Renamed');
    });
    expect(entries).toEqual([expect.objectContaining({ action: 'org.update', result: 'failure' })]);
  });

  it('logout: one entry, and the old cookie is dead afterwards', async () => {
    const { logoutAction } = await import('@/app/(portal)/actions');
    const cookie = await harness.cookiesFor('demo-auditor');
    const entries = await newEntries(() => runAction(() => logoutAction(), cookie));
    expect(entries).toEqual([expect.objectContaining({ action: 'logout', userId: 'demo-auditor' })]);
    const { GET } = await import('@/app/api/tenants/[tenantId]/organization/route');
    const replay = await harness.invoke(
      GET,
      new Request(`${BASE}/api/tenants/acme-sandbox/organization`, { headers: { cookie } }),
      {
        tenantId: 'acme-sandbox',
      },
    );
    expect(replay.response.status).toBe(401);
  });
});
