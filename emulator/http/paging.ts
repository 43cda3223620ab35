// The entity-listing envelope (genesys-api.md §9). Link query strings put pageSize and
// pageNumber first and then repeat the caller's other filters; their exact form is UNVERIFIED.

export type Listing<T> = {
  entities: T[];
  pageSize: number;
  pageNumber: number;
  total: number;
  firstUri: string;
  selfUri: string;
  nextUri?: string;
  previousUri?: string;
  lastUri: string;
  pageCount: number;
};

export type PageRequest = { pageSize: number; pageNumber: number; path: string; query?: URLSearchParams };

const PAGING_KEYS = new Set(['pageSize', 'pageNumber']);

function pageUri(path: string, pageSize: number, pageNumber: number, query?: URLSearchParams): string {
  const params = new URLSearchParams({ pageSize: String(pageSize), pageNumber: String(pageNumber) });
  query?.forEach((value, key) => {
    if (!PAGING_KEYS.has(key)) params.append(key, value);
  });
  return `${path}?${params.toString()}`;
}

export function paginate<T, R = T>(items: readonly T[], page: PageRequest, render?: (item: T) => R): Listing<R> {
  const { pageSize, pageNumber, path, query } = page;
  const total = items.length;
  const pageCount = Math.ceil(total / pageSize);
  const start = (pageNumber - 1) * pageSize;
  const slice = items.slice(start, start + pageSize);
  const uri = (n: number): string => pageUri(path, pageSize, n, query);
  const listing: Listing<R> = {
    entities: render ? slice.map(render) : (slice as unknown as R[]),
    pageSize,
    pageNumber,
    total,
    firstUri: uri(1),
    selfUri: uri(pageNumber),
    lastUri: uri(Math.max(pageCount, 1)),
    pageCount,
  };
  if (pageNumber < pageCount) listing.nextUri = uri(pageNumber + 1);
  if (pageNumber > 1) listing.previousUri = uri(Math.min(pageNumber - 1, Math.max(pageCount, 1)));
  return listing;
}
