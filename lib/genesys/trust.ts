// Organization Authorization (genesys-api.md §4-5): who trusts this org, whom it trusts.
import type { CallOptions, GenesysClient } from './client';
import type { TenantConnection } from './ports';

export interface TrustQuery {
  pageSize?: number;
  pageNumber?: number;
}

/** Orgs that trust this one (we are the trustee). Requires authorization:orgTrustor:view. */
export function listTrustors(
  client: GenesysClient,
  tenant: TenantConnection,
  query: TrustQuery = {},
  options?: CallOptions,
) {
  return client.request(tenant, 'orgauthorization.trustors', { ...options, query: { ...query } });
}

/** Orgs this one trusts (we are the trustor). Requires authorization:orgTrustee:view. */
export function listTrustees(
  client: GenesysClient,
  tenant: TenantConnection,
  query: TrustQuery = {},
  options?: CallOptions,
) {
  return client.request(tenant, 'orgauthorization.trustees', { ...options, query: { ...query } });
}
