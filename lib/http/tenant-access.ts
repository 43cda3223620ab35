import 'server-only';
import { isTenantGranted } from '../auth/grants';
import type { PortalUser } from '../auth/types';
import { getTenantRegistry, type Tenant } from '../tenants';
import { TENANT_ID_PATTERN } from '../tenants/tenant-schema';
import { tenantNotGranted } from './api-error';

/**
 * The [tenantId] of a URL, cookie or form must name a configured tenant granted to this user.
 * Unknown, malformed (encoded slashes, traversal) and ungranted ids get the same 403, so the
 * answer never tells whether another customer's tenant exists.
 */
export async function resolveGrantedTenant(user: PortalUser, tenantId: string): Promise<Tenant> {
  if (!TENANT_ID_PATTERN.test(tenantId)) throw tenantNotGranted();
  const registry = getTenantRegistry();
  const tenant = (await registry.list()).find((t) => t.tenantId === tenantId);
  if (!tenant || !isTenantGranted(user, tenant)) throw tenantNotGranted();
  return tenant;
}

export async function listGrantedTenants(user: PortalUser): Promise<Tenant[]> {
  return (await getTenantRegistry().list()).filter((tenant) => isTenantGranted(user, tenant));
}
