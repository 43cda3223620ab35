import { withTenantRoute } from '@/lib/http/with-tenant-route';
import { getTenantOverview } from '@/lib/overview/get-tenant-overview';

// One row of the all-tenants overview. Each part (token, permissions, users, budget) carries its
// own state, so a tenant problem is a 200 describing it; only the gate's refusals are errors.
export const GET = withTenantRoute({ capability: 'tenant.view' }, getTenantOverview);
