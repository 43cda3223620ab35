import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '@/lib/audit/types';
import type { RotateActionState } from '@/lib/credentials/types';
import type { GenesysRuntime } from '@/lib/genesys-runtime';
import { startPortalHarness, type PortalHarness, type RouteHandler } from '../../support/handler-harness';

// "Rotate now" as the browser reaches it: a server action run inside a handled request, with the
// real session, capability and grant checks, the real registry, token provider and audit file.
vi.mock('next/headers', async () => (await import('../../support/handler-harness')).nextHeadersMock);
const refresh = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ refresh, revalidateTag: vi.fn() }));

const BASE = 'http://portal.test';
let harness: PortalHarness;
let genesys: GenesysRuntime;

beforeAll(async () => {
  harness = await startPortalHarness({ orgSizes: [4, 4, 4, 4, 4, 4] });
  genesys = (await import('@/lib/tenants/runtime')).getGenesysRuntime();
});
afterAll(() => harness.close());
beforeEach(() => refresh.mockClear());

async function rotateAs(uid: string | null, tenantId: string) {
  const { rotateCredentialsAction } = await import('@/app/(portal)/credentials/actions');
  const form = new FormData();
  form.set('tenantId', tenantId);
  const cookie = uid ? await harness.cookiesFor(uid) : '';
  let state: RotateActionState | undefined;
  let thrown: unknown;
  const handler: RouteHandler = async () => {
    try {
      state = await rotateCredentialsAction({ status: 'idle' }, form);
    } catch (error) {
      thrown = error;
    }
    return new Response(null, { status: 204 });
  };
  const request = new Request(`${BASE}/credentials`, { method: 'POST', headers: { cookie, origin: BASE } });
  const { upstream } = await harness.invoke(handler, request, { tenantId: '' });
  return { state, thrown, upstream };
}

async function newAuditEntries(run: () => Promise<unknown>): Promise<AuditEntry[]> {
  const before = (await harness.portal.audit.query({ limit: 500 })).entries.length;
  await run();
  const after = (await harness.portal.audit.query({ limit: 500 })).entries;
  return after.slice(0, after.length - before);
}

const tokenOf = async (tenantId: string) =>
  (await genesys.tokenProvider.getToken(await genesys.connectionFor(tenantId))).value;
const tokenRequests = () => harness.mounted.emulator.stats().tokenRequests;
const credential = (tenantId: string) => harness.credentials.find((c) => c.tenantId === tenantId)!;

describe('rotateCredentialsAction', () => {
  it('admin: picks up a changed client from the tenants file, evicts the token, gets a new one, audits', async () => {
    const tenantId = 'acme-sandbox';
    const oldToken = await tokenOf(tenantId);
    // The operator points the tenant at another client of the same org (new id and secret).
    const replacement = harness.mounted.emulator.readOnlyCredential(tenantId)!;
    const path = process.env.TENANTS_FILE!;
    const file = JSON.parse(readFileSync(path, 'utf8')) as { tenants: Array<{ tenantId: string }> };
    writeFileSync(
      path,
      JSON.stringify({ tenants: file.tenants.map((t) => (t.tenantId === tenantId ? replacement : t)) }),
    );

    let result!: Awaited<ReturnType<typeof rotateAs>>;
    const entries = await newAuditEntries(async () => {
      result = await rotateAs('demo-admin', tenantId);
    });
    expect(result.thrown).toBeUndefined();
    expect(result.state).toMatchObject({
      status: 'done',
      tenantId,
      ok: true,
      secretChanged: true,
      clientIdChanged: true,
      tokenEvicted: true,
      token: { ok: true },
    });
    // The fresh token was asked for with the new client, during the action.
    const tokenCalls = result.upstream.filter((call) => call.url.endsWith('/oauth/token'));
    expect(tokenCalls).toHaveLength(1);
    expect(tokenRequests()[replacement.clientId]).toBe(1);
    expect(await tokenOf(tenantId)).not.toBe(oldToken);
    expect(refresh).toHaveBeenCalledTimes(1);

    expect(entries).toEqual([
      expect.objectContaining({
        action: 'credentials.rotate',
        result: 'success',
        tenantId,
        userId: 'demo-admin',
        details: expect.objectContaining({ secretChanged: true, clientIdChanged: true, tokenEvicted: true }) as object,
      }),
    ]);
    const text = JSON.stringify({ entries, state: result.state });
    for (const secret of [replacement.clientSecret, credential(tenantId).clientSecret])
      expect(text).not.toContain(secret);
  });

  it.each(['demo-ops', 'demo-auditor'])('%s is refused, and nothing changes', async (uid) => {
    const tenantId = 'acme-sandbox';
    const token = await tokenOf(tenantId);
    const requestsBefore = JSON.stringify(tokenRequests());
    let result!: Awaited<ReturnType<typeof rotateAs>>;
    const entries = await newAuditEntries(async () => {
      result = await rotateAs(uid, tenantId);
    });
    expect(result.state).toMatchObject({ status: 'refused', tenantId, code: 'forbidden' });
    expect(entries).toEqual([]);
    expect(result.upstream).toEqual([]);
    expect(await tokenOf(tenantId)).toBe(token);
    expect(JSON.stringify(tokenRequests())).toBe(requestsBefore);
    expect(refresh).not.toHaveBeenCalled();
  });

  it.each(['no-such-tenant', '../acme-prod', 'ACME-PROD', ''])(
    'an unknown tenant id (%j) is refused',
    async (tenantId) => {
      let result!: Awaited<ReturnType<typeof rotateAs>>;
      const entries = await newAuditEntries(async () => {
        result = await rotateAs('demo-admin', tenantId);
      });
      expect(result.state).toMatchObject({ status: 'refused', code: 'tenant_not_granted' });
      expect(entries).toEqual([]);
      expect(result.upstream).toEqual([]);
    },
  );

  it('names the tenants file without its directory when no tenant list can be had', async () => {
    const { TenantAccessError } = await import('@/lib/genesys/errors');
    const unavailable = new TenantAccessError(
      '*',
      'tenant_unavailable',
      'Tenant list unavailable: cannot read tenants file /srv/customers/acme/tenants.json (EACCES)',
    );
    const list = vi.spyOn(genesys.registry, 'list').mockRejectedValueOnce(unavailable);
    let result!: Awaited<ReturnType<typeof rotateAs>>;
    const entries = await newAuditEntries(async () => {
      result = await rotateAs('demo-admin', 'acme-prod');
    });
    list.mockRestore();
    expect(result.state).toEqual({
      status: 'refused',
      tenantId: 'acme-prod',
      requestId: expect.any(String) as string,
      code: 'tenant_unavailable',
      message: 'Tenant list unavailable: cannot read tenants file tenants.json (EACCES)',
    });
    expect(entries).toEqual([]);
    expect(result.upstream).toEqual([]);
  });

  it('without a session redirects to the login page and does nothing', async () => {
    const entries = await newAuditEntries(async () => {
      const { state, thrown, upstream } = await rotateAs(null, 'acme-prod');
      expect(state).toBeUndefined();
      expect(String((thrown as { digest?: string }).digest)).toContain('/login');
      expect(upstream).toEqual([]);
    });
    expect(entries).toEqual([]);
  });
});
