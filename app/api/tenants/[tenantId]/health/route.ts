import { withTenantRoute } from '@/lib/http/with-tenant-route';

// Credential health for admins: times, codes, breaker and binding state; never a secret.
export const GET = withTenantRoute({ capability: 'credentials.view' }, ({ genesys, tenant }) => {
  const status = genesys.registry.status();
  return Promise.resolve({
    ...genesys.healthOf(tenant.tenantId),
    source: status.sourceDescription,
    sourceLoadedAt: status.loadedAt ?? null,
  });
});
