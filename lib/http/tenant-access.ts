import 'server-only';
import { isTenantGranted } from '../auth/grants';
import type { PortalUser } from '../auth/types';
import { getTenantRegistry, type Tenant } from '../tenants';
import { tenantNotGranted } from './api-error';

const TENANT_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/**
 * The [tenantId] of a URL, cookie or form must name a configured tenant granted to this user.
 * Unknown, malformed (encoded slashes, traversal) and ungranted ids get the same 403, so the
 * answer never tells whether another customer's tenant exists.
 */
export async function resolveGrantedTenant(user: PortalUser, tenantId: string): Promise<Tenant> {
  if (!TENANT_ID.test(tenantId)) throw tenantNotGranted();
  const registry = getTenantRegistry();
  const tenant = (await registry.list()).find((t) => t.tenantId === tenantId);
  if (!tenant || !isTenantGranted(user, tenant)) throw tenantNotGranted();
  return tenant;
}

export async function listGrantedTenants(user: PortalUser): Promise<Tenant[]> {
  return (await getTenantRegistry().list()).filter((tenant) => isTenantGranted(user, tenant));
}
