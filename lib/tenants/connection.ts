import type { TenantConnection } from '../genesys/ports';
import type { Tenant } from './tenant-schema';

/** The slice of a tenant entry the Genesys core needs to reach its org. */
export function toConnection(tenant: Tenant): TenantConnection {
  const { tenantId, orgId, region, clientId, clientSecret, rateLimitPerMinute } = tenant;
  return { tenantId, orgId, region, clientId, clientSecret, rateLimitPerMinute };
}
