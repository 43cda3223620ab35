import type { PortalUser } from './types';

/** The part of a tenant a grant is about (Tenant and PublicTenant both fit). */
export interface GrantableTenant {
  tenantId: string;
  group?: string;
}

/**
 * Exact string equality only: no prefixes, wildcards or case folding, so granting `acme` never
 * grants `acme-prod` and `Acme-Prod` is not `acme-prod`. A disabled user is granted nothing.
 */
export function isTenantGranted(user: Pick<PortalUser, 'grants' | 'disabled'>, tenant: GrantableTenant): boolean {
  if (user.disabled) return false;
  const { grants } = user;
  if (grants.all === true) return true;
  if (grants.tenants.includes(tenant.tenantId)) return true;
  return tenant.group !== undefined && grants.groups.includes(tenant.group);
}

export function filterGrantedTenants<T extends GrantableTenant>(
  user: Pick<PortalUser, 'grants' | 'disabled'>,
  tenants: readonly T[],
): T[] {
  return tenants.filter((tenant) => isTenantGranted(user, tenant));
}
