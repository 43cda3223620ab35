import { describe, expect, it } from 'vitest';
import { createTenantHealthStore } from '@/lib/tenants/health';
import type { RegistryStatus } from '@/lib/tenants/registry';

const status: RegistryStatus = {
  source: 'file',
  sourceDescription: 'file t.json',
  problems: [],
  tenantCount: 2,
  breaker: 'closed',
  rotationDueAt: { a: 5000 },
};

describe('tenant health store', () => {
  it('keeps the latest token, error and binding facts per tenant, separately', () => {
    const store = createTenantHealthStore();
    store.recorder.tokenAcquired('a', { at: 10, expiresAt: 86_000 });
    store.recorder.bindingChecked('a', { at: 11, ok: true, reportedOrgId: 'org-a' });
    store.recorder.tokenFailed('b', { at: 12, code: 'credentials_invalid', message: 'invalid client' });

    expect(store.snapshot('a', status)).toEqual({
      tenantId: 'a',
      lastTokenAt: 10,
      tokenExpiresAt: 86_000,
      lastError: null,
      binding: { ok: true, at: 11, reportedOrgId: 'org-a' },
      rotationDueAt: 5000,
      breaker: 'closed',
    });
    expect(store.snapshot('b', status)).toMatchObject({
      lastTokenAt: null,
      lastError: { code: 'credentials_invalid', at: 12 },
      rotationDueAt: null,
    });
    store.clear('a');
    expect(store.snapshot('a', status).lastTokenAt).toBeNull();
  });
});
