// Divisions and roles of the tenant's org (genesys-api.md §8). One page each; use
// paginateEntities for all of them.
import type { CallOptions, GenesysClient } from './client';
import type { TenantConnection } from './ports';

export interface PageQuery {
  pageSize?: number;
  pageNumber?: number;
  name?: string;
}

export function listDivisions(
  client: GenesysClient,
  tenant: TenantConnection,
  query: PageQuery & { objectCount?: boolean } = {},
  options?: CallOptions,
) {
  return client.request(tenant, 'authorization.divisions', { ...options, query: { ...query } });
}

/** Requires authorization:role:view. */
export function listRoles(
  client: GenesysClient,
  tenant: TenantConnection,
  query: PageQuery & { userCount?: boolean; permission?: string[] } = {},
  options?: CallOptions,
) {
  return client.request(tenant, 'authorization.roles', { ...options, query: { ...query } });
}
