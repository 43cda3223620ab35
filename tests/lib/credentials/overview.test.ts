import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCredentialsOverview } from '@/lib/credentials/overview';
import type { CredentialsOverview, TenantCredentialView } from '@/lib/credentials/types';
import type { GenesysRuntime } from '@/lib/genesys-runtime';
import { control } from '../../emulator/support/control';
import { mountEmulator, type MountedEmulator } from '../../emulator/support/msw-emulator';
import { createTestRuntime, type TenantFileEntry } from '../../support/runtime-fixture';
import { callUpstream, createEditableRuntime } from './fixture';

let mounted: MountedEmulator;
let demo: TenantFileEntry[];
beforeAll(() => {
  mounted = mountEmulator({ faultControl: true, orgSizes: [4, 4, 4] });
  demo = mounted.emulator.listTenantCredentials();
});
afterAll(() => mounted.close());

async function overviewOf(runtime: GenesysRuntime, now = Date.now()): Promise<CredentialsOverview> {
  const tenants = await runtime.registry.list();
  return buildCredentialsOverview(runtime, tenants, { now, seesEveryTenant: true });
}

const viewOf = (overview: CredentialsOverview, tenantId: string): TenantCredentialView => {
  const view = overview.tenants.find((t) => t.tenantId === tenantId);
  if (!view) throw new Error(`no view for ${tenantId}`);
  return view;
};

