import 'server-only';
import {
  GenesysApiError,
  GenesysContractError,
  GenesysTimeoutError,
  listUsers,
  RateLimitedError,
  searchUsers,
  type CallOptions,
  type GenesysClient,
  type TenantConnection,
  type User,
} from '../genesys';
import { ApiError } from '../http/api-error';
import { logger } from '../logger';
import { namesOnPage, toUserRow, unnamedManagerIds, type UserViewPage } from './user-row';
import { toSearchCriteria, USER_EXPANDS, type UserView } from './user-view';

/**
 * One page of the users view: one users search (filter, sort and paging done by Genesys), plus
 * at most one GET /users?id=… naming the managers the page itself does not contain (never a
 * request per row), and only while the manager column is shown.
 */
export async function loadUserViewPage(
  client: GenesysClient,
  connection: TenantConnection,
  view: UserView,
  options: CallOptions & { signal: AbortSignal },
): Promise<UserViewPage> {
  try {
    const response = await searchUsers(
      client,
      connection,
      {
        pageSize: view.pageSize,
        pageNumber: view.page,
        sortBy: view.sort,
        sortOrder: view.dir === 'desc' ? 'DESC' : 'ASC',
        expand: [...USER_EXPANDS],
        query: toSearchCriteria(view),
      },
      options,
    );
    const users = response.results;
    const names = namesOnPage(users);
    if (!view.columns || view.columns.includes('manager')) {
      for (const [id, name] of await lookupManagers(client, connection, users, names, options)) names.set(id, name);
    }
    return {
      total: response.total,
      page: view.page,
      pageSize: view.pageSize,
      pageCount: response.pageCount ?? Math.ceil(response.total / view.pageSize),
      rows: users.map((user) => toUserRow(user, names)),
    };
  } catch (error) {
    // The table aborts superseded pages all the time (typing, paging): not a server error.
    if (options.signal.aborted) throw new ApiError(499, 'client_closed_request', 'The request was cancelled.');
    throw error;
  }
}

const UPSTREAM_FAILURES = [GenesysApiError, GenesysContractError, GenesysTimeoutError, RateLimitedError];

/** Manager names are a nicety: if naming them fails, the page still shows (with their ids). */
async function lookupManagers(
  client: GenesysClient,
  connection: TenantConnection,
  users: readonly User[],
  known: ReadonlyMap<string, string>,
  options: CallOptions,
): Promise<Map<string, string>> {
  const ids = unnamedManagerIds(users, known);
  if (ids.length === 0) return new Map();
  try {
    // state=any: a manager may be inactive (or deleted) and still be named on the user.
    const listing = await listUsers(client, connection, { id: ids, state: 'any', pageSize: ids.length }, options);
    return namesOnPage(listing.entities);
  } catch (error) {
    if (!UPSTREAM_FAILURES.some((type) => error instanceof type)) throw error;
    logger.warn(
      { requestId: options.requestId, tenantId: connection.tenantId, err: (error as Error).name },
      'users view: managers not named',
    );
    return new Map();
  }
}
