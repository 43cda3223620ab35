/**
 * Query semantics shared by both stores. A store yields the entries of the id range newest
 * first; the filters and the page cut happen here, so the two stores cannot drift apart.
 */
import { compareEntryIds, parseEntryId, type EntryId } from './entry-id';
import type { AuditEntry, AuditPage, AuditQuery } from './types';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
/** Entries examined per query at most: a rare match in a huge log returns a short page and a cursor. */
export const DEFAULT_MAX_SCAN = 10_000;

/** Entries with `fromMs <= ms < toMs` and an id below `before`. */
export interface IdRange {
  before?: EntryId;
  fromMs?: number;
  toMs?: number;
}

export interface NormalizedQuery {
  limit: number;
  range: IdRange;
  matches(entry: AuditEntry): boolean;
}

function parseTime(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new TypeError(`Invalid audit query: ${name} is not a date`);
  return ms;
}

export function normalizeAuditQuery(query: AuditQuery): NormalizedQuery {
  const before = query.before === undefined ? undefined : parseEntryId(query.before);
  if (query.before !== undefined && !before) throw new TypeError('Invalid audit query: before is not a cursor');
  const requested = Math.floor(query.limit ?? DEFAULT_LIMIT);
  const limit = Number.isNaN(requested) ? DEFAULT_LIMIT : Math.min(MAX_LIMIT, Math.max(1, requested));
  // An empty grant list means no tenant at all, never "every tenant"; entries without a tenant
  // (a failed login) are not in any granted tenant either.
  const tenants = query.tenantIds && new Set(query.tenantIds);
  const { userId, action, result } = query;
  return {
    limit,
    range: { before, fromMs: parseTime('from', query.from), toMs: parseTime('to', query.to) },
    matches: (entry) =>
      (!tenants || (entry.tenantId !== null && tenants.has(entry.tenantId))) &&
      (userId === undefined || entry.userId === userId) &&
      (action === undefined || entry.action === action) &&
      (result === undefined || entry.result === result),
  };
}

/**
 * Takes matching entries until the page is full, proving there is more by finding one more
 * match, so the last page never hands out a cursor to an empty page. After maxScan entries the
 * page is cut short with the last examined id as cursor: the next page resumes below it.
 */
export async function collectPage(
  entries: AsyncIterable<AuditEntry>,
  query: NormalizedQuery,
  maxScan = DEFAULT_MAX_SCAN,
): Promise<AuditPage> {
  const page: AuditEntry[] = [];
  let scanned = 0;
  for await (const entry of entries) {
    if (query.matches(entry)) {
      if (page.length === query.limit) return { entries: page, nextCursor: page[page.length - 1]!.id };
      page.push(entry);
    }
    if (++scanned >= maxScan) return { entries: page, nextCursor: entry.id };
  }
  return { entries: page, nextCursor: null };
}

export const idBelowRange = (id: EntryId, range: IdRange) => range.fromMs !== undefined && id.ms < range.fromMs;

export function idAboveRange(id: EntryId, range: IdRange): boolean {
  if (range.toMs !== undefined && id.ms >= range.toMs) return true;
  return range.before !== undefined && compareEntryIds(id, range.before) >= 0;
}
