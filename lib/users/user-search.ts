/**
 * Every user of a filter, one at a time, through users search: the one paging both the CSV
 * export and the snapshots use. No framework and no `server-only` (the export's bench runs it).
 *
 * - Memory stays flat: one search page (plus the ids handed out from the page before) is held,
 *   and the next page is loaded only when the caller asks for the user after the last one.
 * - The rate budget: every page goes through the governed client, one request at a time.
 * - Exactly once: the resumable search iterator is asked again after a 429 or a transient failure
 *   (nextWithRetry, until waiting would exceed 180 s), so a throttled page is neither skipped nor
 *   repeated. Results are sorted by `id`, a key that never changes, so a user renamed meanwhile
 *   cannot move across a page boundary (sorting by name could show them twice or not at all). A
 *   user added upstream meanwhile still shifts later users by one: the shifted user then arrives
 *   again at the top of the next page and is dropped as already handed out. (A user deleted
 *   meanwhile shifts the other way; offset paging cannot see that, genesys-api.md §9.) Sorting
 *   users search by `id`: the emulator allows it; the real API documents `sortBy` only by
 *   example (`name`), so `id` there is UNVERIFIED.
 * - Abort: the caller's signal (or close()) stops the request in flight and every later one.
 */
import type { CallOptions, GenesysClient } from '../genesys/client';
import { paginateUserSearch } from '../genesys/paginate';
import type { Clock, TenantConnection } from '../genesys/ports';
import type { User, UserSearchRequest, UserSearchResponse } from '../genesys/schemas/user';
import { nextWithRetry, type RetryNextOptions } from './retry-next';
import { USER_EXPANDS, toSearchCriteria, type UserFilter } from './user-view';

/** The largest users-search page (genesys-api.md §7; the emulator's cap). */
export const SEARCH_PAGE_SIZE = 100;

/** A request may sleep this long for a rate slot or a Retry-After before nextWithRetry takes over. */
const IN_REQUEST_WAIT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 90_000;

export interface UserSearchOptions {
  /** Aborted when the job is cancelled: stops the request in flight and every later one. */
  signal: AbortSignal;
  sleep: Clock['sleep'];
  requestId?: string;
  pageSize?: number;
  /** What each user comes with (default: what the users table and the export show). */
  expand?: readonly string[];
  /** Each page as it arrives, before any of its users is handed out. */
  onPage?: (page: UserSearchResponse) => void;
}

export interface UserSearchStats {
  pages: number;
  /** Pages asked for again after a 429 or a transient failure. */
  retries: number;
  /** Users seen again at the top of a page after an upstream shift, not handed out twice. */
  duplicatesDropped: number;
}

export interface UserSearch {
  /** Users matching the filter when the search started (the first page's `total`). */
  readonly total: number;
  readonly stats: UserSearchStats;
  /** The call options and retry rule of this search, for the job's other requests (divisions). */
  readonly call: CallOptions;
  readonly retry: RetryNextOptions;
  /** The next user, each at most once; undefined once every user has been read or it is closed. */
  next(): Promise<User | undefined>;
  /** Stops paging: aborts the request in flight, and no upstream request is made after it. */
  close(): void;
}

export const userSearchRequest = (
  filter: UserFilter,
  pageSize = SEARCH_PAGE_SIZE,
  expand: readonly string[] = USER_EXPANDS,
): UserSearchRequest => ({
  pageSize,
  sortBy: 'id',
  sortOrder: 'ASC',
  expand: [...expand],
  query: toSearchCriteria(filter),
});

/**
 * Loads the first page (so its total, and any refusal such as a 403 or a 429 storm, is known
 * before anything is written) and returns the search to read users from.
 */
export async function openUserSearch(
  client: GenesysClient,
  tenant: TenantConnection,
  filter: UserFilter,
  options: UserSearchOptions,
): Promise<UserSearch> {
  const { sleep, requestId, pageSize = SEARCH_PAGE_SIZE, expand = USER_EXPANDS, onPage } = options;
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  const stats: UserSearchStats = { pages: 0, retries: 0, duplicatesDropped: 0 };
  const call: CallOptions = { signal, requestId, maxWaitMs: IN_REQUEST_WAIT_MS, timeoutMs: REQUEST_TIMEOUT_MS };
  const retry: RetryNextOptions = { signal, sleep, onRetry: () => void stats.retries++ };
  let total: number | undefined;
  // Ids handed out from the page before and from this one: a shift repeats at most a few of them.
  let previousIds = new Set<string>();
  let currentIds = new Set<string>();
  const observed = observeSearchPages(client, (page) => {
    total ??= page.total;
    stats.pages++;
    previousIds = currentIds;
    currentIds = new Set();
    onPage?.(page);
  });
  const users = paginateUserSearch(observed, tenant, userSearchRequest(filter, pageSize, expand), call);

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
    call,
    retry,
    async next() {
      if (closed) return undefined;
      options.signal.throwIfAborted(); // a cancelled job gets nothing more, not even a user in hand
      for (let user = await pull(); user; user = await pull()) {
        if (previousIds.has(user.id) || currentIds.has(user.id)) {
          stats.duplicatesDropped++;
          continue;
        }
        currentIds.add(user.id);
        return user;
      }
      return undefined;
    },
    close() {
      closed = true;
      held = undefined;
      stop.abort(new DOMException('search closed', 'AbortError'));
      void users.return?.();
    },
  };
}

// The client validated the body against the operation's schema; the shape check keeps the guard honest.
const isSearchPage = (operation: string, result: unknown): result is UserSearchResponse =>
  (operation === 'users.search' || operation === 'users.searchNext') &&
  typeof result === 'object' &&
  result !== null &&
  'results' in result &&
  'total' in result;

/** The client, reporting each users-search page it answers; every other call passes untouched. */
function observeSearchPages(client: GenesysClient, onPage: (page: UserSearchResponse) => void): GenesysClient {
  return {
    async request(tenant, operation, ...args) {
      const result = await client.request(tenant, operation, ...args);
      if (isSearchPage(operation, result)) onPage(result);
      return result;
    },
  };
}
