// Users: one page, every user, one user, and search (genesys-api.md §7).
import type { QueryParams } from './api-paths';
import type { CallOptions, GenesysClient } from './client';
import { type PageCursor, type ResumableIterator, paginateEntities } from './paginate';
import type { TenantConnection } from './ports';
import { type User, type UserSearchRequest, type UserSearchResponse, userSearchRequestSchema } from './schemas/user';

export interface ListUsersQuery {
  pageSize?: number;
  pageNumber?: number;
  id?: string[];
  expand?: string[];
  sortOrder?: 'ascending' | 'descending';
  state?: 'active' | 'inactive' | 'deleted' | 'any';
}

const toQuery = (query: ListUsersQuery): QueryParams => ({ ...query });

export function listUsers(
  client: GenesysClient,
  tenant: TenantConnection,
  query: ListUsersQuery = {},
  options?: CallOptions,
) {
  return client.request(tenant, 'users.list', { ...options, query: toQuery(query) });
}

/** Every user, page after page; resumable after a failure (see paginate.ts). */
export function iterateUsers(
  client: GenesysClient,
  tenant: TenantConnection,
  query: Omit<ListUsersQuery, 'pageNumber'> = {},
  options: CallOptions & { resumeFrom?: PageCursor<number> } = {},
): ResumableIterator<User, number> {
  return paginateEntities(client, tenant, 'users.list', toQuery(query), options);
}

export function getUser(
  client: GenesysClient,
  tenant: TenantConnection,
  userId: string,
  query: { expand?: string[] } = {},
  options?: CallOptions,
): Promise<User> {
  return client.request(tenant, 'users.get', { ...options, params: { userId }, query: { ...query } });
}

/** One page of a users search (POST is read-only, so it is retried like a GET). */
export async function searchUsers(
  client: GenesysClient,
  tenant: TenantConnection,
  request: UserSearchRequest,
  options?: CallOptions,
): Promise<UserSearchResponse> {
  const body = userSearchRequestSchema.parse(request);
  return client.request(tenant, 'users.search', { ...options, body });
}
