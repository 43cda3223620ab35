// Routing queues (requires routing:queue:view). One page; paginateEntities for all.
import type { CallOptions, GenesysClient } from './client';
import type { TenantConnection } from './ports';

export interface QueueQuery {
  pageSize?: number;
  pageNumber?: number;
  /** Exact name, or with a leading and/or trailing `*`. */
  name?: string;
  sortOrder?: 'asc' | 'desc';
  id?: string[];
  divisionId?: string[];
}

export function listQueues(
  client: GenesysClient,
  tenant: TenantConnection,
  query: QueueQuery = {},
  options?: CallOptions,
) {
  return client.request(tenant, 'routing.queues', { ...options, query: { ...query } });
}
