import { errorResult, okResult, type EmulatorResult } from '../result';
import { createEntityListing } from './entity-listing';
import type { Queue } from './queue';

// GET /api/v2/routing/queues. Parameters from RoutingApi.getRoutingQueues in
// purecloud-platform-client-v2@262 (`src/.../api/RoutingApi.js`, `index.d.ts` getRoutingQueuesOptions):
// pageNumber (1), pageSize (25), sortOrder asc|desc ("results are sorted by name"), name
// ("leading and trailing asterisks allowed"), id (multi), divisionId (multi), peerId (multi),
// cannedResponseLibraryId, hasPeer, expand. Requires ANY of `routing:queue:view`.
// The SDK documents no pageSize maximum for this endpoint: 500 is our conservative cap (UNVERIFIED).
export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 25;

type Page = { pageSize: number; pageNumber: number; descending: boolean };

const invalidValue = (field: string, value: string, allowed: string): EmulatorResult =>
  errorResult(
    400,
    'invalid.value',
    `Value [${value}] is not valid for field type [${field}]. Allowable values are: ${allowed}`,
    [{ fieldName: field, errorCode: 'invalid.value' }],
  );

function parseInteger(query: URLSearchParams, field: string, fallback: number, max: number): number | EmulatorResult {
  const raw = query.get(field);
  if (raw === null) return fallback;
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= 1 && value <= max)) {
    const range = max === Number.MAX_SAFE_INTEGER ? 'integers >= 1' : `integers from 1 to ${max}`;
    return invalidValue(field, raw, range);
  }
  return value;
}

function parsePage(query: URLSearchParams): Page | EmulatorResult {
  const pageSize = parseInteger(query, 'pageSize', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  if (typeof pageSize !== 'number') return pageSize;
  const pageNumber = parseInteger(query, 'pageNumber', 1, Number.MAX_SAFE_INTEGER);
  if (typeof pageNumber !== 'number') return pageNumber;
  const sortOrder = (query.get('sortOrder') ?? 'asc').toLowerCase();
  if (sortOrder !== 'asc' && sortOrder !== 'desc')
    return invalidValue('sortOrder', query.get('sortOrder') ?? '', 'asc, desc');
  // sortBy is gone from the current SDK (older SDKs sent sortBy=name); accept only that value.
  const sortBy = query.get('sortBy');
  if (sortBy !== null && sortBy !== 'name') return invalidValue('sortBy', sortBy, 'name');
  return { pageSize, pageNumber, descending: sortOrder === 'desc' };
}

// "Sal*", "*port", "*upp*" or an exact name, case-insensitively. An asterisk anywhere else is
// rejected rather than guessed at, since the docs only promise leading and trailing ones.
function parseNameFilter(raw: string | null): ((name: string) => boolean) | EmulatorResult | undefined {
  if (raw === null || raw === '') return undefined;
  const leading = raw.startsWith('*');
  const trailing = raw.length > 1 && raw.endsWith('*');
  const core = raw.slice(leading ? 1 : 0, trailing ? -1 : undefined).toLowerCase();
  if (core.includes('*')) {
    return errorResult(
      400,
      'bad.request',
      `Invalid name filter [${raw}]: only leading and trailing asterisks are allowed`,
      [{ fieldName: 'name', errorCode: 'bad.request' }],
    );
  }
  return (name) => {
    const n = name.toLowerCase();
    if (leading && trailing) return n.includes(core);
    if (leading) return n.endsWith(core);
    if (trailing) return n.startsWith(core);
    return n === core;
  };
}

function parseBoolean(query: URLSearchParams, field: string): boolean | undefined | EmulatorResult {
  const raw = query.get(field);
  if (raw === null) return undefined;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  return invalidValue(field, raw, 'true, false');
}

const isError = (value: unknown): value is EmulatorResult =>
  typeof value === 'object' && value !== null && 'ok' in value;

export function listQueues(queues: Queue[], query: URLSearchParams, path: string): EmulatorResult {
  const page = parsePage(query);
  if (isError(page)) return page;
  const nameFilter = parseNameFilter(query.get('name'));
  if (isError(nameFilter)) return nameFilter;
  const hasPeer = parseBoolean(query, 'hasPeer');
  if (isError(hasPeer)) return hasPeer;

  const ids = new Set(query.getAll('id'));
  const divisionIds = new Set(query.getAll('divisionId'));
  // Seeded queues have no peer and no canned-response library, so those filters match nothing.
  const matchesNothing = query.getAll('peerId').length > 0 || hasPeer === true || query.has('cannedResponseLibraryId');

  const matching = matchesNothing
    ? []
    : queues.filter(
        (q) =>
          (ids.size === 0 || ids.has(q.id)) &&
          (divisionIds.size === 0 || divisionIds.has(q.division.id)) &&
          (nameFilter === undefined || nameFilter(q.name)),
      );
  const sorted = [...matching].sort((a, b) => {
    const byName = a.name.toLowerCase().localeCompare(b.name.toLowerCase(), 'en');
    const order = byName !== 0 ? byName : a.id.localeCompare(b.id);
    return page.descending ? -order : order;
  });
  return okResult(createEntityListing(sorted, page, path, query));
}
