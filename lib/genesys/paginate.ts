/**
 * Async iterators over paged listings that survive a failure mid-way. A failed page load (say a
 * 429 whose Retry-After exceeds the caller's budget → RateLimitedError) leaves the position
 * untouched: call `next()` again later, or start a new iterator with `resumeFrom: it.cursor`,
 * and iteration continues with the very item that was due, so nothing is skipped or repeated.
 * (Offset paging over data that changes while you page is still offset paging: inserts and
 * deletes upstream can shift items between pages. That is the API's contract, not ours.)
 */
import type { OperationId, PathParams, QueryParams } from './api-paths';
import type { CallOptions, GenesysClient } from './client';
import { GenesysContractError } from './errors';
import type { TenantConnection } from './ports';
import type { OperationResult } from './schemas/operations';
import type { User, UserSearchRequest } from './schemas/user';

/** Where to continue: item `offset` of page `page`. Plain data, safe to keep between requests. */
export interface PageCursor<P> {
  page: P;
  offset: number;
}

export interface ResumableIterator<T, P> extends AsyncIterableIterator<T> {
  /** The next item to yield; undefined once iteration has finished. */
  readonly cursor: PageCursor<P> | undefined;
}

interface LoadedPage<T, P> {
  items: T[];
  next: P | undefined;
}

function createResumableIterator<T, P>(
  start: PageCursor<P>,
  load: (page: P) => Promise<LoadedPage<T, P>>,
): ResumableIterator<T, P> {
  let cursor: PageCursor<P> | undefined = start;
  let loaded: LoadedPage<T, P> | undefined;
  // Calls are serialised so two un-awaited next() calls cannot load the same page twice.
  let queue: Promise<unknown> = Promise.resolve();

  async function step(): Promise<IteratorResult<T, undefined>> {
    for (;;) {
      if (!cursor) return { done: true, value: undefined };
      loaded ??= await load(cursor.page); // a throw leaves cursor and loaded as they were
      if (cursor.offset < loaded.items.length) {
        const value = loaded.items[cursor.offset] as T;
        cursor = { page: cursor.page, offset: cursor.offset + 1 };
        return { done: false, value };
      }
      cursor = loaded.next === undefined ? undefined : { page: loaded.next, offset: 0 };
      loaded = undefined;
    }
  }

  const iterator: ResumableIterator<T, P> = {
    get cursor() {
      return cursor;
    },
    next() {
      const result = queue.then(step);
      queue = result.catch(() => undefined);
      return result;
    },
    return() {
      cursor = undefined;
      loaded = undefined;
      return Promise.resolve({ done: true, value: undefined });
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/** Operations answering an entity listing, without path parameters. */
export type ListOperation = {
  [K in OperationId]: OperationResult<K> extends { entities: unknown[] }
    ? [keyof PathParams<K>] extends [never]
      ? K
      : never
    : never;
}[OperationId];

export type EntityOf<Op extends ListOperation> = OperationResult<Op> extends { entities: Array<infer E> } ? E : never;

export interface PaginateOptions<P> extends CallOptions {
  resumeFrom?: PageCursor<P>;
}

export const DEFAULT_PAGE_SIZE = 100;

/** Every entity of a listing, page by page (pageNumber / pageCount, genesys-api.md §9). */
export function paginateEntities<Op extends ListOperation>(
  client: GenesysClient,
  tenant: TenantConnection,
  operation: Op,
  query: QueryParams = {},
  options: PaginateOptions<number> = {},
): ResumableIterator<EntityOf<Op>, number> {
  const { resumeFrom, ...call } = options;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return createResumableIterator(resumeFrom ?? { page: 1, offset: 0 }, async (pageNumber) => {
    // Op is generic here, so the request's conditional argument type cannot be resolved.
    const untyped = client as unknown as { request(t: TenantConnection, op: OperationId, o: object): Promise<unknown> };
    const listing = (await untyped.request(tenant, operation, {
      ...call,
      query: { ...query, pageSize, pageNumber },
    })) as { entities: Array<EntityOf<Op>>; pageCount?: number };
    const items = listing.entities;
    // Without pageCount, do as the CLI does: continue until a page comes back empty.
    const more = listing.pageCount === undefined ? items.length > 0 : pageNumber < listing.pageCount;
    return { items, next: more ? pageNumber + 1 : undefined };
  });
}

/** A users-search page: the first one is the POST, later ones the q64 (and expand) of `nextPage`. */
export type SearchPage = { q64?: string; expand?: string[] };

/** Every user matching a search: POST users/search, then GET users/search?q64= of each nextPage. */
export function paginateUserSearch(
  client: GenesysClient,
  tenant: TenantConnection,
  searchBody: UserSearchRequest,
  options: PaginateOptions<SearchPage> = {},
): ResumableIterator<User, SearchPage> {
  const { resumeFrom, ...call } = options;
  return createResumableIterator<User, SearchPage>(resumeFrom ?? { page: {}, offset: 0 }, async (page) => {
    const response =
      page.q64 === undefined
        ? await client.request(tenant, 'users.search', { ...call, body: searchBody })
        : await client.request(tenant, 'users.searchNext', { ...call, query: { q64: page.q64, expand: page.expand } });
    if (!response.nextPage || response.results.length === 0) return { items: response.results, next: undefined };
    return { items: response.results, next: searchPageOf(response.nextPage) };
  });
}

/**
 * Only q64 (and expand, in case the link carries it outside q64: UNVERIFIED) are taken from
 * nextPage; the link itself is never followed, so an absolute URL in it cannot send the
 * tenant's token to another host.
 */
function searchPageOf(nextPage: string): SearchPage {
  const params = new URL(nextPage, 'https://placeholder.invalid').searchParams;
  const q64 = params.get('q64');
  if (!q64) throw new GenesysContractError('users.search', ['nextPage: no q64 parameter']);
  const expand = params.getAll('expand');
  // URLSearchParams decodes a raw `+` to a space; base64 has no spaces, so restore it.
  return { q64: q64.replace(/ /g, '+'), ...(expand.length > 0 ? { expand } : {}) };
}
