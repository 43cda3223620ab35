import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { probeTenantPermissions } from '@/lib/credentials/probe';
import { PORTAL_FEATURES } from '@/lib/genesys/permission-probe';
import { logger } from '@/lib/logger';
import { mountEmulator, type MountedEmulator } from '../../emulator/support/msw-emulator';
import { createTestRuntime, type TenantFileEntry } from '../../support/runtime-fixture';

let mounted: MountedEmulator;
let demo: TenantFileEntry[];
beforeAll(() => {
  mounted = mountEmulator({ orgSizes: [4, 4] });
  demo = mounted.emulator.listTenantCredentials();
});
afterAll(() => mounted.close());

const requestsTo = (orgId: string) => mounted.emulator.stats().requestsByOrg[orgId] ?? 0;

describe('probeTenantPermissions', () => {
  it('finds every portal feature usable for the demo client', async () => {
    const [tenant] = demo as [TenantFileEntry];
    const runtime = createTestRuntime(mounted.baseUrl, demo);
    const result = await probeTenantPermissions(runtime, tenant.tenantId, { now: Date.now() });
    expect(result.token).toEqual({ ok: true, expiresAt: expect.any(Number) as number });
    expect(result.binding).toBe('ok');
    expect(result.features.map((f) => f.id)).toEqual(PORTAL_FEATURES.map((f) => f.id));
    expect(result.features.filter((f) => f.state !== 'ok')).toEqual([]);
  });

  it('names the permission a read-only client lacks, and only that one', async () => {
    const readOnly = mounted.emulator.readOnlyCredential(demo[0]!.tenantId)!;
    const runtime = createTestRuntime(mounted.baseUrl, [readOnly]);
    const result = await probeTenantPermissions(runtime, readOnly.tenantId, { now: Date.now() });
    expect(result.features.filter((f) => f.state !== 'ok')).toEqual([
      {
        id: 'org-settings',
        label: expect.any(String) as string,
        state: 'missing',
        missingPermissions: ['directory:organization:admin'],
      },
    ]);
  });

  it('reports a rejected client without probing any feature', async () => {
    const tenant = { ...demo[1]!, clientSecret: 'not-the-secret' };
    const runtime = createTestRuntime(mounted.baseUrl, [tenant]);
    const before = requestsTo(tenant.orgId);
    const result = await probeTenantPermissions(runtime, tenant.tenantId, { now: Date.now() });
    expect(result).toMatchObject({
      token: { ok: false, code: 'credentials_invalid' },
      binding: 'not-checked',
      features: [],
    });
    expect(requestsTo(tenant.orgId)).toBe(before);
  });

  it('reports credentials of another org as a binding mismatch', async () => {
    const [first, second] = demo as [TenantFileEntry, TenantFileEntry];
    const runtime = createTestRuntime(mounted.baseUrl, [{ ...first, orgId: second.orgId }]);
    const result = await probeTenantPermissions(runtime, first.tenantId, { now: Date.now() });
    expect(result).toMatchObject({ token: { ok: false, code: 'tenant_binding_mismatch' }, binding: 'mismatch' });
  });

  it('answers an unexpected token error with a generic message and logs the detail with the request id', async () => {
    const [tenant] = demo as [TenantFileEntry];
    const real = createTestRuntime(mounted.baseUrl, demo);
    const internal = new Error('connect ECONNREFUSED 10.20.30.40:6379 (redis-token-cache.internal)');
    const runtime = {
      client: real.client,
      connectionFor: (tenantId: string) => real.connectionFor(tenantId),
      tokenProvider: { getToken: () => Promise.reject(internal), invalidate: () => Promise.resolve() },
    };
    const logged = vi.spyOn(logger, 'error').mockImplementation(() => undefined);
    try {
      const result = await probeTenantPermissions(runtime, tenant.tenantId, {
        now: Date.now(),
        requestId: 'req-probe-1',
      });
      expect(result).toEqual({
        probedAt: expect.any(Number) as number,
        token: { ok: false, code: 'token_error', message: 'The token could not be acquired.' },
        binding: 'not-checked',
        features: [],
      });
      expect(JSON.stringify(result)).not.toMatch(/10\.20\.30\.40|6379|redis/);
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ requestId: 'req-probe-1', tenantId: tenant.tenantId, err: internal }),
        expect.any(String),
      );
    } finally {
      logged.mockRestore();
    }
  });

  it('stops when the caller has gone', async () => {
    const [tenant] = demo as [TenantFileEntry];
    const runtime = createTestRuntime(mounted.baseUrl, demo);
    const gone = new AbortController();
    gone.abort(new DOMException('client left', 'AbortError'));
    const before = mounted.emulator.stats().requests;
    await expect(
      probeTenantPermissions(runtime, tenant.tenantId, { now: Date.now(), signal: gone.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(mounted.emulator.stats().requests).toBe(before);
  });
});
