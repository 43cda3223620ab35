// The tenant's own organization: GET/PUT /organizations/me, features, auth settings, limits.
import type { CallOptions, GenesysClient } from './client';
import type { TenantConnection } from './ports';
import {
  type AuthSettings,
  type AuthSettingsUpdate,
  type FeatureName,
  type LimitNamespace,
  type Limit,
  type Organization,
  type OrganizationUpdate,
  authSettingsUpdateSchema,
  featureNameSchema,
  organizationUpdateSchema,
} from './schemas/organization';

export function getOrganization(client: GenesysClient, tenant: TenantConnection, options?: CallOptions) {
  return client.request(tenant, 'organizations.me', options);
}

/**
 * PUT with the version the caller last read. A stale version is a GenesysApiError 409
 * `general.conflict`: re-read, show the admin what changed, let them decide. Never retried
 * with a fresher version automatically, which would overwrite someone else's edit.
 */
export async function updateOrganization(
  client: GenesysClient,
  tenant: TenantConnection,
  update: OrganizationUpdate,
  options?: CallOptions,
): Promise<Organization> {
  const body = organizationUpdateSchema.parse(update);
  return client.request(tenant, 'organizations.updateMe', { ...options, body });
}

/** PATCH one feature; answers the whole feature map. Bumps the org version (emulator: yes; real: UNVERIFIED). */
export async function setFeature(
  client: GenesysClient,
  tenant: TenantConnection,
  featureName: FeatureName,
  enabled: boolean,
  options?: CallOptions,
): Promise<Record<string, boolean>> {
  const name = featureNameSchema.parse(featureName);
  return client.request(tenant, 'organizations.feature', {
    ...options,
    params: { featureName: name },
    body: { enabled },
  });
}

export function getAuthSettings(
  client: GenesysClient,
  tenant: TenantConnection,
  options?: CallOptions,
): Promise<AuthSettings> {
  return client.request(tenant, 'organizations.authSettings', options);
}

/** PATCH: only the given fields change (nested passwordRequirements field by field). */
export async function updateAuthSettings(
  client: GenesysClient,
  tenant: TenantConnection,
  update: AuthSettingsUpdate,
  options?: CallOptions,
): Promise<AuthSettings> {
  const body = authSettingsUpdateSchema.parse(update);
  return client.request(tenant, 'organizations.updateAuthSettings', { ...options, body });
}

export async function listLimitNamespaces(
  client: GenesysClient,
  tenant: TenantConnection,
  options?: CallOptions,
): Promise<LimitNamespace[]> {
  const listing = await client.request(tenant, 'organizations.limitsNamespaces', {
    ...options,
    query: { pageSize: 100 },
  });
  return listing.entities;
}

/** Effective limits of one namespace, e.g. `platform.api` (the tenant's real rate limit). */
export async function getNamespaceLimits(
  client: GenesysClient,
  tenant: TenantConnection,
  namespaceName: string,
  options?: CallOptions,
): Promise<Limit[]> {
  const limits = await client.request(tenant, 'organizations.limitsNamespace', {
    ...options,
    params: { namespaceName },
  });
  return limits.entities;
}
