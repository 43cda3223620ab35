import { withTenantRoute } from '@/lib/http/with-tenant-route';

/** The dashboard's live chart covers this many minutes (the meter keeps 16). */
const USAGE_MINUTES = 15;

// This tenant's upstream requests and 429s in 10 s buckets: read from the usage meter, no
// Genesys call, so polling it every few seconds costs the tenant's rate budget nothing.
export const GET = withTenantRoute({ capability: 'tenant.view' }, ({ genesys, tenant }) =>
  genesys.usageOf(tenant.tenantId, USAGE_MINUTES),
);
