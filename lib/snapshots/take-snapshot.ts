/**
 * Taking a snapshot: the filtered users, page by page through the users-search iterator (each
 * page paced by the tenant's rate governor like any other call), each user kept once, rows
 * written a page at a time so memory holds one page (plus the ids seen), never the whole list.
 */
import type { GenesysClient } from '../genesys/client';
import { paginateUserSearch } from '../genesys/paginate';
import type { TenantConnection } from '../genesys/ports';
import type { UserSearchResponse } from '../genesys/schemas/user';
import { toSearchCriteria, type UserFilter } from '../users/user-view';
import type { SnapshotStore } from './store';
import { withSnapshotStore } from './store-errors';
import { toSnapshotRow } from './to-row';
import type { SnapshotMeta, SnapshotRow } from './types';

export const SNAPSHOT_PAGE_SIZE = 100;

export interface TakeSnapshotInput {
  client: GenesysClient;
  connection: TenantConnection;
  store: SnapshotStore;
  tenantId: string;
  createdBy: string;
  filter: UserFilter;
  requestId?: string;
}

/** The client, reporting the `total` of every users-search page it answers. */
function observingTotals(client: GenesysClient, onTotal: (total: number) => void): GenesysClient {
  const untyped = client.request.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const request = async (...args: unknown[]) => {
    const result = await untyped(...args);
    if (args[1] === 'users.search' || args[1] === 'users.searchNext') onTotal((result as UserSearchResponse).total);
    return result;
  };
  return { request: request as GenesysClient['request'] };
}

const reason = (error: unknown) => (error instanceof Error ? error.message : 'unknown error');

export async function takeSnapshot(input: TakeSnapshotInput): Promise<SnapshotMeta> {
  const { client, connection, store, tenantId, createdBy, filter, requestId } = input;
  const writer = await withSnapshotStore(() => store.begin({ tenantId, createdBy, filter }));
  // The first page's total: what "n of N" progress is measured against.
  let expected: number | null = null;
  const observed = observingTotals(client, (total) => (expected ??= total));
  const users = paginateUserSearch(
    observed,
    connection,
    {
      pageSize: SNAPSHOT_PAGE_SIZE,
      sortBy: 'name',
      sortOrder: 'ASC',
      expand: ['authorization'],
      query: toSearchCriteria(filter),
    },
    { requestId },
  );
  // Offset paging over a list that changes meanwhile can repeat a user on the next page: kept once.
  const seen = new Set<string>();
  let page: SnapshotRow[] = [];
  let filterDivisionName: string | undefined;
  try {
    for await (const user of users) {
      if (seen.has(user.id)) continue;
      seen.add(user.id);
      const row = toSnapshotRow(user);
      if (row.divisionId === filter.division) filterDivisionName ??= row.divisionName || undefined;
      page.push(row);
      if (page.length === SNAPSHOT_PAGE_SIZE) {
        const full = page;
        await withSnapshotStore(() => writer.append(full, expected));
        page = [];
      }
    }
    await withSnapshotStore(() => writer.append(page, expected));
    return await withSnapshotStore(() => writer.complete(expected, filterDivisionName ? { filterDivisionName } : {}));
  } catch (error) {
    await writer.fail(`Not completed: ${reason(error)}`).catch(() => undefined);
    throw error;
  }
}
