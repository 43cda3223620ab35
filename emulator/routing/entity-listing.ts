// The Genesys entity-listing envelope (genesys-api.md §9, PY-SDK `QueueEntityListing.md`).
// Links are relative paths; a link that does not exist (no next page) is omitted, and the
// client's other query parameters are carried over so following nextUri keeps its filters.

export type EntityListing<T> = {
  entities: T[];
  pageSize: number;
  pageNumber: number;
  total: number;
  firstUri: string;
  previousUri?: string;
  nextUri?: string;
  lastUri: string;
  selfUri: string;
  pageCount: number;
};

function pageUri(path: string, query: URLSearchParams, pageSize: number, pageNumber: number): string {
  const params = new URLSearchParams();
  params.set('pageSize', String(pageSize));
  params.set('pageNumber', String(pageNumber));
  for (const [key, value] of query) {
    if (key !== 'pageSize' && key !== 'pageNumber') params.append(key, value);
  }
  return `${path}?${params.toString()}`;
}

export function createEntityListing<T>(
  all: readonly T[],
  page: { pageSize: number; pageNumber: number },
  path: string,
  query: URLSearchParams,
): EntityListing<T> {
  const { pageSize, pageNumber } = page;
  const total = all.length;
  const pageCount = Math.ceil(total / pageSize);
  const uri = (n: number) => pageUri(path, query, pageSize, n);
  return {
    entities: all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
    pageSize,
    pageNumber,
    total,
    firstUri: uri(1),
    ...(pageNumber > 1 ? { previousUri: uri(pageNumber - 1) } : {}),
    ...(pageNumber < pageCount ? { nextUri: uri(pageNumber + 1) } : {}),
    lastUri: uri(Math.max(pageCount, 1)),
    selfUri: uri(pageNumber),
    pageCount,
  };
}
