import { probeTenantPermissions } from '@/lib/credentials/probe';
import { withTenantRoute } from '@/lib/http/with-tenant-route';

// The permission probe of the credentials page: one read-only upstream call per portal feature,
// run only when an admin asks for it (never on page load), and stopped if they leave.
export const GET = withTenantRoute({ capability: 'credentials.view' }, ({ genesys, tenant, request, requestId }) =>
  probeTenantPermissions(genesys, tenant.tenantId, { now: Date.now(), signal: request.signal, requestId }),
);
