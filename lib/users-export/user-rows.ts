/**
 * The users of a filter as CSV records, about one search page per call: the source of the
 * streamed export. The paging (sort by id, 429s asked again, duplicates after a shift dropped,
 * abort) is lib/users/user-search.ts, shared with the snapshots; this adds the CSV shape and
 * the names a record shows. No framework and no `server-only`, so the bench can run it.
 */
import type { GenesysClient } from '../genesys/client';
import type { Clock, TenantConnection } from '../genesys/ports';
import type { UserSearchRequest } from '../genesys/schemas/user';
import { listDivisions } from '../users/list-divisions';
import { openUserSearch, SEARCH_PAGE_SIZE, userSearchRequest, type UserSearch } from '../users/user-search';
import type { UserFilter } from '../users/user-view';
import type { UserCsvRecord } from './csv';
import { toUserRecord } from './user-record';

export const EXPORT_PAGE_SIZE = SEARCH_PAGE_SIZE;

export interface UserRowsOptions {
  client: GenesysClient;
  tenant: TenantConnection;
  filter: UserFilter;
  /** Aborted when the download is cancelled: stops the request in flight and every later one. */
  signal: AbortSignal;
  sleep: Clock['sleep'];
  requestId?: string;
  pageSize?: number;
}

export interface UserRowsStats {
  rows: number;
  pages: number;
  /** Pages asked for again after a 429 or a transient failure. */
  retries: number;
  /** Users seen again at the top of a page after an upstream shift, not written twice. */
  duplicatesDropped: number;
}

export interface UserRows {
  /** Users matching the filter when the export started (the first page's `total`). */
  readonly total: number;
  readonly stats: UserRowsStats;
  /** The next rows (at most a page), or undefined once every user has been read. */
  next(): Promise<UserCsvRecord[] | undefined>;
  /** Stops paging: aborts the request in flight, and no upstream request is made after it. */
  close(): void;
}

export const exportSearchRequest = (filter: UserFilter, pageSize = EXPORT_PAGE_SIZE): UserSearchRequest =>
  userSearchRequest(filter, pageSize);

/**
 * Loads the first page (so its total, and any refusal such as a 403 or a 429 storm, is known
 * before a byte is sent) and returns the rows source.
 */
export async function openUserRows(options: UserRowsOptions): Promise<UserRows> {
  const { client, tenant, filter, signal, sleep, requestId, pageSize = EXPORT_PAGE_SIZE } = options;
  let rows = 0;
  // Managers named by the users of the page being written (no request per row).
  let pageNames = new Map<string, string>();
  const search = await openUserSearch(client, tenant, filter, {
    signal,
    sleep,
    requestId,
    pageSize,
    onPage: (page) => void (pageNames = new Map(page.results.map((user) => [user.id, user.name]))),
  });
  const divisions = createDivisionNames(client, tenant, search);

  return {
    get total() {
      return search.total;
    },
    get stats() {
      return { rows, ...search.stats };
    },
    async next() {
      const records: UserCsvRecord[] = [];
      while (records.length < pageSize) {
        const user = await search.next();
        if (!user) break;
        if (user.division && !user.division.name) await divisions.load();
        records.push(toUserRecord(user, { division: divisions.nameOf, manager: (id) => pageNames.get(id) }));
      }
      rows += records.length;
      return records.length === 0 ? undefined : records;
    },
    close: () => search.close(),
  };
}

/**
 * Division names for users whose division reference comes without one: the divisions are listed
 * once per export, on first need (the emulator and the API name the division in the reference,
 * so usually never).
 */
function createDivisionNames(client: GenesysClient, tenant: TenantConnection, search: UserSearch) {
  const names = new Map<string, string>();
  let loading: Promise<void> | undefined;
  const listAll = async () => {
    for (const { id, name } of await listDivisions(client, tenant, search.call, search.retry)) names.set(id, name);
  };
  return {
    load: () => (loading ??= listAll()),
    nameOf: (id: string) => names.get(id),
  };
}
