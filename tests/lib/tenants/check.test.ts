import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTenant, isTenantFailing } from '@/lib/tenants/check';
import { control } from '../../emulator/support/control';
import { mountEmulator, type MountedEmulator } from '../../emulator/support/msw-emulator';
import { createTestRuntime, type TenantFileEntry } from '../../support/runtime-fixture';

let mounted: MountedEmulator;
let demo: TenantFileEntry[];
beforeAll(() => {
  mounted = mountEmulator({ faultControl: true, orgSizes: [40, 30, 20] });
  demo = mounted.emulator.listTenantCredentials();
});
afterAll(() => mounted.close());

const byId = (id: string) => demo.find((t) => t.tenantId === id)!;

describe('checkTenant against the emulator', () => {
  it('passes every demo tenant with every portal feature usable', async () => {
    const runtime = createTestRuntime(mounted.baseUrl, demo);
    for (const tenant of demo) {
      const check = await checkTenant(runtime, tenant.tenantId);
      expect(isTenantFailing(check)).toBe(false);
      expect(check.features.filter((f) => f.state !== 'ok')).toEqual([]);
      expect(check.features.length).toBeGreaterThanOrEqual(10);
    }
  });

  it('names the missing permission of a client without directory:organization:admin', async () => {
    const readOnly = mounted.emulator.readOnlyCredential('acme-prod')!;
    const runtime = createTestRuntime(mounted.baseUrl, [{ ...readOnly, tenantId: 'acme-readonly' }]);
    const check = await checkTenant(runtime, 'acme-readonly');
    expect(isTenantFailing(check)).toBe(false);
    expect(check.features.find((f) => f.id === 'org-settings')).toEqual({
      id: 'org-settings',
      label: expect.any(String) as string,
      state: 'missing',
      missingPermissions: ['directory:organization:admin'],
    });
    expect(check.features.filter((f) => f.state !== 'ok')).toHaveLength(1);
  });

  it('fails closed on credentials that belong to another org (binding check)', async () => {
    const pasted = { ...byId('acme-prod'), orgId: byId('acme-sandbox').orgId };
    const runtime = createTestRuntime(mounted.baseUrl, [pasted]);
    const check = await checkTenant(runtime, 'acme-prod');
    expect(check).toMatchObject({ binding: 'mismatch', token: { ok: false, code: 'tenant_binding_mismatch' } });
    expect(check.features).toEqual([]);
    expect(runtime.healthOf('acme-prod').binding).toMatchObject({ ok: false });
  });

  it('reports a disabled client or a wrong secret as credentials_invalid', async () => {
    const wrongSecret = { ...byId('acme-sandbox'), clientSecret: 'not-the-secret' };
    const runtime = createTestRuntime(mounted.baseUrl, [wrongSecret, byId('globex-eu')]);
    expect(await checkTenant(runtime, 'acme-sandbox')).toMatchObject({
      token: { ok: false, code: 'credentials_invalid' },
    });

    await control(mounted.emulator, 'POST', `/clients/${byId('globex-eu').clientId}/disable`);
    expect(await checkTenant(runtime, 'globex-eu')).toMatchObject({
      token: { ok: false, code: 'credentials_invalid' },
    });
    expect(runtime.healthOf('globex-eu').lastError).toMatchObject({ code: 'credentials_invalid' });
    mounted.emulator.reset();
  });
});
