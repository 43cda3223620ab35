/**
 * The users of a filter as CSV records, about one search page per call: the source of the
 * streamed export. No framework and no `server-only`, so the bench can run it in a child process.
 *
 * - Memory stays flat: one search page (plus the ids of the one before) is held at a time, and
 *   the next page is loaded only when the caller asks for more rows.
 * - The rate budget: every page goes through the governed client, one request at a time.
 * - Exactly once: the resumable search iterator is asked again after a 429 (nextWithRetry), so a
 *   throttled page is neither skipped nor repeated. Results are sorted by `id`, a key that never
 *   changes, so a user renamed during the export cannot move across a page boundary (sorting by
 *   name could show them twice or not at all). A user added upstream meanwhile still shifts later
 *   users by one: the shifted user then arrives again at the top of the next page and is dropped
 *   as already written. (A user deleted meanwhile shifts the other way; offset paging cannot see
 *   that, genesys-api.md §9.) Sorting users search by `id`: the emulator allows it; the real API
 *   documents `sortBy` only by example (`name`), so `id` there is UNVERIFIED.
 */
import type { CallOptions, GenesysClient } from '../genesys/client';
import type { OperationId } from '../genesys/api-paths';
import { paginateEntities, paginateUserSearch } from '../genesys/paginate';
import type { Clock, TenantConnection } from '../genesys/ports';
import type { User, UserSearchRequest, UserSearchResponse } from '../genesys/schemas/user';
import { USER_EXPANDS, toSearchCriteria, type UserFilter } from '../users/user-view';
import type { UserCsvRecord } from './csv';
import { nextWithRetry } from './retry-next';
import { toUserRecord } from './user-record';

/** The largest users-search page (genesys-api.md §7; the emulator's cap). */
export const EXPORT_PAGE_SIZE = 100;

/** A request may sleep this long for a rate slot or a Retry-After before nextWithRetry takes over. */
const IN_REQUEST_WAIT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 90_000;

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

export const exportSearchRequest = (filter: UserFilter, pageSize = EXPORT_PAGE_SIZE): UserSearchRequest => ({
  pageSize,
  sortBy: 'id',
  sortOrder: 'ASC',
  expand: [...USER_EXPANDS],
  query: toSearchCriteria(filter),
});

/**
 * Loads the first page (so its total, and any refusal such as a 403 or a 429 storm, is known
 * before a byte is sent) and returns the rows source.
 */
export async function openUserRows(options: UserRowsOptions): Promise<UserRows> {
  const { client, tenant, filter, sleep, requestId, pageSize = EXPORT_PAGE_SIZE } = options;
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  const stats: UserRowsStats = { rows: 0, pages: 0, retries: 0, duplicatesDropped: 0 };
  const call: CallOptions = { signal, requestId, maxWaitMs: IN_REQUEST_WAIT_MS, timeoutMs: REQUEST_TIMEOUT_MS };
  const retry = { signal, sleep, onRetry: () => void stats.retries++ };
  let total: number | undefined;
  let previousIds = new Set<string>();
  let pageNames = new Map<string, string>();
  const observed = observeSearchPages(client, (page) => {
    total ??= page.total;
    stats.pages++;
    previousIds = new Set(pageNames.keys());
    pageNames = new Map(page.results.map((user) => [user.id, user.name]));
  });
  const users = paginateUserSearch(observed, tenant, exportSearchRequest(filter, pageSize), call);
  const divisions = createDivisionNames(client, tenant, call, retry);

  const first = await nextWithRetry(users, retry);
  let held: User | undefined = first.done ? undefined : first.value;
  let finished = first.done === true;
  let closed = false;

  const pull = async (): Promise<User | undefined> => {
    if (held) {
      const user = held;
      held = undefined;
      return user;
    }
    if (finished || closed) return undefined;
    const result = await nextWithRetry(users, retry);
    if (result.done) finished = true;
    return result.done ? undefined : result.value;
  };

  return {
    get total() {
      return total ?? 0;
    },
    stats,
    async next() {
      if (closed) return undefined;
      options.signal.throwIfAborted(); // a cancelled export serves nothing more, not even a page in hand
      const records: UserCsvRecord[] = [];
      while (records.length < pageSize) {
        const user = await pull();
        if (!user) break;
        if (previousIds.has(user.id)) {
          stats.duplicatesDropped++;
          continue;
        }
        if (user.division && !user.division.name) await divisions.load();
        records.push(toUserRecord(user, { division: divisions.nameOf, manager: (id) => pageNames.get(id) }));
      }
      stats.rows += records.length;
      return records.length === 0 && (finished || closed) ? undefined : records;
    },
    close() {
      closed = true;
      held = undefined;
      stop.abort(new DOMException('export closed', 'AbortError'));
      void users.return?.();
    },
  };
}

/** The client, reporting each users-search page it answers (total, names of that page). */
function observeSearchPages(client: GenesysClient, onPage: (page: UserSearchResponse) => void): GenesysClient {
  const send = client.request.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const request = async (tenant: TenantConnection, operation: OperationId, ...rest: unknown[]) => {
    const result = await send(tenant, operation, ...rest);
    if (operation === 'users.search' || operation === 'users.searchNext') onPage(result as UserSearchResponse);
    return result;
  };
  return { request } as GenesysClient;
}

/**
 * Division names for users whose division reference comes without one: the divisions are listed
 * once per export, on first need (the emulator and the API name the division in the reference,
 * so usually never).
 */
function createDivisionNames(
  client: GenesysClient,
  tenant: TenantConnection,
  call: CallOptions,
  retry: Parameters<typeof nextWithRetry>[1],
) {
  const names = new Map<string, string>();
  let loading: Promise<void> | undefined;
  const listAll = async () => {
    const divisions = paginateEntities(client, tenant, 'authorization.divisions', { pageSize: 100 }, call);
    for (let next = await nextWithRetry(divisions, retry); !next.done; next = await nextWithRetry(divisions, retry)) {
      names.set(next.value.id, next.value.name);
    }
  };
  return {
    load: () => (loading ??= listAll()),
    nameOf: (id: string) => names.get(id),
  };
}