describe('buildCredentialsOverview against the emulator', () => {
  it('shows token time, expiry and binding ok once a request has gone out; nothing before', async () => {
    const runtime = createTestRuntime(mounted.baseUrl, demo);
    const [first, second] = demo as [TenantFileEntry, TenantFileEntry];
    const before = viewOf(await overviewOf(runtime), first.tenantId);
    expect(before).toMatchObject({
      health: 'unused',
      token: { lastAt: null, expiresAt: null },
      binding: { state: 'not-checked', at: null },
      lastError: null,
    });

    await callUpstream(runtime, first.tenantId);
    const overview = await overviewOf(runtime);
    const after = viewOf(overview, first.tenantId);
    expect(after.health).toBe('healthy');
    expect(after.reasons).toEqual([]);
    expect(after.token.lastAt).toEqual(expect.any(Number));
    // The emulator's tokens live 86 399 s; the portal uses one until 5 min before that.
    expect(after.token.expiresAt! - after.token.lastAt!).toBeGreaterThan(23 * 3_600_000);
    expect(after.binding).toEqual({ state: 'ok', at: expect.any(Number) as number });
    expect(viewOf(overview, second.tenantId).health).toBe('unused');
  });

  it('names the source, masks the client id and carries no secret', async () => {
    const runtime = createTestRuntime(mounted.baseUrl, demo);
    const overview = await overviewOf(runtime);
    expect(overview.source).toMatchObject({ kind: 'file', label: 'tenants.json', breaker: 'closed', lastError: null });
    expect(overview.source.loadedAt).toEqual(expect.any(Number));
    const text = JSON.stringify(overview);
    for (const tenant of demo) {
      expect(viewOf(overview, tenant.tenantId).clientIdHint).toBe(`…${tenant.clientId.slice(-4)}`);
      expect(text).not.toContain(tenant.clientSecret);
      expect(text).not.toContain(tenant.clientId);
    }
    expect(text).not.toContain('/tmp');
  });

  it('gives the rotation due time and flags it once overdue', async () => {
    const runtime = createTestRuntime(mounted.baseUrl, demo);
    const [first] = demo as [TenantFileEntry];
    const view = viewOf(await overviewOf(runtime), first.tenantId);
    expect(view.rotation).toEqual({ intervalMs: first.rotationIntervalMs, dueAt: expect.any(Number) as number });
    expect(view.reasons).not.toContain('The scheduled credential re-read is overdue');

    const late = viewOf(await overviewOf(runtime, view.rotation!.dueAt + 1), first.tenantId);
    expect(late.health).toBe('attention');
    expect(late.reasons).toContain('The scheduled credential re-read is overdue');
  });

  it('shows the last error of a tenant whose client was disabled, first in the list, until it recovers', async () => {
    const runtime = createTestRuntime(mounted.baseUrl, demo);
    const victim = demo[2]!;
    await control(mounted.emulator, 'POST', `/clients/${victim.clientId}/disable`);
    try {
      await expect(callUpstream(runtime, victim.tenantId)).rejects.toMatchObject({ code: 'credentials_invalid' });
      const failing = await overviewOf(runtime);
      expect(failing.tenants[0]?.tenantId).toBe(victim.tenantId);
      expect(failing.tenants[0]).toMatchObject({
        health: 'failing',
        lastError: { code: 'credentials_invalid', recovered: false, at: expect.any(Number) as number },
        reasons: ['Token requests are failing (credentials_invalid)'],
      });
      expect(failing.tenants[0]?.lastError?.message).toMatch(/rejected the client credentials/);
    } finally {
      await control(mounted.emulator, 'POST', `/clients/${victim.clientId}/enable`);
    }
    await callUpstream(runtime, victim.tenantId);
    const recovered = viewOf(await overviewOf(runtime), victim.tenantId);
    expect(recovered).toMatchObject({ health: 'healthy', lastError: { code: 'credentials_invalid', recovered: true } });
  });

  it('reports a binding mismatch with the org id the token reported to a user granted every tenant', async () => {
    const [first, second] = demo as [TenantFileEntry, TenantFileEntry];
    const runtime = createTestRuntime(mounted.baseUrl, [{ ...first, orgId: second.orgId }]);
    await expect(callUpstream(runtime, first.tenantId)).rejects.toMatchObject({ code: 'tenant_binding_mismatch' });
    const view = viewOf(await overviewOf(runtime), first.tenantId);
    expect(view.binding).toMatchObject({ state: 'mismatch', reportedOrgId: first.orgId });
    expect(view.health).toBe('failing');
    expect(view.reasons[0]).toContain(first.orgId);
  });

  it("keeps the other organization's id out of everyone else's payload", async () => {
    const [first, second] = demo as [TenantFileEntry, TenantFileEntry];
    const runtime = createTestRuntime(mounted.baseUrl, [{ ...first, orgId: second.orgId }]);
    await expect(callUpstream(runtime, first.tenantId)).rejects.toMatchObject({ code: 'tenant_binding_mismatch' });
    const tenants = await runtime.registry.list();
    const overview = buildCredentialsOverview(runtime, tenants, { now: Date.now(), seesEveryTenant: false });
    const view = viewOf(overview, first.tenantId);
    expect(view.binding).toEqual({ state: 'mismatch', at: expect.any(Number) as number });
    expect(view).toMatchObject({
      health: 'failing',
      reasons: expect.arrayContaining(['The credentials are bound to another organization']) as string[],
    });
    expect(JSON.stringify(overview)).not.toContain(first.orgId);
  });

  it("shows the source's last error without its directories", async () => {
    const { runtime, rewrite } = createEditableRuntime(mounted.baseUrl, demo);
    await runtime.registry.list();
    rewrite('{ not json');
    await runtime.registry.refresh();
    const overview = await overviewOf(runtime);
    expect(overview.source.lastError).toEqual({
      message: 'tenants file tenants.json is not valid JSON',
      at: expect.any(Number) as number,
    });
    expect(runtime.registry.status().lastError?.message).not.toContain('/tmp'); // the source names the file only
    expect(JSON.stringify(overview)).not.toContain('/tmp');
  });

  it('lists skipped source entries by tenant and field only to a user who sees every tenant', async () => {
    const broken = {
      ...demo[0]!,
      tenantId: 'broken-one',
      region: 'nowhere.example',
      clientSecret: 'canary-skip-secret',
    };
    const runtime = createTestRuntime(mounted.baseUrl, [...demo, broken]);
    const tenants = await runtime.registry.list();
    const all = buildCredentialsOverview(runtime, tenants, { now: Date.now(), seesEveryTenant: true });
    expect(all.source.skipped).toEqual([
      { tenant: 'broken-one', field: 'region', message: expect.any(String) as string },
    ]);
    expect(JSON.stringify(all)).not.toContain('canary-skip-secret');
    const some = buildCredentialsOverview(runtime, tenants.slice(0, 1), { now: Date.now(), seesEveryTenant: false });
    expect(some.source.skipped).toEqual([]);
    expect(some.tenants.map((t) => t.tenantId)).toEqual([tenants[0]!.tenantId]);
  });
});
